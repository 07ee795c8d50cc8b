/**
 * Reading an input file for the command-line tools (`npm run validate`,
 * `npm run metrics`), safely: whatever is not a regular file (a folder, a
 * named pipe, `/dev/zero`, a socket) is refused from its `stat`, before it is
 * opened, since opening a FIFO waits for a writer and reading `/dev/zero`
 * never ends. A regular file is read up to the size it had when checked, and
 * at most `MAX_INPUT_BYTES`.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { formatNumber } from '../src/lib/i18n/format';
import { tr, type Locale } from '../src/lib/i18n';

/** Largest file read (as in the data page of the app, which refuses more than 1 GB). */
export const MAX_INPUT_BYTES = 1024 * 1024 * 1024;

export type InputRead = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

type Kind = 'directory' | 'fifo' | 'device' | 'socket' | 'other';

function kindOf(st: Stats): Kind | null {
	if (st.isFile()) return null;
	if (st.isDirectory()) return 'directory';
	if (st.isFIFO()) return 'fifo';
	if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
	if (st.isSocket()) return 'socket';
	return 'other';
}

const megabytes = (bytes: number, locale: Locale) =>
	formatNumber(Math.ceil(bytes / (1024 * 1024)), locale);

/** Why `st` may not be read, as a message naming `file`; null when it may. */
function refusal(st: Stats, file: string, locale: Locale, maxBytes: number): string | null {
	const kind = kindOf(st);
	if (kind) return tr(locale, 'cli.input.notFile', { file, kind: tr(locale, `cli.input.${kind}`) });
	if (st.size > maxBytes) {
		return tr(locale, 'cli.input.tooBig', {
			file,
			size: megabytes(st.size, locale),
			limit: megabytes(maxBytes, locale)
		});
	}
	return null;
}

/**
 * The bytes of the file at `path`, or a message (in `locale`) that says why
 * it was not read. `file` is the name the message uses (default: the path).
 * Never throws, never blocks on a pipe or a device.
 */
export function readInputFile(
	path: string,
	locale: Locale,
	{ file = path, maxBytes = MAX_INPUT_BYTES }: { file?: string; maxBytes?: number } = {}
): InputRead {
	let fd: number | null = null;
	try {
		const before = refusal(statSync(path), file, locale, maxBytes);
		if (before) return { ok: false, message: before };
		// O_NONBLOCK: should the path become a FIFO between stat and open, opening does not wait.
		fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
		const st = fstatSync(fd);
		const after = refusal(st, file, locale, maxBytes);
		if (after) return { ok: false, message: after };
		const bytes = new Uint8Array(st.size);
		let read = 0;
		while (read < bytes.length) {
			const n = readSync(fd, bytes, read, bytes.length - read, null);
			if (n === 0) break;
			read += n;
		}
		return { ok: true, bytes: read === bytes.length ? bytes : bytes.subarray(0, read) };
	} catch (error) {
		const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
		return { ok: false, message: tr(locale, 'import.cli.unreadable', { file, reason }) };
	} finally {
		if (fd !== null) closeSync(fd);
	}
}
