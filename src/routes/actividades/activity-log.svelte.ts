/**
 * "Registrar actividad": the form's values and issues, the activities logged
 * in this browser, and (server mode, a UIM assistant signed in) sending them
 * to the server. A new activity is validated like an imported file (log.ts),
 * kept in IndexedDB, and added to the cube, so every figure counts it at once.
 */
import { localToday } from '$lib/clock';
import { activityCube } from '$lib/activities/cube.svelte';
import {
	activitiesCsv,
	activityLog,
	logActivity,
	newActivityId,
	removeLoggedActivity,
	sendLoggedActivity,
	type LoggedActivity
} from '$lib/activities/log';
import { sendActivity } from '$lib/activities/server-sync';
import type { ImportIssue } from '$lib/data/import';
import { csvBlob, downloadBlob } from '$lib/download';
import { engineState } from '$lib/engine/state.svelte';
import { i18n, t } from '$lib/i18n/locale.svelte';

/** The form's fields, as typed (numbers too: an empty field is no value). */
export function blankActivityForm() {
	return {
		date: '',
		ubigeo: '',
		type: '',
		audience: '',
		topic: '',
		modality: '',
		participants_total: '',
		participants_women: '',
		participants_men: '',
		participants_migrants: '',
		partner: ''
	};
}
export type ActivityForm = ReturnType<typeof blankActivityForm>;

/** Where the last send to the server stands. */
export type LogSync = {
	id: string;
	state: 'sending' | 'server' | 'failed' | 'rejected';
	message: string;
};

const toNumber = (v: string | number) => {
	const s = String(v).trim();
	return s === '' ? null : Number(s);
};
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class ActivityLogModel {
	form = $state(blankActivityForm());
	issues = $state.raw<ImportIssue[]>([]);
	/** The last save or removal, in words. */
	message = $state<string | null>(null);
	failure = $state<string | null>(null);
	busy = $state(false);
	logged = $state.raw<LoggedActivity[]>([]);
	storeError = $state<string | null>(null);
	sync = $state<LogSync | null>(null);
	sentCount = $state<number | null>(null);
	sendingAll = $state(false);

	#canSend: () => boolean;

	/** `canSend`: server mode, and a UIM assistant is signed in. */
	constructor(canSend: () => boolean) {
		this.#canSend = canSend;
	}

	unsent = $derived(this.logged.filter((a) => !a.server_saved_at));

	syncText = $derived.by(() => {
		if (!this.sync) return '';
		const { id, message } = this.sync;
		if (this.sync.state === 'sending') return t('act.log.sync.sending', { id });
		if (this.sync.state === 'server') return t('act.log.sync.server', { id });
		if (this.sync.state === 'rejected') return t('act.log.sync.rejected', { id, message });
		return t('act.log.sync.failed', { id });
	});

	/** The issues of a field (the id's, for an issue of no column). */
	errorsOf(field: string): ImportIssue[] {
		return this.issues.filter(
			(i) => i.column === field || (field === 'activity_id' && i.column === null)
		);
	}
	invalid(field: string): boolean {
		return this.errorsOf(field).some((i) => i.severity === 'error');
	}

	/** On arrival: today's date in the form, the list, and what was not sent yet. */
	async start(): Promise<void> {
		if (this.form.date === '') this.form.date = localToday();
		await this.refresh();
		if (this.#canSend()) await this.sendUnsent(true);
	}

	async refresh(): Promise<void> {
		try {
			this.logged = await activityLog().list();
			this.storeError = null;
		} catch (error) {
			this.storeError = t('act.log.storeError', { message: messageOf(error) });
		}
	}

	async #send(activity: LoggedActivity): Promise<boolean> {
		const id = activity.activity_id;
		this.sync = { id, state: 'sending', message: '' };
		let state: LogSync['state'] = 'failed';
		let message: string;
		try {
			const result = await sendLoggedActivity(activity, (a) => sendActivity(a));
			state =
				result.kind === 'stored' ? 'server' : result.kind === 'rejected' ? 'rejected' : 'failed';
			message = result.kind === 'stored' ? '' : result.message;
		} catch (error) {
			// on the server, but this device could not note it: sent again later (the server keeps one)
			message = messageOf(error);
		}
		this.sync = { id, state, message };
		return state === 'server';
	}

	/** Sends every activity the server does not have yet (`quiet`: on arrival, says only what it sent). */
	async sendUnsent(quiet = false): Promise<void> {
		if (this.sendingAll || this.unsent.length === 0) return;
		this.sendingAll = true;
		this.sentCount = null;
		const before = this.sync;
		const unsent = this.unsent;
		let sent = 0;
		for (const a of unsent) if (await this.#send(a)) sent++;
		if (quiet && sent === unsent.length) this.sync = before;
		this.sentCount = sent;
		this.sendingAll = false;
		await this.refresh();
	}

	async submit(): Promise<void> {
		const engine = engineState.engine;
		if (!engine || this.busy) return;
		this.busy = true;
		this.message = null;
		this.failure = null;
		this.issues = [];
		const form = this.form;
		const activity: LoggedActivity = {
			activity_id: newActivityId(form.date || localToday()),
			date: form.date,
			ubigeo: form.ubigeo,
			type: form.type,
			audience: form.audience,
			topic: form.topic,
			modality: form.modality,
			participants_total: toNumber(form.participants_total),
			participants_women: toNumber(form.participants_women),
			participants_men: toNumber(form.participants_men),
			participants_migrants: toNumber(form.participants_migrants),
			partner: form.partner
		};
		try {
			const out = await logActivity(engine, activity, { today: localToday(), locale: i18n.locale });
			this.issues = out.issues;
			if (out.saved) {
				const from = engineState.dataVersion;
				await activityCube.addActivity(engine, activity.activity_id, from, from + 1);
				engineState.dataVersion = from + 1;
				this.message = t('act.log.saved', { id: activity.activity_id });
				this.form = { ...blankActivityForm(), date: form.date, ubigeo: form.ubigeo };
				await this.refresh();
				// kept on this device first; then to the server, in the background
				const kept = this.logged.find((a) => a.activity_id === activity.activity_id);
				if (this.#canSend() && kept) void this.#send(kept).then(() => this.refresh());
			}
		} catch (error) {
			this.failure = t('act.log.failed', { message: messageOf(error) });
		} finally {
			this.busy = false;
		}
	}

	async remove(id: string): Promise<void> {
		const engine = engineState.engine;
		if (!engine) return;
		try {
			await removeLoggedActivity(engine, id);
			// a removal cannot be subtracted from the cube: the next view rebuilds it
			engineState.dataVersion += 1;
			this.message = t('act.log.removed', { id });
			await this.refresh();
		} catch (error) {
			this.failure = t('act.log.failed', { message: messageOf(error) });
		}
	}

	download(): void {
		downloadBlob(csvBlob(activitiesCsv(this.logged)), 'actividades_registradas.csv');
	}
}
