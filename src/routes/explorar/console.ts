/**
 * Pure helpers of the SQL console (/explorar): splitting a script into
 * statements, choosing a quick chart from a result's column types, the
 * example queries, and the list of recent queries kept in the browser.
 */
import type { Columns, Value } from '$lib/engine/types';

/**
 * The statements of a script, split on `;` outside quotes ('…', "…") and
 * comments (`--`, `/* … *\/`), trimmed; empty ones and ones that are only
 * comments are dropped.
 */
export function splitStatements(text: string): string[] {
	const out: string[] = [];
	let start = 0;
	let i = 0;
	let code = false; // the current statement has something besides comments and spaces
	const push = (end: number) => {
		const s = text.slice(start, end).trim();
		if (code && s !== '') out.push(s);
		code = false;
	};
	while (i < text.length) {
		const c = text[i];
		if (c === '-' && text[i + 1] === '-') {
			const nl = text.indexOf('\n', i);
			i = nl === -1 ? text.length : nl + 1;
			continue;
		}
		if (c === '/' && text[i + 1] === '*') {
			const close = text.indexOf('*/', i + 2);
			i = close === -1 ? text.length : close + 2;
			continue;
		}
		if (c === "'" || c === '"') {
			code = true;
			i++;
			for (;;) {
				const q = text.indexOf(c, i);
				if (q === -1) {
					i = text.length;
					break;
				}
				if (text[q + 1] === c) {
					i = q + 2;
					continue;
				}
				i = q + 1;
				break;
			}
			continue;
		}
		if (c === ';') {
			push(i);
			start = i + 1;
			i++;
			continue;
		}
		if (!/\s/.test(c)) code = true;
		i++;
	}
	push(text.length);
	return out;
}

// ---------------------------------------------------------------------------
// Quick chart

export type QuickChart =
	| {
			kind: 'bar';
			x: string;
			y: string;
			rows: { key: string; label: string; value: number | null }[];
	  }
	| {
			kind: 'line';
			x: string;
			ys: string[];
			xs: string[];
			series: { key: string; label: string; points: { x: string; value: number | null }[] }[];
	  };

/** Most bars drawn; longer results are cut (the table has them all). */
export const MAX_BARS = 40;
const MAX_SERIES = 6;

const TEMPORAL = /^(\d{4}|\d{4}-(0[1-9]|1[0-2])(-\d{2})?|\d{4}-S[12]|\d{4}-\d{2}-\d{2}T.*)$/;

function isNumeric(values: readonly Value[]): boolean {
	let any = false;
	for (const v of values) {
		if (v === null) continue;
		if (typeof v !== 'number') return false;
		any = true;
	}
	return any;
}

function isYearLike(values: readonly Value[]): boolean {
	return values.every(
		(v) => v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2100)
	);
}

/**
 * A chart for a result, chosen from its column types: the first text (or
 * date) column gives the categories, the numeric columns the values. When
 * the categories are dates, months, years or rounds (or the first numeric
 * column holds years), a line per numeric column (up to six); otherwise bars
 * of the first numeric column (up to `MAX_BARS`). Null when nothing fits.
 */
export function quickChart(data: Columns): QuickChart | null {
	if (data.length === 0) return null;
	const numeric = data.names.filter((_, i) => isNumeric(data.columns[i]));
	let x = data.names.find((n) => !numeric.includes(n)) ?? null;
	let ys = numeric;
	if (
		x === null &&
		numeric.length >= 2 &&
		isYearLike(data.columns[data.names.indexOf(numeric[0])])
	) {
		x = numeric[0];
		ys = numeric.slice(1);
	}
	if (x === null || ys.length === 0) return null;
	const col = (name: string) => data.columns[data.names.indexOf(name)];
	const xValues = col(x).map((v) => (v === null ? '' : String(v)));
	const temporal =
		data.length >= 2 &&
		(isYearLike(col(x)) && isNumeric(col(x)) ? true : xValues.every((v) => TEMPORAL.test(v)));
	if (temporal) {
		const xs = [...new Set(xValues)].sort();
		const shown = ys.slice(0, MAX_SERIES);
		return {
			kind: 'line',
			x,
			ys: shown,
			xs,
			series: shown.map((y) => {
				const values = col(y) as (number | null)[];
				return {
					key: y,
					label: y,
					points: xValues.map((xv, r) => ({ x: xv, value: values[r] }))
				};
			})
		};
	}
	const values = col(ys[0]) as (number | null)[];
	return {
		kind: 'bar',
		x,
		y: ys[0],
		rows: xValues
			.slice(0, MAX_BARS)
			.map((label, r) => ({ key: String(r), label, value: values[r] }))
	};
}

