import { describe, expect, it } from 'vitest';
import { readablePendingError } from './pending-error';

describe('readablePendingError', () => {
	it('writes the JSON of a pending query as query() would, with a caret', () => {
		const sql = 'SELECT nombre\nFROM distritos_x WHERE';
		const json =
			'{"exception_type":"Parser","exception_message":"syntax error at end of input","error_subtype":"SYNTAX_ERROR","position":"36"}';
		expect(readablePendingError(json, sql)).toBe(
			// the caret after the last character: 8 ("LINE 2: ") + 22 ("FROM distritos_x WHERE")
			`Parser Error: syntax error at end of input\n\nLINE 2: FROM distritos_x WHERE\n${' '.repeat(30)}^`
		);
	});

	it('keeps a message without a position, and anything that is not that JSON', () => {
		expect(
			readablePendingError(
				'{"exception_type":"Catalog","exception_message":"Table with name x does not exist!"}',
				'SELECT * FROM x'
			)
		).toBe('Catalog Error: Table with name x does not exist!');
		expect(readablePendingError('Binder Error: no', 'SELECT')).toBe('Binder Error: no');
		expect(readablePendingError('{"other":1}', 'SELECT')).toBe('{"other":1}');
		expect(readablePendingError('42', 'SELECT')).toBe('42');
	});
});
