/**
 * Records made in this browser (completed rounds, actions) in the engine's
 * tables, so that every dashboard reads them like the loaded datasets. They
 * are written when made, and re-applied from IndexedDB on every fresh engine
 * (`applyLocalAssessmentRecords`, called from `loadDatasets` in app/datasets.ts): after a reload,
 * a crash of the worker, or an import of new datasets.
 */
import type { Engine, Value } from '../engine/types';
import { engineState } from '../engine/state.svelte';
import type { PlanAction } from './actions';
import { TabChannel, type TabMessage } from './coordination';
import type { Draft } from './model';
import { getRecordStore } from './store';

/** The answered indicators of a draft, as rows of the `assessments` table. */
function answeredRows(draft: Draft): Value[][] {
	return Object.entries(draft.answers)
		.filter(([, a]) => a.answer !== null)
		.map(([id, a]) => [
			draft.ubigeo,
			draft.round,
			id,
			a.answer,
			a.evidence.trim() === '' ? null : a.evidence,
			a.source_url.trim() === '' ? null : a.source_url.trim(),
			a.updated_at
		]);
}

async function inTransaction(engine: Engine, work: () => Promise<void>): Promise<void> {
	await engine.exec('BEGIN TRANSACTION');
	try {
		await work();
		await engine.exec('COMMIT');
	} catch (error) {
		await engine.exec('ROLLBACK').catch(() => {});
		throw error;
	}
}

/**
 * Replaces the round's rows in `assessments` with the draft's answers. Rows
 * the loaded data would reject (an indicator or district it does not have)
 * are left out, so a changed framework never breaks the dashboards.
 */
export async function writeRoundToEngine(engine: Engine, draft: Draft): Promise<void> {
	const rows = answeredRows(draft);
	await inTransaction(engine, async () => {
		await engine.query('DELETE FROM assessments WHERE ubigeo = ? AND round = ?', [
			draft.ubigeo,
			draft.round
		]);
		if (rows.length === 0) return;
		await engine.query(
			`INSERT INTO assessments (ubigeo, round, indicator_id, answer, evidence, source_url, updated_at)
SELECT v.ubigeo, v.round, v.indicator_id, v.answer, v.evidence, v.source_url, v.updated_at
FROM (VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?::TIMESTAMP)').join(', ')})
	v(ubigeo, round, indicator_id, answer, evidence, source_url, updated_at)
WHERE v.indicator_id IN (SELECT indicator_id FROM framework WHERE kind = 'policy')
	AND v.ubigeo IN (SELECT ubigeo FROM districts)`,
			rows.flat()
		);
	});
}

export async function removeRoundFromEngine(
	engine: Engine,
	ubigeo: string,
	round: string
): Promise<void> {
	await engine.query('DELETE FROM assessments WHERE ubigeo = ? AND round = ?', [ubigeo, round]);
}

/** Inserts or replaces one action (by `action_id`) in the `actions` table. */
export async function writeActionToEngine(engine: Engine, action: PlanAction): Promise<void> {
	await inTransaction(engine, async () => {
		await engine.query('DELETE FROM actions WHERE action_id = ?', [action.action_id]);
		await engine.query(
			`INSERT INTO actions (action_id, ubigeo, indicator_id, description, responsible, due_date, status, completed_on)
SELECT ?, ?,
	-- an indicator the loaded framework lacks is dropped here (kept in IndexedDB)
	(SELECT indicator_id FROM framework WHERE indicator_id = ?),
	?, ?, ?::DATE, ?, ?::DATE
WHERE ? IN (SELECT ubigeo FROM districts)`,
			[
				action.action_id,
				action.ubigeo,
				action.indicator_id,
				action.description,
				action.responsible,
				action.due_date,
				action.status,
				action.completed_on,
				action.ubigeo
			]
		);
	});
}

const READ_TIMEOUT_MS = 5000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
	let timer: ReturnType<typeof setTimeout>;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error('IndexedDB did not answer')), ms);
	});
	return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Re-applies this browser's completed rounds and actions to a fresh engine.
 * A storage that cannot be read leaves the datasets as they are: the form
 * reports storage problems itself, and the dashboards must still load.
 */
export async function applyLocalAssessmentRecords(engine: Engine): Promise<void> {
	if (typeof indexedDB === 'undefined') return;
	listenToOtherTabs();
	let drafts: Draft[];
	let actions: PlanAction[];
	try {
		const store = getRecordStore();
		[drafts, actions] = await withTimeout(
			Promise.all([store.listDrafts(), store.listActions()]),
			READ_TIMEOUT_MS
		);
	} catch (error) {
		console.warn('Integra: the records saved in this browser could not be read.', error);
		return;
	}
	// One record that cannot be applied must not keep the dashboards from loading.
	const apply = async (what: string, work: () => Promise<void>) => {
		try {
			await work();
		} catch (error) {
			console.warn(`Integra: ${what} saved in this browser could not be applied.`, error);
		}
	};
	for (const draft of drafts) {
		if (draft.status === 'completed')
			await apply(`round ${draft.id}`, () => writeRoundToEngine(engine, draft));
	}
	for (const action of actions) {
		await apply(`action ${action.action_id}`, () => writeActionToEngine(engine, action));
	}
}

let listening: TabChannel | null = null;

/**
 * Another tab completed a round or changed an action: apply it to this tab's
 * engine too, so its dashboards show it without a reload.
 */
function listenToOtherTabs(): void {
	if (listening) return;
	listening = new TabChannel((message: TabMessage) => {
		const engine = engineState.engine;
		if (!engine || (message.kind !== 'round' && message.kind !== 'action')) return;
		refresh(engine, message).then(
			() => (engineState.dataVersion += 1),
			(error) => console.warn('Integra: a record from another tab could not be applied.', error)
		);
	});
}

async function refresh(engine: Engine, message: TabMessage): Promise<void> {
	const store = getRecordStore();
	if (message.kind === 'round') {
		const draft = await store.getDraft(message.draftId);
		if (draft?.status === 'completed') await writeRoundToEngine(engine, draft);
		else if (draft) await removeRoundFromEngine(engine, draft.ubigeo, draft.round);
	} else if (message.kind === 'action') {
		const action = (await store.listActions()).find((a) => a.action_id === message.actionId);
		if (action) await writeActionToEngine(engine, action);
	}
}
