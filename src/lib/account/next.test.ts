import { describe, expect, it } from 'vitest';
import { safeNext } from './next';

describe('safeNext', () => {
	it.each([
		['/admin', '/admin'],
		['/revision?estado=validated', '/revision?estado=validated'],
		['/autoevaluacion/150101#ronda', '/autoevaluacion/150101#ronda'],
		['/', '/']
	])('keeps a path of this site: %s', (raw, want) => expect(safeNext(raw)).toBe(want));

	it.each([
		[null],
		[''],
		['admin'],
		['https://evil.example/'],
		['//evil.example/x'],
		['/\\evil.example'],
		['/\t/evil.example'],
		['javascript:alert(1)']
	])('sends %j to the observatory', (raw) => expect(safeNext(raw)).toBe('/'));
});