// ---------------------------------------------------------------------------
// Examples (Spanish, as the users write them)

export interface Example {
	id: string;
	sql: string;
}

export const EXAMPLES: Example[] = [
	{
		id: 'porTipo',
		sql: `-- Actividades y participantes por tipo, en el último año con datos
SELECT type AS tipo,
       count(*) AS actividades,
       sum(participants_total) AS participantes
FROM activities
WHERE year(date) = (SELECT max(year(date)) FROM activities)
GROUP BY tipo
ORDER BY actividades DESC;`
	},
	{
		id: 'porMes',
		sql: `-- Actividades por mes (todas las fechas)
SELECT strftime(date, '%Y-%m') AS mes,
       count(*) AS actividades
FROM activities
GROUP BY mes
ORDER BY mes;`
	},
	{
		id: 'sinActividades',
		sql: `-- Distritos sin ninguna actividad en el último año, por población migrante
SELECT d.name AS distrito, d.province AS provincia, d.migrant_population AS poblacion_migrante
FROM districts d
WHERE d.ubigeo NOT IN (
  SELECT ubigeo FROM activities
  WHERE year(date) = (SELECT max(year(date)) FROM activities)
)
ORDER BY poblacion_migrante DESC NULLS LAST;`
	},
	{
		id: 'alcance',
		sql: `-- Alcance por cada 1000 migrantes, por distrito y año
SELECT d.name AS distrito, year(a.date) AS anio,
       round(1000.0 * sum(a.participants_migrants) / d.migrant_population, 1) AS alcance_por_mil
FROM activities a
JOIN districts d USING (ubigeo)
WHERE d.migrant_population > 0
GROUP BY d.name, anio, d.migrant_population
ORDER BY distrito, anio;`
	},
	{
		id: 'respuestas',
		sql: `-- Respuestas de la autoevaluación por ronda
SELECT round AS ronda, answer AS respuesta, count(*) AS indicadores
FROM assessments
GROUP BY ALL
ORDER BY ronda, respuesta;`
	},
	{
		id: 'mujeres',
		sql: `-- Participación de mujeres por público, entre quienes registraron su sexo
SELECT audience AS publico,
       round(100.0 * sum(participants_women) / sum(participants_women + participants_men), 1) AS pct_mujeres
FROM activities
GROUP BY publico
ORDER BY pct_mujeres DESC;`
	}
];

// ---------------------------------------------------------------------------
// Recent queries

/** Where something small can be kept (localStorage in the browser). */
export interface SmallStore {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
}

/**
 * The queries run last, newest first, without repeats, kept in the browser
 * (localStorage). A store that throws (private mode, quota) keeps them for
 * this page only.
 */
export class RecentQueries {
	static readonly KEY = 'integra.sql.recientes';
	#items: string[];

	constructor(
		private readonly store: SmallStore | null,
		private readonly max = 15
	) {
		this.#items = this.#read();
	}

	#read(): string[] {
		try {
			const parsed: unknown = JSON.parse(this.store?.getItem(RecentQueries.KEY) ?? '[]');
			return Array.isArray(parsed)
				? parsed.filter((q): q is string => typeof q === 'string').slice(0, this.max)
				: [];
		} catch {
			return [];
		}
	}

	get items(): readonly string[] {
		return this.#items;
	}

	/** Puts `sql` first (moving it up when it is there already). */
	add(sql: string): readonly string[] {
		const text = sql.trim();
		if (text === '') return this.#items;
		this.#items = [text, ...this.#items.filter((q) => q !== text)].slice(0, this.max);
		try {
			this.store?.setItem(RecentQueries.KEY, JSON.stringify(this.#items));
		} catch {
			// storage refused: the list lives for this page only
		}
		return this.#items;
	}

	clear(): readonly string[] {
		this.#items = [];
		try {
			this.store?.setItem(RecentQueries.KEY, '[]');
		} catch {
			// as above
		}
		return this.#items;
	}
}
