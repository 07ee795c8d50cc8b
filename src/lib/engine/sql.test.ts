import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNodeEngine } from './node';
import { inlineParams, quoteIdent, quoteLiteral } from './sql';
import type { Engine, Value } from './types';

vi.setConfig({ testTimeout: 120_000 });

describe('quoting', () => {
	it('doubles the quote character, and refuses NUL', () => {
		expect(quoteIdent('a"b')).toBe('"a""b"');
		expect(quoteLiteral("O'Higgins")).toBe("'O''Higgins'");
		expect(() => quoteLiteral('a\0b')).toThrow(/NUL/);
	});
});

describe('inlineParams', () => {
	it('writes each value as a literal, in order', () => {
		expect(
			inlineParams('SELECT ?, ?::DATE, ?, ?, ?, ?', ['a', '2024-01-31', 7, 2.5, true, null])
		).toBe("SELECT 'a', '2024-01-31'::DATE, (7), (2.5::DOUBLE), TRUE, NULL");
	});

	it('leaves question marks in strings, quoted names and comments alone', () => {
		const sql = `SELECT '¿qué?' AS "why?", ? -- is it?\n, /* or ? */ ? AS "a""?"`;
		expect(inlineParams(sql, [1, 'x'])).toBe(
			`SELECT '¿qué?' AS "why?", (1) -- is it?\n, /* or ? */ 'x' AS "a""?"`
		);
		expect(inlineParams("SELECT 'it''s ?' = ?", ["it's ?"])).toBe("SELECT 'it''s ?' = 'it''s ?'");
	});

	it('keeps a negative number from starting a comment', () => {
		expect(inlineParams('SELECT 1 -?', [-1])).toBe('SELECT 1 -(-1)');
	});

	it('refuses a count of values that does not match the placeholders', () => {
		expect(() => inlineParams('SELECT ?, ?', [1])).toThrow(/1 parameters/);
		expect(() => inlineParams('SELECT ?', [1, 2])).toThrow(/2 parameters for 1/);
	});
});

describe('inlineParams on DuckDB: the same answers as bound parameters', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await createNodeEngine();
	});
	afterAll(async () => {
		await engine?.close();
	});

	const cases: [string, Value[]][] = [
		['SELECT ? AS code, ?::INTEGER + 1 AS n', ["070101'; DROP TABLE x; --", 41]],
		['SELECT ?::VARCHAR AS s, length(?::VARCHAR) AS n', ['back\\slash \'quote\' "dq" ?', 'ñandú']],
		['SELECT ?::DATE + 1 AS d, ?::DOUBLE * 2 AS x, 1 -? AS m', ['2024-02-28', 1.25, -3]],
		['SELECT ? IS NULL AS a, ?::BOOLEAN AS b, ?::INTEGER AS c', [null, false, 0]],
		[
			"SELECT count(*)::INTEGER AS n FROM range(10) t(i) WHERE i BETWEEN ?::INTEGER AND ?::INTEGER AND 'x?' <> ?",
			[2, 5, 'y']
		]
	];
	for (const [sql, params] of cases) {
		it(sql, async () => {
			const bound = await engine.query(sql, params);
			expect(await engine.query(inlineParams(sql, params))).toEqual(bound);
		});
	}

	it('gives the hand-worked values', async () => {
		expect(await engine.query(inlineParams(cases[2][0], cases[2][1]))).toEqual([
			{ d: '2024-02-29', x: 2.5, m: 4 }
		]);
		expect(await engine.query(inlineParams(cases[4][0], cases[4][1]))).toEqual([{ n: 4 }]);
	});
});
