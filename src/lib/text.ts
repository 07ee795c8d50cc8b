/**
 * Shortens a text for a narrow place (a select option, a table cell, a
 * button): at most `max` characters, the last one an ellipsis when cut.
 */
export function shorten(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
