import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createNodeEngine } from '$lib/engine/node';
import type { Engine } from '$lib/engine/types';
import { importFiles } from '$lib/data/import';
import { domainScoresSql } from '$lib/metrics/assessment';
import { EmergencyCopies } from './emergency';
import { toIndicators, type Indicator } from './model';
import { policyIndicatorsSql } from './queries';
import { writeActionToEngine, writeRoundToEngine } from './records';
import { createDraft } from './drafts';
import { DraftSession } from './session.svelte';
import { MemoryRecordStore } from './store';
import { readDemoFiles } from '../server/demo-files';
import { MemoryStorage } from '../../../tests/fixtures/memory-storage';

let engine: Engine;
let indicators: Indicator[];

beforeAll(async () => {
	engine = await createNodeEngine();
	const files = readDemoFiles();
	await importFiles(engine, files, { today: '2026-01-01', locale: 'es' });
	const q = policyIndicatorsSql();
	indicators = toIndicators(await engine.query(q.sql, q.params));
});

afterAll(async () => {
	await engine?.close();
});

let store: MemoryRecordStore;
let storage: MemoryStorage;
let dataChanged: Mock<() => void>;

beforeEach(() => {
	store = new MemoryRecordStore();
	storage = new MemoryStorage();
	dataChanged = vi.fn<() => void>();
});

function session(round: string, ubigeo = '150101') {
	return new DraftSession({
		ubigeo,
		round,
		store,
		emergency: new EmergencyCopies(storage),
		indicators: () => indicators,
		engine: () => engine,
		dataChanged,
		now: () => '2025-06-15T17:00:00.000Z'
	});
}

async function scores(ubigeo: string, round: string) {
	const q = domainScoresSql({ ubigeo, round });
	return engine.query(q.sql, q.params);
}

/** Answers every indicator so the round can be completed: cumple with evidence, or no_cumple. */
function answerAll(s: DraftSession) {
	indicators.forEach((ind, i) => {
		if (i % 3 === 0) {
			s.setAnswer(ind.id, 'cumple');
			s.setText(ind.id, 'evidence', `Evidencia ${ind.id}`);
		} else s.setAnswer(ind.id, i % 3 === 1 ? 'no_cumple' : 'no_aplica');
	});
}

/** Two tabs open on one draft; the one opened second has saved D3.01 = cumple. */
async function newerTabSaved() {
	await createDraft({ store, ubigeo: '150101', round: '2025', prefill: null, now: 'x' });
	const older = session('2025');
	await older.open();
	const newer = session('2025');
	await newer.open();
	newer.setAnswer('D3.01', 'cumple');
	await newer.autosave!.flush();
	return { older, newer };
}

