/**
 * Keyboard movement between the marks of a chart, as pure functions of the
 * current position and the key. A chart keeps one tab stop (a roving
 * tabindex) and these decide where the arrow keys take it, so a keyboard user
 * crosses a 300-cell heatmap with one Tab, not 300.
 */

export interface GridPos {
	/** -1 is the row of column headers. */
	row: number;
	/** -1 is the column of row headers. */
	col: number;
}

export interface GridBounds {
	rows: number;
	cols: number;
	/** Whether the column headers (row -1) take focus. */
	headerRow: boolean;
	/** Whether the row headers (column -1) take focus. */
	headerCol: boolean;
	/** Rows jumped by PageUp/PageDown; default 10. */
	page?: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/**
 * The ARIA grid pattern: arrows move one cell, Home/End go to the ends of the
 * row, Ctrl+Home/Ctrl+End to the first and last data cell, PageUp/PageDown
 * jump `page` rows. The corner (-1, -1) is never a cell. Returns `null` for a
 * key the grid does not handle, and the same position at an edge.
 */
export function gridMove(pos: GridPos, key: string, ctrl: boolean, b: GridBounds): GridPos | null {
	const minRow = b.headerRow ? -1 : 0;
	const minCol = b.headerCol ? -1 : 0;
	const page = b.page ?? 10;
	let next: GridPos;
	switch (key) {
		case 'ArrowUp':
			next = { row: clamp(pos.row - 1, minRow, b.rows - 1), col: pos.col };
			break;
		case 'ArrowDown':
			next = { row: clamp(pos.row + 1, minRow, b.rows - 1), col: pos.col };
			break;
		case 'ArrowLeft':
			next = { row: pos.row, col: clamp(pos.col - 1, minCol, b.cols - 1) };
			break;
		case 'ArrowRight':
			next = { row: pos.row, col: clamp(pos.col + 1, minCol, b.cols - 1) };
			break;
		case 'Home':
			next = ctrl ? { row: 0, col: 0 } : { row: pos.row, col: pos.row === -1 ? 0 : minCol };
			break;
		case 'End':
			next = ctrl ? { row: b.rows - 1, col: b.cols - 1 } : { row: pos.row, col: b.cols - 1 };
			break;
		case 'PageUp':
			next = { row: pos.row <= 0 ? pos.row : Math.max(pos.row - page, 0), col: pos.col };
			break;
		case 'PageDown':
			next = { row: clamp(pos.row + page, minRow, b.rows - 1), col: pos.col };
			break;
		default:
			return null;
	}
	return next.row === -1 && next.col === -1 ? pos : next;
}

export interface ListPos {
	list: number;
	item: number;
}

export type ListStep = 'nextItem' | 'prevItem' | 'nextList' | 'prevList' | 'first' | 'last';

/**
 * Movement through lists of marks (the points of each series, the segments
 * of each bar). Moving to another list keeps the item index where it can and
 * skips empty lists; `wrap` makes a single list circular (the wheel).
 */
export function listMove(
	pos: ListPos,
	step: ListStep,
	lengths: readonly number[],
	wrap = false
): ListPos {
	const len = lengths[pos.list] ?? 0;
	const filled = lengths.flatMap((n, i) => (n > 0 ? [i] : []));
	if (filled.length === 0) return pos;
	switch (step) {
		case 'nextItem':
			return {
				list: pos.list,
				item: wrap ? (pos.item + 1) % len : Math.min(pos.item + 1, len - 1)
			};
		case 'prevItem':
			return {
				list: pos.list,
				item: wrap ? (pos.item - 1 + len) % len : Math.max(pos.item - 1, 0)
			};
		case 'nextList': {
			const list = filled.find((i) => i > pos.list);
			return list === undefined ? pos : { list, item: Math.min(pos.item, lengths[list] - 1) };
		}
		case 'prevList': {
			const list = filled.filter((i) => i < pos.list).at(-1);
			return list === undefined ? pos : { list, item: Math.min(pos.item, lengths[list] - 1) };
		}
		case 'first':
			return { list: filled[0], item: 0 };
		case 'last': {
			const list = filled[filled.length - 1];
			return { list, item: lengths[list] - 1 };
		}
	}
}

/** The keys that move through a single list of marks: both arrows of each axis, and the ends. */
export const LIST_STEPS: Readonly<Record<string, ListStep>> = {
	ArrowDown: 'nextItem',
	ArrowRight: 'nextItem',
	ArrowUp: 'prevItem',
	ArrowLeft: 'prevItem',
	Home: 'first',
	End: 'last'
};

/** The key a key press moves to in one list of keys, or null when the key is not for moving. */
export function listNavigate(
	keys: readonly string[],
	from: string,
	key: string,
	wrap = false
): string | null {
	const step = LIST_STEPS[key];
	return step
		? keys[listMove({ list: 0, item: keys.indexOf(from) }, step, [keys.length], wrap).item]
		: null;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

export const ARROWS: Record<string, Direction> = {
	ArrowLeft: 'left',
	ArrowRight: 'right',
	ArrowUp: 'up',
	ArrowDown: 'down'
};

export interface NavPoint {
	key: string;
	x: number;
	y: number;
}

/**
 * Spatial navigation for maps: the nearest mark in the direction of the
 * arrow, where distance along the arrow counts once and sideways distance
 * twice (screen coordinates, y down). A tie goes to the earlier point, and
 * no mark in that direction keeps the focus where it is.
 */
export function spatialMove(points: readonly NavPoint[], from: string, dir: Direction): string {
	const here = points.find((p) => p.key === from);
	if (!here) return points[0]?.key ?? from;
	let best: string = from;
	let bestScore = Infinity;
	for (const p of points) {
		if (p.key === from) continue;
		const dx = p.x - here.x;
		const dy = p.y - here.y;
		const [along, across] =
			dir === 'right'
				? [dx, dy]
				: dir === 'left'
					? [-dx, dy]
					: dir === 'down'
						? [dy, dx]
						: [-dy, dx];
		if (along <= 0) continue;
		const score = along + 2 * Math.abs(across);
		if (score < bestScore) {
			bestScore = score;
			best = p.key;
		}
	}
	return best;
}
