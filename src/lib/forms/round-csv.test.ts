import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { diffRound, parseRoundCsv, roundCsv, applyRound, roundFileName } from './round-csv';
import { datasetFromFileName } from '$lib/data/detect';
import type { Draft, DraftAnswer, Indicator } from './model';
import { indicator } from './indicator.fixtures';

const INDICATORS: Indicator[] = ['D1.01', 'D1.02', 'D1.03', 'D2.01', 'D2.02', 'D3.01'].map((id) =>
	indicator(id, Number(id[1]), { textEs: id })
);

/** Evidence a municipal official could well type, and what spreadsheets trip on. */
const NASTY = {
	quotes: 'Ordenanza N.° 245-2023-MDL "Lima, ciudad de acogida"',
	semicolons: 'Acta 1; acta 2; acta 3;',
	lines: 'Primera línea\nsegunda línea\n\nfin',
	formula: '=HYPERLINK("http://evil.example","clic")',
	plus: '+51 999 888 777',
	minus: '-inicio con guion',
	at: '@municipalidad',
	tab: '\tcon tabulación',
	accents: 'Señalización en quechua y “comillas tipográficas” – ñandú € …'
};

function a(x: Partial<DraftAnswer>): DraftAnswer {
	return { answer: null, evidence: '', source_url: '', notes: '', updated_at: null, ...x };
}

function draft(answers: Record<string, DraftAnswer>, round = '2025'): Draft {
	return {
		id: `150101:${round}`,
		ubigeo: '150101',
		round,
		status: 'draft',
		createdAt: '2025-03-01T10:00:00.000Z',
		updatedAt: '2025-03-01T10:00:00.000Z',
		completedAt: null,
		prefilledFrom: null,
		answers
	};
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('roundCsv', () => {
	const d = draft({
		'D1.01': a({
			answer: 'cumple',
			evidence: NASTY.quotes,
			source_url: 'https://www.gob.pe/x',
			updated_at: '2025-03-02T15:04:05.000Z'
		}),
		'D1.02': a({ answer: 'parcial', evidence: NASTY.formula, notes: NASTY.minus }),
		'D1.03': a({ answer: 'no_cumple' }),
		'D2.01': a({ evidence: 'typed before answering' })
	});
	const text = roundCsv(d, INDICATORS);

	it('is UTF-8 with a BOM, with the contract’s columns, one row per indicator that holds something', () => {
		expect(text.startsWith('\uFEFF')).toBe(true);
		const rows = Papa.parse<Record<string, string>>(text.slice(1), {
			header: true,
			skipEmptyLines: true
		});
		expect(rows.meta.fields).toEqual([
			'ubigeo',
			'round',
			'indicator_id',
			'answer',
			'evidence',
			'source_url',
			'updated_at',
			'notes'
		]);
		expect(rows.data.map((r) => [r.indicator_id, r.answer])).toEqual([
			['D1.01', 'cumple'],
			['D1.02', 'parcial'],
			['D1.03', 'no_cumple'],
			['D2.01', 'no_sabe'] // text without an answer yet: "unanswered" in the contract's words
		]);
	});

	it('neutralises formula starts so a spreadsheet shows them as text', () => {
		expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""clic"")"`);
		expect(text).toContain(`"'-inicio con guion"`);
		expect(text).not.toMatch(/,=HYPERLINK/);
	});

	it('is named so that the data page recognises it as assessments', () => {
		expect(datasetFromFileName(roundFileName('070101', '2025-S1'))).toBe('assessments');
	});
});

