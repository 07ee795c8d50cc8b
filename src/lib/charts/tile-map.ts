/**
 * The tile-grid map: each district is one square at (grid_row, grid_col)
 * from districts.csv. Nothing here knows about Lima: a district without a
 * cell (or whose cell is taken) is placed automatically after the grid.
 */

export interface TileDistrict {
	ubigeo: string;
	grid_row?: number | null;
	grid_col?: number | null;
}

/** A district on the tile map: its cell and the value that colours it. */
export interface TileInput extends TileDistrict {
	name: string;
	/** The metric; null is "sin datos". */
	value: number | null;
}

export interface PlacedTile {
	ubigeo: string;
	row: number;
	col: number;
	/** True when the cell was assigned here, not read from the data. */
	auto: boolean;
}

const isCell = (v: number | null | undefined): v is number =>
	typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * Place every district on the grid. Districts claim their own cell in ubigeo
 * order (so the result does not depend on the order of the rows). Those left
 * without a cell (none given, or a cell already taken) fill the rows below the
 * existing grid from the left, in ubigeo order, keeping its width; with no
 * grid at all they form a square-ish block. Returns the tiles in input order.
 */
export function placeTiles(districts: readonly TileDistrict[]): PlacedTile[] {
	const byCode = [...districts].sort((a, b) =>
		a.ubigeo < b.ubigeo ? -1 : a.ubigeo > b.ubigeo ? 1 : 0
	);
	const taken = new Set<string>();
	const placed = new Map<string, PlacedTile>();
	const missing: string[] = [];
	for (const d of byCode) {
		const cell = `${d.grid_row},${d.grid_col}`;
		if (isCell(d.grid_row) && isCell(d.grid_col) && !taken.has(cell)) {
			taken.add(cell);
			placed.set(d.ubigeo, { ubigeo: d.ubigeo, row: d.grid_row, col: d.grid_col, auto: false });
		} else {
			missing.push(d.ubigeo);
		}
	}
	const fixed = [...placed.values()];
	const width =
		fixed.length > 0
			? Math.max(...fixed.map((t) => t.col)) + 1
			: Math.max(1, Math.ceil(Math.sqrt(missing.length)));
	const firstRow = fixed.length > 0 ? Math.max(...fixed.map((t) => t.row)) + 1 : 0;
	missing.forEach((ubigeo, i) => {
		placed.set(ubigeo, {
			ubigeo,
			row: firstRow + Math.floor(i / width),
			col: i % width,
			auto: true
		});
	});
	return districts.map((d) => placed.get(d.ubigeo)!);
}

const STOP_WORDS = new Set([
	'DE',
	'DEL',
	'LA',
	'LAS',
	'LOS',
	'EL',
	'Y',
	'THE',
	'OF',
	'DA',
	'DO',
	'DOS'
]);

function words(name: string): string[] {
	const all = name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toUpperCase()
		.split(/[^A-Z0-9]+/)
		.filter(Boolean);
	const kept = all.filter((w) => !STOP_WORDS.has(w));
	return kept.length > 0 ? kept : all;
}

/** Candidate short labels for a name, best first. */
function candidates(name: string): string[] {
	const w = words(name);
	if (w.length === 0) return ['?'];
	if (w.length === 1) {
		const s = w[0];
		return [s.slice(0, 3), s.slice(0, 3) + s.slice(-1), s.slice(0, 4), s.slice(0, 5), s];
	}
	if (w.length === 2) {
		const [a, b] = w;
		return [a[0] + b.slice(0, 2), a[0] + b.slice(0, 3), a.slice(0, 2) + b.slice(0, 2), a + b];
	}
	const initials = w.map((x) => x[0]).join('');
	const last = w[w.length - 1];
	return [initials.slice(0, 3), initials.slice(0, 4), initials.slice(0, 2) + last.slice(0, 2)];
}

/**
 * A 3-letter label for a place name, without accents: one word gives its
 * first three letters (Comas → COM), two words an initial and two letters
 * (San Isidro → SIS), three or more the initials (San Juan de Lurigancho →
 * SJL). Articles and "de" are skipped (La Molina → MOL).
 */
export function abbreviate(name: string): string {
	return candidates(name)[0];
}

/**
 * Labels for a whole set of names, all different: names that share a label
 * move on to their next candidate together (Lurín and Lurigancho → LURN and
 * LURO); a clash that survives every candidate gets a number.
 */
export function abbreviateAll(names: readonly string[]): string[] {
	const options = names.map(candidates);
	const pick = names.map(() => 0);
	const label = (i: number) => options[i][Math.min(pick[i], options[i].length - 1)];
	for (let round = 0; round < 6; round++) {
		const groups = new Map<string, number[]>();
		names.forEach((_, i) => groups.set(label(i), [...(groups.get(label(i)) ?? []), i]));
		const clashes = [...groups.values()].filter((g) => g.length > 1);
		if (clashes.length === 0) break;
		for (const g of clashes) for (const i of g) pick[i]++;
	}
	const seen = new Map<string, number>();
	return names.map((_, i) => {
		const base = label(i);
		const n = (seen.get(base) ?? 0) + 1;
		seen.set(base, n);
		return n === 1 ? base : `${base}${n}`;
	});
}

export interface TileLayout {
	tiles: (PlacedTile & { x: number; y: number; size: number })[];
	width: number;
	height: number;
}

/** Cell (row, col) → the square's top-left corner; the grid starts at (0, 0). */
export function layoutTiles(placed: readonly PlacedTile[], size: number, gap: number): TileLayout {
	const step = size + gap;
	const cols = placed.length ? Math.max(...placed.map((t) => t.col)) + 1 : 0;
	const rows = placed.length ? Math.max(...placed.map((t) => t.row)) + 1 : 0;
	return {
		tiles: placed.map((t) => ({ ...t, x: t.col * step, y: t.row * step, size })),
		width: Math.max(0, cols * step - gap),
		height: Math.max(0, rows * step - gap)
	};
}
