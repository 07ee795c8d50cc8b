/**
 * A link from data becomes clickable only when it is http(s): never
 * `javascript:`, `data:` or anything else (DESIGN.md §9).
 */
export function safeHttpUrl(text: string | null | undefined): string | null {
	if (!text) return null;
	try {
		const url = new URL(text.trim());
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
	} catch {
		return null;
	}
}
