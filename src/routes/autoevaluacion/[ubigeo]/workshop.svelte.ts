/**
 * Workshop mode's moves: which question is on screen (or the summary after
 * the last), the notes panel, where focus goes after each move, and the keys
 * (1–5 answer, ←/→ move, N notes, Escape closes the notes or leaves).
 */
import { tick, untrack } from 'svelte';
import { ANSWERS, type Indicator } from '$lib/forms/model';
import type { DraftSession } from '$lib/forms/session.svelte';

/** Whether a key goes into a text field (radios excepted: ←/→ still move between questions). */
function typing(target: EventTarget | null): boolean {
	return (
		target instanceof HTMLTextAreaElement ||
		(target instanceof HTMLInputElement && target.type !== 'radio')
	);
}

export class WorkshopSteps {
	/** 0 … n−1: a question; n: the summary. */
	step = $state(0);
	notesOpen = $state(false);
	/** The question's (or the summary's) heading, focused after each move. */
	heading = $state<HTMLElement | null>(null);
	/** The evidence field, focused when the notes open. */
	evidenceField = $state<HTMLTextAreaElement | null>(null);

	#session: () => DraftSession;
	#indicators: () => Indicator[];
	#exit: () => void;

	/** Starts at the first question not answered yet. */
	constructor(session: () => DraftSession, indicators: () => Indicator[], exit: () => void) {
		this.#session = session;
		this.#indicators = indicators;
		this.#exit = exit;
		const first = untrack(() => indicators().findIndex((i) => !session().answerOf(i.id)?.answer));
		this.step = first === -1 ? 0 : first;
	}

	get count(): number {
		return this.#indicators().length;
	}
	get atSummary(): boolean {
		return this.step >= this.count;
	}
	get current(): Indicator | null {
		return this.atSummary ? null : this.#indicators()[this.step];
	}

	async go(to: number): Promise<void> {
		const next = Math.max(0, Math.min(this.count, to));
		if (next === this.step) return;
		this.step = next;
		this.notesOpen = false;
		await tick();
		this.heading?.focus();
	}

	async openNotes(): Promise<void> {
		if (!this.current) return;
		this.notesOpen = true;
		await tick();
		this.evidenceField?.focus();
	}

	async closeNotes(): Promise<void> {
		this.notesOpen = false;
		await tick();
		this.heading?.focus();
	}

	/** The workshop's keys, listened to on the window while the workshop is open. */
	onkeydown = (event: KeyboardEvent): void => {
		if (event.ctrlKey || event.metaKey || event.altKey) return;
		if (event.key === 'Escape') {
			event.preventDefault();
			if (this.notesOpen) void this.closeNotes();
			else this.#exit();
			return;
		}
		if (typing(event.target)) return;
		const current = this.current;
		const digit = Number(event.key);
		if (current && Number.isInteger(digit) && digit >= 1 && digit <= ANSWERS.length) {
			event.preventDefault();
			this.#session().setAnswer(current.id, ANSWERS[digit - 1]);
		} else if (event.key === 'ArrowRight') {
			// also on a focused radio: ←/→ move between questions here, ↑/↓ still pick an answer
			event.preventDefault();
			void this.go(this.step + 1);
		} else if (event.key === 'ArrowLeft') {
			event.preventDefault();
			void this.go(this.step - 1);
		} else if ((event.key === 'n' || event.key === 'N') && current) {
			event.preventDefault();
			void this.openNotes();
		}
	};
}
