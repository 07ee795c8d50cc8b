import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave } from './autosave.svelte';
import { emptyDraft, type Draft } from './model';
import { MemoryRecordStore } from './store';

let store: MemoryRecordStore;
let draft: Draft;

beforeEach(() => {
	vi.useFakeTimers();
	store = new MemoryRecordStore();
	draft = emptyDraft('150101', '2025', '2025-03-01T10:00:00.000Z');
});

afterEach(() => {
	vi.useRealTimers();
});

function autosave(revision = 0, onConflict = vi.fn()) {
	return new Autosave({
		store,
		snapshot: () => structuredClone(draft),
		revision,
		delayMs: 250,
		onConflict
	});
}

describe('Autosave', () => {
	it('writes a change within half a second, once for a burst of changes', async () => {
		const save = vi.spyOn(store, 'saveDraft');
		const a = autosave();
		for (const letter of 'Ordenanza') {
			draft.answers['D1.01'] = {
				answer: 'cumple',
				evidence: letter,
				source_url: '',
				notes: '',
				updated_at: null
			};
			a.changed();
			await vi.advanceTimersByTimeAsync(40);
		}
		expect(a.state).toBe('pending');
		await vi.advanceTimersByTimeAsync(250);
		expect(save).toHaveBeenCalledTimes(1);
		expect(a.state).toBe('saved');
		expect(a.revision).toBe(1);
		expect((await store.getDraft(draft.id))?.answers['D1.01'].evidence).toBe('a');
	});

	it('saves during continuous typing too: never more than maxWaitMs behind', async () => {
		// the case: 80 keys at 200 ms a key never leave a 250 ms quiet moment
		const a = new Autosave({
			store,
			snapshot: () => structuredClone(draft),
			revision: 0,
			delayMs: 250,
			maxWaitMs: 750
		});
		const text = 'x'.repeat(80);
		let worst = 0;
		for (let typed = 1; typed <= text.length; typed++) {
			draft.answers['D1.01'] = {
				answer: 'cumple',
				evidence: text.slice(0, typed),
				source_url: '',
				notes: '',
				updated_at: null
			};
			a.changed();
			await vi.advanceTimersByTimeAsync(200);
			const stored = (await store.getDraft(draft.id))?.answers['D1.01']?.evidence.length ?? 0;
			worst = Math.max(worst, typed - stored);
		}
		// 750 ms at 200 ms a key: the store is at most 4 keys behind what is on screen
		expect(worst).toBeLessThanOrEqual(4);
		expect(a.revision).toBeGreaterThanOrEqual(80 / 4);
		await vi.advanceTimersByTimeAsync(250);
		expect((await store.getDraft(draft.id))?.answers['D1.01'].evidence).toBe(text);
		expect(a.state).toBe('saved');
	});

	it('flush saves at once (pagehide) and does nothing when nothing changed', async () => {
		const save = vi.spyOn(store, 'saveDraft');
		const a = autosave();
		await a.flush();
		expect(save).not.toHaveBeenCalled();
		a.changed();
		await a.flush();
		expect(save).toHaveBeenCalledTimes(1);
		expect(a.dirty).toBe(false);
	});

	it('keeps a storage failure visible, with the error, and succeeds on a later change', async () => {
		const a = autosave();
		store.failWith = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		a.changed();
		await vi.advanceTimersByTimeAsync(300);
		expect(a.state).toBe('error');
		expect((a.error as DOMException).name).toBe('QuotaExceededError');
		expect(a.dirty).toBe(true);
		a.changed();
		expect(a.state).toBe('error'); // stays on screen until a save succeeds
		store.failWith = null;
		await vi.advanceTimersByTimeAsync(300);
		expect(a.state).toBe('saved');
		expect(a.error).toBeNull();
	});

	it('stops, without writing, when another tab saved a newer revision', async () => {
		const onConflict = vi.fn();
		const mine = autosave(0, onConflict);
		mine.changed();
		await mine.flush();
		// Another tab, based on revision 1, saves revision 2.
		const theirs = { ...structuredClone(draft), round: '2025' };
		theirs.answers['D1.02'] = {
			answer: 'parcial',
			evidence: 'theirs',
			source_url: '',
			notes: '',
			updated_at: null
		};
		await store.saveDraft(theirs, 1);
		draft.answers['D1.02'] = {
			answer: 'no_cumple',
			evidence: 'mine',
			source_url: '',
			notes: '',
			updated_at: null
		};
		mine.changed();
		await mine.flush();
		expect(mine.state).toBe('conflict');
		expect(onConflict).toHaveBeenCalledTimes(1);
		expect((await store.getDraft(draft.id))?.answers['D1.02'].evidence).toBe('theirs');
		// Further changes are not written either.
		mine.changed();
		await vi.advanceTimersByTimeAsync(1000);
		expect((await store.getDraft(draft.id))?.revision).toBe(2);
	});

	it('writes the draft again when storage lost it under the page: no conflict', async () => {
		const onConflict = vi.fn();
		const a = autosave(0, onConflict);
		a.changed();
		await a.flush();
		a.changed();
		await a.flush();
		expect(a.revision).toBe(2);
		store.drafts.clear(); // the database deleted while the page is open
		draft.updatedAt = 'after the loss';
		a.changed();
		await a.flush();
		expect(onConflict).not.toHaveBeenCalled();
		expect(a.state).toBe('saved');
		expect(a.revision).toBe(3);
		expect((await store.getDraft(draft.id))?.updatedAt).toBe('after the loss');
	});

	it('never runs two saves at once: a change during a save is written after it', async () => {
		let release!: () => void;
		const gate = new Promise<void>((r) => (release = r));
		const real = store.saveDraft.bind(store);
		const inFlight: number[] = [];
		let max = 0;
		vi.spyOn(store, 'saveDraft').mockImplementation(async (d, expected) => {
			inFlight.push(1);
			max = Math.max(max, inFlight.length);
			if (expected === 0) await gate;
			const r = await real(d, expected);
			inFlight.pop();
			return r;
		});
		const a = autosave();
		a.changed();
		const first = a.flush();
		await vi.advanceTimersByTimeAsync(0);
		expect(a.dirty).toBe(true); // the save in flight counts as unsaved
		draft.updatedAt = 'later';
		a.changed();
		const second = a.flush();
		release();
		await Promise.all([first, second]);
		expect(max).toBe(1);
		expect(a.revision).toBe(2);
		expect((await store.getDraft(draft.id))?.updatedAt).toBe('later');
	});
});
