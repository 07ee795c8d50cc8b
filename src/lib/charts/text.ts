/**
 * Text fitting without measuring: SVG text cannot wrap, and measuring needs a
 * rendered DOM, so labels are fitted by character count. At the kit's 12–13px
 * sans-serif an average character is about 7 units wide.
 */
export const CHAR_WIDTH = 7;

/** Split text into lines of at most `max` characters, at spaces (a longer word stays whole). */
export function wrapWords(text: string, max: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && line.length + 1 + word.length > max) {
			lines.push(line);
			line = word;
		} else {
			line = line ? `${line} ${word}` : word;
		}
	}
	if (line) lines.push(line);
	return lines;
}

/** Shorten text to at most `max` characters, ending in "…" when cut (the full text goes in the tooltip). */
export function truncate(text: string, max: number): string {
	if (text.length <= max) return text;
	if (max <= 1) return '…';
	return `${text.slice(0, max - 1).trimEnd()}…`;
}

/** How many characters fit in `width` units. */
export function charsIn(width: number): number {
	return Math.max(1, Math.floor(width / CHAR_WIDTH));
}
