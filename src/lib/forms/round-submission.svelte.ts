/**
 * One round's way to the UIM, from the official's page (server mode): what
 * the server says of it (`read`), the send of the draft as a new version,
 * and loading a newer server version into the draft. The draft is written
 * to IndexedDB before it is sent and is never removed here: when the server
 * cannot be reached it stays as it was, to send again.
 */
import { nowIso } from '../clock';
import { draftId, type Draft, type Indicator } from './model';
import {
	answersFromServer,
	baseVersion,
	fetchServerRound,
	isLocked,
	openComments,
	sendRound,
	standingOf,
	submissionOf,
	type RoundRead,
	type SendOutcome,
	type ServerRound,
	type Standing
} from './round-sync';
import type { DraftSession } from './session.svelte';
import type { RecordStore } from './store';

export interface RoundSubmissionOptions {
	session: DraftSession;
	indicators: () => readonly Indicator[];
	store: RecordStore;
	/** Whether the person signed in may send this district's rounds (an official of it). */
	canSend: boolean;
	fetch?: typeof fetch;
	now?: () => string;
}

export class RoundSubmission {
	/** What the server said when last asked (null: asking). */
	read = $state<RoundRead | null>(null);
	sending = $state(false);
	/** The last send's outcome (or 'missing' when the round was not complete). */
	outcome = $state<SendOutcome | 'missing' | null>(null);
	/** The version just sent was stored on the server but not on this device (storage failed). */
	unrecorded = $state(false);

	readonly canSend: boolean;
	#opts: RoundSubmissionOptions;
	#now: () => string;

	constructor(opts: RoundSubmissionOptions) {
		this.#opts = opts;
		this.canSend = opts.canSend;
		this.#now = opts.now ?? nowIso;
	}

	get round(): ServerRound | null {
		return this.read?.kind === 'found' ? this.read.round : null;
	}

	/** Where the draft stands against the server (only meaningful once `read` is set). */
	standing = $derived.by((): Standing => standingOf(this.#opts.session.draft, this.read));

	/** Nothing to type while the round is at the UIM (or the server's version is newer). */
	locked = $derived.by(() => this.read?.kind === 'found' && isLocked(this.standing));

	/** The UIM's comments on the returned version, by indicator. */
	comments = $derived.by(() => openComments(this.round));

	async refresh(): Promise<RoundRead> {
		const { session } = this.#opts;
		const read = await fetchServerRound(session.ubigeo, session.round, this.#opts.fetch);
		this.read = read;
		return read;
	}

	/**
	 * Sends the draft as the round's next version. The round must be
	 * complete (the rules of "Marcar como completa"); the draft is flushed to
	 * storage first, so it is on disk whatever the server answers.
	 */
	async send(): Promise<SendOutcome | 'missing'> {
		const { session } = this.#opts;
		if (session.missing.length) return (this.outcome = 'missing');
		const draft = session.snapshot();
		if (!draft || this.sending) return (this.outcome = { kind: 'unreachable', message: '' });
		this.sending = true;
		this.outcome = null;
		this.unrecorded = false;
		try {
			await session.autosave?.flush();
			const body = submissionOf(draft, this.#opts.indicators(), baseVersion(draft, this.read));
			const outcome = await sendRound(session.ubigeo, session.round, body, this.#opts.fetch);
			if (outcome.kind === 'sent') {
				this.unrecorded = !(await session.markServerVersion(outcome.version, {
					sentAt: this.#now()
				}));
				await this.refresh();
			}
			this.outcome = outcome;
			return outcome;
		} finally {
			this.sending = false;
		}
	}

	/**
	 * Puts the server's latest version into the draft (a newer version from
	 * another device, or the returned version to correct), keeping this
	 * device's workshop notes. False when storage refused it.
	 */
	async loadServerVersion(): Promise<boolean> {
		const read = await this.refresh();
		if (read.kind !== 'found') return false;
		const { session } = this.#opts;
		const ok = await session.markServerVersion(read.round.latest_version, {
			sentAt: null,
			answers: answersFromServer(read.round, session.snapshot()?.answers ?? {})
		});
		if (ok) this.outcome = null;
		return ok;
	}

	/**
	 * The draft is gone from this device (another computer, cleared
	 * storage): a new stored draft from the server's latest version, for
	 * the page to open. Throws when storage refuses it.
	 */
	async draftFromServer(): Promise<Draft> {
		const round = this.round;
		if (!round) throw new Error('no server version to start from');
		const { session, store } = this.#opts;
		const now = this.#now();
		const draft: Draft = {
			id: draftId(session.ubigeo, session.round),
			ubigeo: session.ubigeo,
			round: session.round,
			status: 'draft',
			createdAt: now,
			updatedAt: now,
			completedAt: null,
			prefilledFrom: null,
			answers: answersFromServer(round),
			server: { version: round.latest_version, sentAt: null }
		};
		await store.saveDraft(draft, 0);
		return draft;
	}
}
