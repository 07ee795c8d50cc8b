import type { Attachment } from 'svelte/attachments';

/** What a tooltip shows, anchored at (x, y) in the chart's viewBox units. */
export interface Tip {
	x: number;
	y: number;
	/** Where the mark ends below `y`; a tooltip that opens downwards starts there, so it never covers the mark. Default `y`. */
	bottom?: number;
	/** First line, in bold. */
	title: string;
	/** Further lines. */
	lines?: string[];
}

export interface InteractionOptions {
	/** Keys of the focusable marks in reading order; the first holds the tab stop by default. */
	keys: () => readonly string[];
	/** The key to move to for a navigation key press, or null when the key is not for moving. */
	navigate: (from: string, event: KeyboardEvent) => string | null;
	/** The tooltip of a mark. */
	tip: (key: string) => Tip | null;
	/** Called on click, Enter or Space; when absent, marks only show their tooltip. */
	select?: () => ((key: string) => void) | undefined;
}

/**
 * The keyboard and pointer model shared by the charts:
 * - one tab stop per chart (a roving tabindex); arrow keys move it;
 * - hovering and focusing a mark show the same tooltip; Escape hides it
 *   (WCAG 1.4.13), and the pointer can move onto the tooltip without losing it;
 * - click, Enter and Space select a mark when the chart has `onselect`.
 * Components spread `mark(key)` on each focusable element and attach `root`
 * to the `<svg>`.
 */
export class ChartInteraction {
	#o: InteractionOptions;
	#root: Element | null = null;
	#timer: ReturnType<typeof setTimeout> | undefined;

	/** The mark that last had focus: it keeps the tab stop. */
	active = $state<string | null>(null);
	/** The mark focused from the keyboard, which gets a drawn focus ring. */
	ring = $state<string | null>(null);
	tip = $state<Tip | null>(null);

	/** The key that holds the tab stop now (the active mark while it still exists). */
	tabStop = $derived.by(() => {
		const keys = this.#o.keys();
		return this.active !== null && keys.includes(this.active) ? this.active : (keys[0] ?? null);
	});

	/** Whether a mark opens something on click, Enter or Space (the marks are buttons then). */
	get selectable(): boolean {
		return !!this.#o.select?.();
	}

	constructor(options: InteractionOptions) {
		this.#o = options;
	}

	root: Attachment<Element> = (element) => {
		this.#root = element;
		return () => {
			this.#root = null;
			clearTimeout(this.#timer);
		};
	};

	show(key: string): void {
		clearTimeout(this.#timer);
		this.tip = this.#o.tip(key);
	}

	/** Hide after a moment, so the pointer can travel onto the tooltip. */
	hideSoon(): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => (this.tip = null), 150);
	}

	/** Cancel a pending hide (the pointer reached the tooltip). */
	keep(): void {
		clearTimeout(this.#timer);
	}

	hide(): void {
		clearTimeout(this.#timer);
		this.tip = null;
	}

	/** Move focus to a mark, as the arrow keys do. */
	focus(key: string): void {
		this.active = key;
		const el = this.#root?.querySelector<SVGElement | HTMLElement>(
			`[data-key="${CSS.escape(key)}"]`
		);
		el?.focus();
	}

	keydown(key: string, event: KeyboardEvent): void {
		if (event.key === 'Escape') {
			this.hide();
			return;
		}
		const select = this.#o.select?.();
		if (select && (event.key === 'Enter' || event.key === ' ')) {
			event.preventDefault();
			select(key);
			return;
		}
		const next = this.#o.navigate(key, event);
		if (next === null) return;
		event.preventDefault();
		if (next !== key) this.focus(next);
	}

	/** Attributes and handlers for one focusable mark. */
	mark(key: string) {
		return {
			'data-key': key,
			tabindex: this.tabStop === key ? 0 : -1,
			onpointerenter: () => this.show(key),
			onpointerleave: () => this.hideSoon(),
			onfocus: (event: FocusEvent) => {
				this.active = key;
				const target = event.currentTarget as Element | null;
				this.ring = target?.matches(':focus-visible') ? key : null;
				this.show(key);
			},
			onblur: () => {
				this.ring = null;
				this.hide();
			},
			onclick: () => this.#o.select?.()?.(key),
			onkeydown: (event: KeyboardEvent) => this.keydown(key, event)
		};
	}
}
