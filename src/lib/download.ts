/**
 * The one way the app hands a file to the user: a Blob URL clicked through a
 * hidden link (nothing leaves the machine). Every download of every screen
 * (charts, tables, exports, reports, the self-assessment) goes through here.
 * A browser utility: it imports no folder of src/lib.
 */

/**
 * How long the Blob URL lives after the click. Chromium reads the Blob after
 * the click handler returns, and a large export (the /datos zip) takes a while.
 */
export const REVOKE_AFTER_MS = 60_000;

/** Hand `blob` to the user as the file `fileName`. Browser-only. */
export function downloadBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.rel = 'noopener';
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/**
 * CSV text as a Blob. With a byte-order mark by default, so that spreadsheet
 * programs read the accents as UTF-8; `bom: false` for files that Integra
 * reads back as they were written (the self-assessment's round and actions).
 */
export function csvBlob(text: string | readonly BlobPart[], opts: { bom?: boolean } = {}): Blob {
	const parts = typeof text === 'string' ? [text] : [...text];
	return new Blob(opts.bom === false ? parts : ['\uFEFF', ...parts], {
		type: 'text/csv;charset=utf-8'
	});
}
