import { layoutHeatmap, type HeatmapInput } from './heatmap';
import { boxOf, indexGrid, keyAt, wrapHeadings } from './heatmap-grid';
import { ChartInteraction } from './interaction.svelte';
import { gridMove } from './nav';
import { t } from '$lib/i18n/locale.svelte';

/** The props of Heatmap that its geometry and keyboard depend on. */
export interface HeatmapOptions {
	cells: HeatmapInput[];
	columnLabel: (column: number) => string;
	cellLabel: (cell: HeatmapInput) => string;
	columnName: (column: number) => string;
	onselect?: (rowKey: string) => void;
	onselectcolumn?: (column: number) => void;
}

export const LABEL_WIDTH = 210;
const COLUMN_WIDTH = 124;
/** Room to the right for a column heading a little wider than its column. */
export const PAD_RIGHT = 10;

/**
 * Heatmap's state: the wrapped column headings (their height sets the
 * header's), the cells placed by `layoutHeatmap`, and the grid's keyboard
 * model (arrows, Home/End, Ctrl+Home/End, PageUp/PageDown).
 */
export class HeatmapState {
	#o: () => HeatmapOptions;
	readonly headings = $derived.by(() =>
		wrapHeadings(
			this.#o().cells.map((c) => c.column),
			this.#o().columnLabel,
			COLUMN_WIDTH
		)
	);
	readonly header = $derived(
		18 + 16 * Math.max(2, ...[...this.headings.values()].map((l) => l.length))
	);
	readonly layout = $derived.by(() =>
		layoutHeatmap(this.#o().cells, {
			labelWidth: LABEL_WIDTH,
			columnWidth: COLUMN_WIDTH,
			rowHeight: 24,
			headerHeight: this.header
		})
	);
	readonly index = $derived.by(() => indexGrid(this.layout));
	readonly keys = $derived([...this.index.positions.keys()]);
	readonly interaction: ChartInteraction;
	/** The box of the mark with the keyboard focus ring, if any. */
	readonly ring = $derived.by(() =>
		this.interaction.ring ? this.box(this.interaction.ring) : null
	);

	constructor(options: () => HeatmapOptions) {
		this.#o = options;
		this.interaction = new ChartInteraction({
			keys: () => this.keys,
			navigate: (from, event) => {
				const p = this.index.positions.get(from);
				if (!p) return null;
				const next = gridMove(p, event.key, event.ctrlKey || event.metaKey, {
					rows: this.layout.rows.length,
					cols: this.layout.columns.length,
					headerRow: true,
					headerCol: true
				});
				return next ? keyAt(this.layout, next) : null;
			},
			tip: (key) => this.#tip(key),
			select: () => {
				const { onselect, onselectcolumn } = this.#o();
				if (!onselect && !onselectcolumn) return undefined;
				return (key: string) => {
					const p = this.index.positions.get(key);
					if (!p) return;
					if (p.row === -1) onselectcolumn?.(this.layout.columns[p.col].key);
					else onselect?.(this.layout.rows[p.row].key);
				};
			}
		});
	}

	box(key: string) {
		return boxOf(this.layout, this.index, key, LABEL_WIDTH, this.header);
	}

	#tip(key: string) {
		const box = this.box(key);
		const p = this.index.positions.get(key);
		if (!box || !p) return null;
		const x = box.x + box.width / 2;
		const o = this.#o();
		if (p.row === -1) {
			const column = this.layout.columns[p.col].key;
			return {
				x,
				y: box.y + box.height,
				title: o.columnName(column),
				lines: o.onselectcolumn ? [t('charts.heatmap.columnHint')] : []
			};
		}
		if (p.col === -1)
			return { x: box.x + box.width, y: box.y, title: this.layout.rows[p.row].label };
		const cell = this.index.cells.get(key);
		return cell ? { x, y: box.y, title: o.cellLabel(cell) } : null;
	}
}