describe('parseRoundCsv', () => {
	it('reads back exactly the answers, evidence, links, notes and times it wrote', () => {
		const answers: Record<string, DraftAnswer> = {};
		const values = Object.values(NASTY);
		INDICATORS.forEach((ind, i) => {
			answers[ind.id] = a({
				answer: (['cumple', 'parcial', 'no_cumple', 'no_aplica', 'no_sabe', 'cumple'] as const)[i],
				evidence: values[i % values.length],
				source_url: i % 2 ? `https://example.org/doc?id=${i}&q="x"` : '',
				notes: values[(i + 3) % values.length],
				updated_at: `2025-03-0${i + 1}T08:00:00.000Z`
			});
		});
		const original = draft(answers);
		const parsed = parseRoundCsv(bytes(roundCsv(original, INDICATORS)), {
			ubigeo: '150101',
			round: '2099',
			indicators: INDICATORS
		});
		expect(parsed.problems).toEqual([]);
		expect(parsed.round).toBe('2025'); // the only round in the file
		const empty = draft({}, '2099');
		const changes = diffRound(empty.answers, parsed.answers, INDICATORS);
		expect(changes).toHaveLength(INDICATORS.length);
		expect(changes.every((c) => c.kind === 'new')).toBe(true);
		const applied = applyRound(empty.answers, parsed.answers, changes, 'NOW');
		expect(applied).toEqual(answers);
	});

	it('reads every formula-like start back as typed', () => {
		const answers = Object.fromEntries(
			Object.values(NASTY)
				.slice(0, 6)
				.map((evidence, i) => [INDICATORS[i].id, a({ answer: 'cumple', evidence })])
		);
		const parsed = parseRoundCsv(bytes(roundCsv(draft(answers), INDICATORS)), {
			ubigeo: '150101',
			round: '2025',
			indicators: INDICATORS
		});
		expect(
			Object.fromEntries(Object.entries(parsed.answers).map(([k, v]) => [k, v.evidence]))
		).toEqual(Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, v.evidence])));
	});

	it('reads a colleague’s Excel file: Windows-1252, semicolons, Spanish headers, "Sí", a 5-digit ubigeo', () => {
		const text = [
			'Código ubigeo;Ronda;Indicador;Respuesta;Evidencia;Enlace',
			'70101;2025-S1;D1.01;Sí;Resolución de Alcaldía N.° 12 – “Callao acoge”;https://www.gob.pe/muni',
			'70101;2025-S1;D1.02;No;;',
			'70101;2025-S1;D1.03;N/A;;',
			'150101;2025-S1;D1.01;Sí;otro distrito;'
		].join('\r\n');
		// Windows-1252 as Excel writes it: é=E9, ó=F3, –=96, “=93, ”=94, °=B0, í=ED
		const cp1252: Record<string, number> = { '–': 0x96, '“': 0x93, '”': 0x94 };
		const encoded = Uint8Array.from([...text].map((ch) => cp1252[ch] ?? ch.charCodeAt(0)));
		const parsed = parseRoundCsv(encoded, {
			ubigeo: '070101',
			round: '2025-S1',
			indicators: INDICATORS
		});
		expect(parsed.problems).toEqual([]);
		expect(parsed.otherDistricts).toBe(1);
		expect(parsed.answers['D1.01']).toEqual({
			answer: 'cumple',
			evidence: 'Resolución de Alcaldía N.° 12 – “Callao acoge”',
			source_url: 'https://www.gob.pe/muni',
			updated_at: null
		});
		expect(parsed.answers['D1.02'].answer).toBe('no_cumple');
		expect(parsed.answers['D1.03'].answer).toBe('no_aplica');
		expect(parsed.answers['D1.03'].notes).toBeUndefined(); // the file has no notes column
	});

	it('names every bad row by line and column, and reads the rest', () => {
		const text = [
			'ubigeo,round,indicator_id,answer,evidence,source_url',
			'150101,2025,D1.01,cumple,"dos',
			'líneas",https://ok.pe',
			'150101,2025,X9.99,cumple,,',
			'150101,2025,D1.02,tal vez,,',
			'150101,2025,D1.03,cumple,,javascript:alert(1)',
			'150101,25,D2.01,cumple,,',
			'150101,2025,D1.01,parcial,,'
		].join('\n');
		const parsed = parseRoundCsv(bytes(text), {
			ubigeo: '150101',
			round: '2025',
			indicators: INDICATORS
		});
		expect(parsed.problems.map((p) => [p.line, p.column, p.key])).toEqual([
			[4, 'indicator_id', 'assess.import.problem.indicator'],
			[5, 'answer', 'assess.import.problem.answer'],
			[6, 'source_url', 'assess.import.problem.url'],
			[7, 'round', 'assess.import.problem.round'],
			[8, 'indicator_id', 'assess.import.problem.duplicate']
		]);
		expect(Object.keys(parsed.answers)).toEqual(['D1.01']);
		expect(parsed.answers['D1.01'].evidence).toBe('dos\nlíneas');
	});

	it('says which columns are missing instead of guessing', () => {
		const parsed = parseRoundCsv(bytes('ubigeo,indicador\n150101,D1.01\n'), {
			ubigeo: '150101',
			round: '2025',
			indicators: INDICATORS
		});
		expect(parsed.problems).toEqual([
			{
				line: 1,
				column: null,
				key: 'assess.import.missing',
				params: { columns: 'round, answer' }
			}
		]);
	});

	it('prefers the round being edited, else the latest in the file, and names the others', () => {
		const text = [
			'ubigeo,round,indicator_id,answer',
			'150101,2023,D1.01,no_cumple',
			'150101,2024,D1.01,parcial',
			'150101,2025,D1.01,cumple'
		].join('\n');
		const opts = { ubigeo: '150101', indicators: INDICATORS };
		const same = parseRoundCsv(bytes(text), { ...opts, round: '2024' });
		expect([same.round, same.answers['D1.01'].answer, same.otherRounds]).toEqual([
			'2024',
			'parcial',
			['2023', '2025']
		]);
		const latest = parseRoundCsv(bytes(text), { ...opts, round: '2026' });
		expect([latest.round, latest.answers['D1.01'].answer]).toEqual(['2025', 'cumple']);
	});
});

describe('diffRound', () => {
	it('lists only what would change, field by field, and leaves fields the file lacks alone', () => {
		const current = {
			'D1.01': a({ answer: 'cumple', evidence: 'Ord. 1', notes: 'mis notas' }),
			'D1.02': a({ answer: 'parcial', evidence: 'Acta' }),
			'D1.03': a({ answer: 'no_cumple' })
		};
		const incoming = {
			'D1.01': { answer: 'cumple' as const, evidence: 'Ord. 1', updated_at: null },
			'D1.02': { answer: 'cumple' as const, evidence: 'Acta y padrón', updated_at: null },
			'D2.01': { answer: 'no_aplica' as const, evidence: '', updated_at: null }
		};
		const changes = diffRound(current, incoming, INDICATORS);
		expect(
			changes.map((c) => [c.indicator.id, c.kind, c.changes.map((f) => [f.field, f.from, f.to])])
		).toEqual([
			[
				'D1.02',
				'changed',
				[
					['answer', 'parcial', 'cumple'],
					['evidence', 'Acta', 'Acta y padrón']
				]
			],
			['D2.01', 'new', [['answer', null, 'no_aplica']]]
		]);
		const next = applyRound(current, incoming, changes, '2025-05-05T00:00:00.000Z');
		expect(next['D1.01']).toBe(current['D1.01']); // untouched: notes kept
		expect(next['D1.02']).toEqual(
			a({
				answer: 'cumple',
				evidence: 'Acta y padrón',
				updated_at: '2025-05-05T00:00:00.000Z'
			})
		);
		expect(next['D1.03']).toBe(current['D1.03']); // not in the file: kept
	});
});
