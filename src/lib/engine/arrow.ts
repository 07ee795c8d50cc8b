import { Type, util, type Table, type DataType, type Vector } from 'apache-arrow';
import type { Columns, Row, Value } from './types';

/**
 * The one place where Arrow values become plain JS. DuckDB hands back BIGINT
 * as `bigint` (JSON.stringify throws on it) and DECIMAL as an object whose
 * Number() drops the decimal point (3.75 → 375), so both are converted here,
 * column by column: per-row `toJSON` is several times slower.
 */
export function tableToColumns(table: Table): Columns {
	const names = table.schema.fields.map((f) => f.name);
	const columns = table.schema.fields.map((field, i) => {
		const vector = table.getChildAt(i);
		return vector ? vectorToValues(vector, field.type) : [];
	});
	return { names, columns, length: table.numRows };
}

export function columnsToRows({ names, columns, length }: Columns): Row[] {
	const rows: Row[] = new Array(length);
	for (let r = 0; r < length; r++) {
		const row: Row = {};
		for (let c = 0; c < names.length; c++) row[names[c]] = columns[c][r];
		rows[r] = row;
	}
	return rows;
}

export function tableToRows(table: Table): Row[] {
	return columnsToRows(tableToColumns(table));
}

function vectorToValues(vector: Vector, type: DataType): Value[] {
	const convert = converterFor(type);
	const out: Value[] = new Array(vector.length);
	for (let i = 0; i < vector.length; i++) {
		const v = vector.get(i);
		out[i] = v === null || v === undefined ? null : convert(v);
	}
	return out;
}

function converterFor(type: DataType): (v: unknown) => Value {
	switch (type.typeId) {
		case Type.Int:
			return (v) => (typeof v === 'bigint' ? Number(v) : (v as number));
		case Type.Float:
		case Type.Bool:
		case Type.Utf8:
		case Type.LargeUtf8:
			return (v) => v as Value;
		case Type.Decimal: {
			const scale = (type as DataType<Type.Decimal> & { scale: number }).scale;
			return (v) => util.bigNumToNumber(v as Parameters<typeof util.bigNumToNumber>[0], scale);
		}
		case Type.Date:
			return (v) => isoDate(v);
		case Type.Timestamp:
			return (v) => isoTimestamp(v);
		default:
			// Lists, structs, intervals, blobs: shown as text in the SQL console.
			return (v) => stringify(v);
	}
}

function toMillis(v: unknown): number {
	if (v instanceof Date) return v.getTime();
	if (typeof v === 'bigint') return Number(v);
	return v as number;
}

function isoDate(v: unknown): string {
	return new Date(toMillis(v)).toISOString().slice(0, 10);
}

function isoTimestamp(v: unknown): string {
	return new Date(toMillis(v)).toISOString();
}

function stringify(v: unknown): string {
	if (typeof v === 'string') return v;
	if (typeof v === 'bigint') return v.toString();
	if (typeof v === 'object' && v !== null && 'toJSON' in v) {
		return JSON.stringify((v as { toJSON(): unknown }).toJSON(), (_k, x) =>
			typeof x === 'bigint' ? Number(x) : x
		);
	}
	return String(v);
}