describe('DraftSession', () => {
	it('opens a new round pre-filled from the latest one, with its evidence', async () => {
		const rows = await engine.query(
			"SELECT indicator_id, answer, evidence, source_url, updated_at FROM assessments WHERE ubigeo = '150101' AND round = '2024'"
		);
		const { draft, error } = await createDraft({
			store,
			ubigeo: '150101',
			round: '2025',
			prefill: { round: '2024', rows: rows as never },
			now: '2025-06-15T17:00:00.000Z'
		});
		expect(error).toBeNull();
		expect(draft.prefilledFrom).toBe('2024');
		const s = session('2025');
		await s.open();
		expect([s.phase, s.source, s.readonly]).toEqual(['ready', 'local', false]);
		expect(Object.keys(s.draft!.answers)).toHaveLength(rows.length);
		const d101 = rows.find((r) => r.indicator_id === 'D1.01')!;
		expect(s.answerOf('D1.01')?.evidence).toBe(d101.evidence);
		// A second "new round" with the same name does not replace it.
		const again = await createDraft({
			store,
			ubigeo: '150101',
			round: '2025',
			prefill: null,
			now: 'x'
		});
		expect(again.error).toBeInstanceOf(Error);
		expect((await store.getDraft('150101:2025'))?.prefilledFrom).toBe('2024');
	});

	it('saves what the official types, and a reopened session shows it', async () => {
		await createDraft({ store, ubigeo: '150101', round: '2025', prefill: null, now: 'x' });
		const s = session('2025');
		await s.open();
		s.setAnswer('D1.01', 'parcial');
		s.setText('D1.01', 'evidence', 'Acta de sesión "A"; línea\n2');
		await s.autosave!.flush();
		const again = session('2025');
		await again.open();
		expect(again.answerOf('D1.01')).toMatchObject({
			answer: 'parcial',
			evidence: 'Acta de sesión "A"; línea\n2',
			updated_at: '2025-06-15T17:00:00.000Z'
		});
	});

	it('recovers changes left in the emergency copy, unless another tab saved after them', async () => {
		await createDraft({ store, ubigeo: '150101', round: '2025', prefill: null, now: 'x' });
		const emergency = new EmergencyCopies(storage);
		const stored = (await store.getDraft('150101:2025'))!;
		const { revision: _r, ...base } = stored;
		void _r;
		const unsaved = structuredClone(base);
		unsaved.answers['D2.01'] = {
			answer: 'cumple',
			evidence: 'tecleado al cerrar',
			source_url: '',
			notes: '',
			updated_at: null
		};
		emergency.write(unsaved, stored.revision);
		const s = session('2025');
		await s.open();
		expect(s.answerOf('D2.01')?.evidence).toBe('tecleado al cerrar');
		await s.autosave!.flush();
		expect((await store.getDraft('150101:2025'))?.answers['D2.01']?.evidence).toBe(
			'tecleado al cerrar'
		);
		expect(emergency.read('150101:2025')).toBeNull(); // cleared once stored

		// A copy based on an older revision loses against the newer stored answers.
		emergency.write(unsaved, 1);
		const stale = session('2025');
		await stale.open();
		expect(stale.autosave!.revision).toBe(2);
		expect(stale.autosave!.dirty).toBe(false);
		expect(emergency.read('150101:2025')).toBeNull();
	});

	it('keeps the emergency copy as soon as a save fails, and says when that copy fails too', async () => {
		await createDraft({ store, ubigeo: '150101', round: '2025', prefill: null, now: 'x' });
		const s = session('2025');
		await s.open();
		store.failWith = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		s.setText('D1.01', 'evidence', 'sin disco');
		await s.autosave!.flush();
		expect(s.autosave!.state).toBe('error');
		expect(s.backupKept).toBe(true);
		const copy = new EmergencyCopies(storage).read('150101:2025');
		expect(copy).toMatchObject({ base: 1 });
		expect(copy?.draft.answers['D1.01'].evidence).toBe('sin disco');

		// localStorage full too: nothing holds the change
		storage.setItem = () => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
		s.setText('D1.01', 'evidence', 'sin disco ni copia');
		await s.autosave!.flush();
		expect(s.backupKept).toBe(false);

		// storage is back: saved, and the flag is down
		store.failWith = null;
		s.setText('D1.01', 'evidence', 'guardado');
		await s.autosave!.flush();
		expect(s.autosave!.state).toBe('saved');
		expect(s.autosave!.error).toBeNull();
		expect(s.backupKept).toBe(false);
	});

	it('shows a round of the loaded data read-only, and says when a round does not exist', async () => {
		const data = session('2024');
		await data.open();
		expect([data.phase, data.source, data.readonly]).toEqual(['ready', 'data', true]);
		data.setAnswer('D1.01', 'no_cumple');
		expect(data.answerOf('D1.01')?.answer).not.toBe('no_cumple');
		const none = session('2031');
		await none.open();
		expect(none.phase).toBe('missing');
	});

	it('lists what is missing, refuses to finish, then finishes and joins the engine’s data', async () => {
		await createDraft({ store, ubigeo: '150101', round: '2025', prefill: null, now: 'x' });
		const s = session('2025');
		await s.open();
		s.setAnswer(indicators[0].id, 'cumple');
		expect(s.missing.length).toBe(indicators.length); // first: evidence; the rest: unanswered
		expect(s.missing[0]).toMatchObject({ reason: 'evidence' });
		expect(await s.finish()).toBe('missing');
		expect(await scores('150101', '2025')).toEqual([]);

		answerAll(s);
		expect(s.missing).toEqual([]);
		expect(await s.finish()).toBe('done');
		expect(dataChanged).toHaveBeenCalledTimes(1);
		expect(s.readonly).toBe(true);
		expect((await store.getDraft('150101:2025'))?.status).toBe('completed');
		const rows = await scores('150101', '2025');
		expect(rows).toHaveLength(6);
		// Domain 1: a third of its indicators cumple, the others no_cumple / no_aplica.
		for (const r of rows) expect(r.completeness).toBe(100);

		expect(await s.reopen()).toBe(true);
		expect(await scores('150101', '2025')).toEqual([]);
		expect(s.readonly).toBe(false);
	});

	it('does not complete a round storage could not keep', async () => {
		await createDraft({ store, ubigeo: '150101', round: '2026', prefill: null, now: 'x' });
		const s = session('2026');
		await s.open();
		answerAll(s);
		store.failWith = new DOMException('full', 'QuotaExceededError');
		expect(await s.finish()).toBe('storage');
		expect(s.draft!.status).toBe('draft');
		expect(s.autosave!.state).toBe('error');
		expect(await scores('150101', '2026')).toEqual([]);
	});

	it('reloads what another tab saved when nothing here is unsaved', async () => {
		const { older, newer } = await newerTabSaved();
		await older.reload();
		expect(older.answerOf('D3.01')?.answer).toBe('cumple');
		expect(older.autosave!.revision).toBe(newer.autosave!.revision);
	});

	it('an older tab that types after a newer tab saved gets a conflict, and the newer answers stay', async () => {
		const { older } = await newerTabSaved();
		older.setAnswer('D3.01', 'no_cumple');
		await older.autosave!.flush();
		expect(older.autosave!.state).toBe('conflict');
		expect(older.readonly).toBe(true);
		expect((await store.getDraft('150101:2025'))?.answers['D3.01'].answer).toBe('cumple');
	});
});

