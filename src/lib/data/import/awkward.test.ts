import { describe, expect, it } from 'vitest';
import { importCsv, recogniseFile } from '.';
import { utf8, csv, ACT_HEADER, act, options, brief } from './dataset.fixtures';
import { engineWithBaseTables } from './test-setup';

const engine = engineWithBaseTables();

describe('importCsv: awkward files', () => {
	it('skips blank lines above the header and numbers the lines of the file', async () => {
		const r = await importCsv(
			engine,
			options('activities.csv', `\n\n${ACT_HEADER}\n${act('A-1')}\n${act('A-2', { type: 'x' })}\n`)
		);
		expect(brief(r)).toEqual(['5:type:error:allowed']);
		expect(r.loaded).toBe(1);
	});

	it('reads mixed line endings (DuckDB alone refuses them)', async () => {
		const r = await importCsv(
			engine,
			options('activities.csv', `${ACT_HEADER}\r\n${act('A-1')}\n${act('A-2')}\r\n`)
		);
		expect(r).toMatchObject({ loaded: 2, errors: 0 });
	});

	it('names the physical line of a broken record after a quoted line break', async () => {
		const text =
			[ACT_HEADER, act('A-1', { partner: '"a\nb"' }), act('A-2') + ',extra'].join('\n') + '\n';
		const r = await importCsv(engine, options('activities.csv', text));
		expect(brief(r)).toEqual(['4:-:error:file_unreadable']);
	});

	it('refuses, before reading it, a header wider than the contract allows (51,200 columns froze the page)', async () => {
		const wide = Array.from({ length: 51_200 }, () => 'c').join(',');
		const r = await importCsv(engine, options('activities.csv', `${wide}\n`));
		expect(brief(r)).toEqual(['-:-:error:file_too_many_columns']);
		expect(r.issues[0].message).toBe(
			'«activities.csv» tiene 51,200 columnas en su primera fila y se leen como máximo 300, así que no se leyó. Quite las columnas que no necesita o divida el archivo en varios más angostos. Si no esperaba tantas columnas, revise el separador.'
		);
		expect(r).toMatchObject({ rows: 0, loaded: 0, columns: [] });
		// the data page asks what a dropped file is before importing it: no dataset, at once
		expect(recogniseFile('ancho.csv', utf8(wide))).toBeNull();
		// 300 columns are read: the extra ones are ignored
		const extra = Array.from({ length: 288 }, (_, i) => `x${i}`);
		const ok = await importCsv(
			engine,
			options(
				'activities.csv',
				csv([[ACT_HEADER, ...extra].join(','), [act('A-1'), ...extra].join(',')])
			)
		);
		expect(ok).toMatchObject({ errors: 0, loaded: 1 });
		expect(ok.columns).toHaveLength(300);
		expect(await engine.query('SELECT count(*)::INTEGER AS n FROM activities')).toEqual([{ n: 1 }]);
	}, 15_000);

	it('refuses, before reading it, a file with a line longer than 1 MB, naming the line', async () => {
		const long = act('A-2', { partner: 'x'.repeat(1_500_000) });
		const r = await importCsv(
			engine,
			options('activities.csv', csv([ACT_HEADER, act('A-1'), long]))
		);
		expect(brief(r)).toEqual(['3:-:error:file_line_too_long']);
		expect(r.issues[0].message).toBe(
			'La línea 3 de «activities.csv» mide 1,465 KB y se leen como máximo 1,024 KB por línea, así que el archivo no se leyó. Puede faltar un salto de línea o unas comillas de cierre: corrija esa línea o exporte el archivo de nuevo como CSV.'
		);
		expect(r.loaded).toBe(0);
	}, 15_000);

	it('warns when a header is repeated exactly (`ubigeo` twice), and reads the first', async () => {
		const r = await importCsv(
			engine,
			options('activities.csv', csv([`${ACT_HEADER},ubigeo`, `${act('A-1')},150101`]))
		);
		expect(brief(r)).toEqual(['-:ubigeo_1:warning:column_duplicate']);
		expect(r.issues[0].message).toBe(
			'La columna «ubigeo» aparece más de una vez en el encabezado: se lee la primera y se ignora la de la posición 13 (en la vista previa, «ubigeo_1»). Quite o renombre la repetida.'
		);
		expect(r).toMatchObject({ loaded: 1, errors: 0, warnings: 1 });
		expect(await engine.query('SELECT ubigeo FROM activities')).toEqual([{ ubigeo: '070101' }]);
	});

	it('refuses a header whose quote never closes', async () => {
		const r = await importCsv(engine, options('activities.csv', '"activity_id,date\n1,2\n'));
		expect(brief(r)).toEqual(['1:-:error:file_unreadable']);
	});

	it('refuses NUL bytes inside the text, and reads a `|` file', async () => {
		const nul = await importCsv(
			engine,
			options('activities.csv', `${ACT_HEADER}\n${act('A-1')}\u0000\n`)
		);
		expect(brief(nul)).toEqual(['2:-:error:file_binary']);
		const pipe = await importCsv(
			engine,
			options(
				'activities.csv',
				csv([ACT_HEADER.replaceAll(',', '|'), act('A-1').replaceAll(',', '|')])
			)
		);
		expect(pipe).toMatchObject({ delimiter: '|', loaded: 1 });
	});

	it('undoes the formula mark of our own export, and only that', async () => {
		const r = await importCsv(
			engine,
			options(
				'activities.csv',
				csv([
					ACT_HEADER,
					act('A-1', { partner: `"'=HYPERLINK(""x"")"` }),
					act('A-2', { partner: `'+51 999` }),
					act('A-3', { partner: `'-3.5` }),
					act('A-4', { partner: `'hola` })
				])
			)
		);
		expect(r.errors).toBe(0);
		expect(await engine.query('SELECT partner FROM activities ORDER BY activity_id')).toEqual([
			{ partner: '=HYPERLINK("x")' },
			{ partner: '+51 999' },
			{ partner: `'-3.5` },
			{ partner: `'hola` }
		]);
	});

	it('flags Excel’s scientific notation in a number column, and reads it', async () => {
		const r = await importCsv(
			engine,
			options(
				'statistics.csv',
				csv(['ubigeo;period;indicator_id;value', '070101;2024;E4.01;2,01235E+10'])
			)
		);
		expect(brief(r)).toEqual(['2:value:warning:number_scientific']);
		expect(await engine.query('SELECT value FROM statistics')).toEqual([{ value: 20123500000 }]);
	});

	it('reads a file whose bytes are mostly UTF-8 as UTF-8, with a warning for the bad ones', async () => {
		const bytes = Uint8Array.from([
			...utf8(`ubigeo,name,province\n150101,Añón,Lima\n150102,A`),
			0xf1,
			...utf8('o,Lima\n')
		]);
		const r = await importCsv(engine, options('districts.csv', bytes));
		expect(r.encoding).toBe('utf-8');
		expect(brief(r)).toEqual(['3:-:warning:encoding_replaced']);
		expect(await engine.query('SELECT name FROM districts ORDER BY ubigeo')).toEqual([
			{ name: 'Añón' },
			{ name: 'A\ufffdo' }
		]);
	});
});
