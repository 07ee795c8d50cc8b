/**
 * Saves a Blob through the browser's download, from a Blob URL (nothing
 * leaves the machine). Browser-only.
 */
export function saveBlob(fileName: string, blob: Blob): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	// Revoke later: Chromium reads the Blob after the click handler returns.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