describe('records in the engine', () => {
	it('re-applying a completed round is idempotent and skips indicators the framework lacks', async () => {
		const draft = {
			id: '070101:2025',
			ubigeo: '070101',
			round: '2025',
			status: 'completed' as const,
			createdAt: '',
			updatedAt: '',
			completedAt: '',
			prefilledFrom: null,
			answers: {
				'D1.01': {
					answer: 'cumple' as const,
					evidence: 'x',
					source_url: '',
					notes: 'no va a la tabla',
					updated_at: '2025-06-15T17:00:00.000Z'
				},
				'NO.EXISTE': {
					answer: 'cumple' as const,
					evidence: '',
					source_url: '',
					notes: '',
					updated_at: null
				}
			}
		};
		await writeRoundToEngine(engine, draft);
		await writeRoundToEngine(engine, draft);
		const rows = await engine.query(
			"SELECT indicator_id, answer, evidence, source_url, updated_at FROM assessments WHERE ubigeo = '070101' AND round = '2025'"
		);
		expect(rows).toEqual([
			{
				indicator_id: 'D1.01',
				answer: 'cumple',
				evidence: 'x',
				source_url: null,
				updated_at: '2025-06-15T17:00:00.000Z'
			}
		]);
	});

	it('upserts an action by id and drops an indicator the framework lacks', async () => {
		const action = {
			action_id: 'PA-070101-90',
			ubigeo: '070101',
			indicator_id: 'D1.01',
			description: 'Directiva',
			responsible: null,
			due_date: '2025-07-31',
			status: 'pendiente' as const,
			completed_on: null
		};
		await writeActionToEngine(engine, action);
		await writeActionToEngine(engine, {
			...action,
			status: 'completada',
			completed_on: '2025-07-01'
		});
		await writeActionToEngine(engine, { ...action, action_id: 'PA-070101-91', indicator_id: 'ZZ' });
		const rows = await engine.query(
			"SELECT action_id, indicator_id, status, due_date, completed_on FROM actions WHERE action_id LIKE 'PA-070101-9%' ORDER BY action_id"
		);
		expect(rows).toEqual([
			{
				action_id: 'PA-070101-90',
				indicator_id: 'D1.01',
				status: 'completada',
				due_date: '2025-07-31',
				completed_on: '2025-07-01'
			},
			{
				action_id: 'PA-070101-91',
				indicator_id: null,
				status: 'pendiente',
				due_date: '2025-07-31',
				completed_on: null
			}
		]);
	});
});
