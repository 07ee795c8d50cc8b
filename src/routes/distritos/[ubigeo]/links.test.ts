import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from './links';

describe('safeHttpUrl', () => {
	it.each([
		['https://www.gob.pe/x', 'https://www.gob.pe/x'],
		['http://example.org', 'http://example.org/'],
		['  https://a.pe/b  ', 'https://a.pe/b'],
		['javascript:alert(1)', null],
		['JAVASCRIPT:alert(1)', null],
		['data:text/html,<script>alert(1)</script>', null],
		['ftp://x.pe', null],
		['www.gob.pe', null],
		['', null],
		[null, null]
	])('%j → %j', (input, expected) => {
		expect(safeHttpUrl(input)).toBe(expected);
	});
});
