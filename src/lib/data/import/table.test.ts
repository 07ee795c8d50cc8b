import { describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/node';
import type { Engine } from '../../engine/types';
import { columnNames, guessType, importTable, prepareTable, safeTableName } from '.';
import { fileEngine } from './test-engine';

const engine = fileEngine();

const utf8 = (s: string) => new TextEncoder().encode(s);
const load = (fileName: string, text: string | Uint8Array, over = {}, into: Engine = engine) =>
	importTable(into, {
		fileName,
		bytes: typeof text === 'string' ? utf8(text) : text,
		locale: 'es',
		...over
	});

describe('safeTableName', () => {
	it.each<[string, string[], string]>([
		['Encuesta Añón 2024.csv', [], 'encuesta_anon_2024'],
		['Ventas (final).CSV', [], 'ventas_final'],
		['2024 datos.csv', [], 't_2024_datos'],
		['districts.csv', [], 'districts_2'],
		['actividades.csv', ['actividades'], 'actividades_2'],
		['select.csv', [], 'select_2'],
		['__stage_1.csv', [], 'stage_1'],
		['¿¿??.csv', [], 'tabla'],
		['"; DROP TABLE x; --.csv', [], 'drop_table_x']
	])('%s → %s', (file, reserved, name) => {
		expect(safeTableName(file, reserved)).toBe(name);
		expect(safeTableName(file, reserved)).toMatch(/^[a-z][a-z0-9_]*$/);
	});
});

describe('columnNames', () => {
	it('trims, names the empty ones and makes repeats unique (ignoring case)', () => {
		expect(columnNames([' a ', '', 'A', 'a', '__row'], 5)).toEqual([
			'a',
			'column2',
			'A_2',
			'a_3',
			'__row_2'
		]);
		expect(columnNames(null, 3)).toEqual(['column1', 'column2', 'column3']);
	});
});

describe('guessType', () => {
	it.each<[string[], boolean, string]>([
		[['1', '2', '-3'], false, 'BIGINT'],
		[['12,5', '3', '1.234,5'], true, 'DOUBLE:comma'],
		[['12.5', '3'], true, 'DOUBLE:dot'],
		[['1.234', '5'], true, 'DOUBLE:comma'],
		[['5,5', '5.25'], true, 'MIXED'],
		[['12', 'n/a', '3', '4', '5'], false, 'DOUBLE:dot'],
		[['ha "ha"', '4'], false, 'VARCHAR'],
		[['03/04/2024', '13/04/2024'], false, 'DATE:dmy'],
		[['04/13/2024'], false, 'DATE:mdy'],
		[['2024-04-03 10:00', '2024-04-04 11:30'], false, 'TIMESTAMP:dmy'],
		[['VERDADERO', 'falso'], false, 'BOOLEAN'],
		[[], false, 'VARCHAR']
	])('%j → %s', (values, comma, expected) => {
		const c = guessType(values, comma);
		const label =
			c.type === 'DOUBLE'
				? `DOUBLE:${c.decimalComma ? 'comma' : 'dot'}`
				: c.type === 'DATE' || c.type === 'TIMESTAMP'
					? `${c.type}:${c.order}`
					: c.type;
		expect(label).toBe(expected);
	});
});

describe('importTable', () => {
	it('types the columns, keeps codes as text with a warning, and reads the decimal comma', async () => {
		const r = await load('t.csv', 'code;n;x;when\n007;1;1,5;3/4/2024\n010;2;2,25;13/4/2024\n');
		expect(r.columns.map((c) => `${c.name}:${c.type}`)).toEqual([
			'code:VARCHAR',
			'n:BIGINT',
			'x:DOUBLE',
			'when:DATE'
		]);
		expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([
			['text_leading_zeros', 2, 'code']
		]);
		expect(await engine.query(`SELECT code, n, x, CAST("when" AS VARCHAR) AS w FROM t`)).toEqual([
			{ code: '007', n: 1, x: 1.5, w: '2024-04-03' },
			{ code: '010', n: 2, x: 2.25, w: '2024-04-13' }
		]);
	});

	it('keeps a column as text, with a warning naming a value and its line, when some values are not numbers', async () => {
		const r = await load('u.csv', 'v\n1\n2\n"3\n4"\n5\n6.7.8\n9\n');
		expect(r.columns).toEqual([{ name: 'v', header: 'v', type: 'VARCHAR' }]);
		// The third value spans lines 4–5; the bad one is on line 7.
		expect(r.issues.map((i) => [i.code, i.line])).toEqual([['text_not_numbers', 4]]);
		expect(await engine.query('SELECT v FROM u')).toEqual([
			{ v: '1' },
			{ v: '2' },
			{ v: '3\n4' },
			{ v: '5' },
			{ v: '6.7.8' },
			{ v: '9' }
		]);
	});

	it('drops the empty unnamed columns at the end (Excel’s ;;;), not those in the middle', async () => {
		const r = await load('v.csv', 'a;;b;;;\n1;;2;;;\n3;;4;;;\n');
		expect(r.columns.map((c) => c.name)).toEqual(['a', 'column2', 'b']);
		expect(r.issues.map((i) => i.code)).toEqual(['columns_empty_dropped', 'columns_renamed']);
	});

	it('reads a file without a header, and lets the user say there is one', async () => {
		const guessed = await load('w.csv', '1,2\n3,4\n');
		expect(guessed.header).toBe(false);
		expect(await engine.query('SELECT * FROM w')).toEqual([
			{ column1: 1, column2: 2 },
			{ column1: 3, column2: 4 }
		]);
		const forced = await load('w.csv', '1,2\n3,4\n', { header: true });
		expect(await engine.query('SELECT * FROM w')).toEqual([{ '1': 3, '2': 4 }]);
		expect(forced.rows).toBe(1);
	});

	it('replaces a table of the same name, and never takes a contract table’s name', async () => {
		await load('x.csv', 'a\n1\n');
		await load('x.csv', 'a\n2\n3\n');
		expect(await engine.query('SELECT a FROM x')).toEqual([{ a: 2 }, { a: 3 }]);
		const r = await load('activities.csv', 'a\n1\n');
		expect(r.table).toBe('activities_2');
	});

	it('refuses a broken file with its line, creating nothing', async () => {
		const p = await prepareTable(engine, {
			fileName: 'roto.csv',
			bytes: utf8('a,b\n1,2\n3,4,5\n'),
			locale: 'es'
		});
		expect(p.loadable).toBe(false);
		expect(p.report.issues.map((i) => [i.code, i.line])).toEqual([['file_unreadable', 3]]);
		await p.commit();
		expect(
			await engine.query(
				`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'roto'`
			)
		).toEqual([{ n: 0 }]);
	});

	it('says when the engine runs out of memory', async () => {
		// an engine of its own: the limit is set as it starts (no SET works after)
		const small = await createNodeEngine({ memoryLimit: '64MB' });
		try {
			// a small table fits in that memory: the refusal below is the big file's
			expect((await load('small.csv', 'a,b\n1,x\n', {}, small)).issues).toEqual([]);
			const rows = Array.from(
				{ length: 400_000 },
				(_, i) => `${i},texto largo de la fila ${i} ${'x'.repeat(40)},${i * 1.5}`
			).join('\n');
			// as `npm run validate --type table` runs it: no word of a browser
			const r = await load('big.csv', `a,b,c\n${rows}\n`, { cli: true }, small);
			expect(r.issues.map((i) => i.code)).toEqual(['file_memory']);
			expect(r.issues[0].message).toContain(
				'«big.csv» es demasiado grande para la memoria del motor de datos'
			);
			expect(r.issues[0].message).not.toMatch(/navegador/);
		} finally {
			await small.close();
		}
	}, 60_000);

	it('loads a table of 100 numeric columns (the checks of their types ran out of memory at 64)', async () => {
		const cols = Array.from({ length: 100 }, (_, i) => `v${i}`);
		const rows = Array.from({ length: 20 }, (_, r) =>
			cols.map((_, i) => (i % 2 ? `${r * i}` : `${r}.5`)).join(',')
		);
		const r = await load('ancha.csv', [cols.join(','), ...rows].join('\n') + '\n');
		expect(r).toMatchObject({ errors: 0, warnings: 0, rows: 20, loaded: 20 });
		expect(r.columns).toHaveLength(100);
		expect(r.columns[98]).toEqual({ name: 'v98', header: 'v98', type: 'DOUBLE' });
		expect(r.columns[99]).toEqual({ name: 'v99', header: 'v99', type: 'BIGINT' });
		// Σ r·99 for r = 0…19 = 99 · 190; Σ (r + 0.5) = 190 + 10
		expect(
			await engine.query('SELECT sum(v99)::INTEGER AS a, sum(v98)::DOUBLE AS b FROM ancha')
		).toEqual([{ a: 18_810, b: 200 }]);
	});

	it('refuses a table of 2,000 columns before reading it, creating nothing', async () => {
		const header = Array.from({ length: 2000 }, (_, i) => `c${i}`).join(',');
		const row = Array.from({ length: 2000 }, (_, i) => `${i}`).join(',');
		const r = await load('muy_ancha.csv', `${header}\n${row}\n`);
		expect(r.issues.map((i) => [i.code, i.line])).toEqual([['file_too_many_columns', null]]);
		expect(r.issues[0].message).toBe(
			'«muy_ancha.csv» tiene 2,000 columnas en su primera fila y se leen como máximo 1,000, así que no se leyó. Quite las columnas que no necesita o divida el archivo en varios más angostos. Si no esperaba tantas columnas, revise el separador.'
		);
		expect(r.loaded).toBe(0);
		expect(
			await engine.query(
				`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'muy_ancha'`
			)
		).toEqual([{ n: 0 }]);
	}, 15_000);
});
