import { afterEach, describe, expect, it, vi } from 'vitest';
import { REVOKE_AFTER_MS, csvBlob, downloadBlob } from './download';

/** A stand-in for the few DOM pieces a download touches (the unit tests run in Node). */
function fakeDom() {
	const events: string[] = [];
	const link = {
		href: '',
		download: '',
		rel: '',
		hidden: false,
		click: () => events.push(`click ${link.download} ${link.href}`),
		remove: () => events.push('remove')
	};
	vi.stubGlobal('document', {
		createElement: (tag: string) => (tag === 'a' ? link : null),
		body: { append: () => events.push('append') }
	});
	vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:integra/1');
	vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void events.push(`revoke ${url}`));
	return { events, link };
}

afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
	vi.restoreAllMocks();
});

describe('downloadBlob', () => {
	it('clicks a hidden link to the Blob URL with the file name, then frees the URL later', () => {
		vi.useFakeTimers();
		const { events, link } = fakeDom();
		downloadBlob(new Blob(['a']), 'actividades.csv');
		expect(events).toEqual(['append', 'click actividades.csv blob:integra/1', 'remove']);
		expect(link.hidden).toBe(true);
		// not at once: the browser reads the Blob after the click handler returns
		vi.advanceTimersByTime(REVOKE_AFTER_MS - 1);
		expect(events).not.toContain('revoke blob:integra/1');
		vi.advanceTimersByTime(1);
		expect(events.at(-1)).toBe('revoke blob:integra/1');
	});
});

describe('csvBlob', () => {
	const bytes = async (b: Blob) => [...new Uint8Array(await b.arrayBuffer())];

	it('starts with the UTF-8 byte-order mark by default', async () => {
		const blob = csvBlob('a\né');
		expect(blob.type).toBe('text/csv;charset=utf-8');
		expect(await bytes(blob)).toEqual([0xef, 0xbb, 0xbf, 0x61, 0x0a, 0xc3, 0xa9]);
	});

	it('writes the text alone when asked (files read back by Integra)', async () => {
		expect(await bytes(csvBlob('a', { bom: false }))).toEqual([0x61]);
	});

	it('joins parts as they come (a table exported in slices)', async () => {
		expect(await csvBlob(['a,b\n', '1,2\n'], { bom: false }).text()).toBe('a,b\n1,2\n');
	});
});
