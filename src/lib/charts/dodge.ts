/**
 * Spread label positions so that neighbours are at least `gap` apart, each
 * as close to where it wants to be as it can, inside [min, max]. Labels that
 * would collide are merged into a block centred on their mean wish; blocks
 * merge again if they then collide. The order of the labels never changes.
 * Returns the positions in input order.
 */
export function dodge(
	wanted: readonly number[],
	gap: number,
	min = -Infinity,
	max = Infinity
): number[] {
	const order = wanted.map((_, i) => i).sort((a, b) => wanted[a] - wanted[b] || a - b);
	const blocks: { members: number[]; sum: number; top: number }[] = [];
	const place = (b: { members: number[]; sum: number; top: number }) => {
		const span = gap * (b.members.length - 1);
		const ideal = b.sum / b.members.length - span / 2;
		b.top = Math.max(min, Math.min(max - span, ideal));
	};
	for (const i of order) {
		const block = { members: [i], sum: wanted[i], top: 0 };
		place(block);
		blocks.push(block);
		while (blocks.length > 1) {
			const last = blocks[blocks.length - 1];
			const prev = blocks[blocks.length - 2];
			if (prev.top + gap * prev.members.length <= last.top + 1e-9) break;
			prev.members.push(...last.members);
			prev.sum += last.sum;
			place(prev);
			blocks.pop();
		}
	}
	const out = new Array<number>(wanted.length);
	for (const b of blocks) b.members.forEach((m, j) => (out[m] = b.top + j * gap));
	return out;
}
