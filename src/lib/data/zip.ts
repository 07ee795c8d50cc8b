/**
 * A minimal ZIP writer: enough to hand the user every dataset as one
 * download without a dependency. Entries are deflated with the platform's
 * own `CompressionStream('deflate-raw')` (browsers and Node 20; a CSV shrinks
 * to a fifth or less), or stored when that would not be smaller. UTF-8 file
 * names, CRC-32 per entry, fixed timestamps (1 Jan 2000) so the bytes depend
 * only on the contents.
 */

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

export function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/** DOS date of 2000-01-01 00:00. */
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
/** General-purpose flag bit 11: the name is UTF-8. */
const UTF8_FLAG = 0x0800;

export interface ZipEntry {
	name: string;
	data: Uint8Array;
}

const STORED = 0;
const DEFLATED = 8;

/** Raw DEFLATE (RFC 1951), as ZIP's method 8 wants it. */
async function deflateRaw(data: Uint8Array): Promise<Uint8Array> {
	const stream = new Blob([data as Uint8Array<ArrayBuffer>])
		.stream()
		.pipeThrough(new CompressionStream('deflate-raw'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * The fields the local header and the central directory both have, in the
 * same order from `at`: version needed, flags, method, time, date, CRC-32,
 * compressed and uncompressed size, name length.
 */
function fileFields(
	view: DataView,
	at: number,
	f: { method: number; crc: number; compressed: number; size: number; nameLength: number }
): void {
	view.setUint16(at, 20, true);
	view.setUint16(at + 2, UTF8_FLAG, true);
	view.setUint16(at + 4, f.method, true);
	view.setUint16(at + 6, DOS_TIME, true);
	view.setUint16(at + 8, DOS_DATE, true);
	view.setUint32(at + 10, f.crc, true);
	view.setUint32(at + 14, f.compressed, true);
	view.setUint32(at + 18, f.size, true);
	view.setUint16(at + 22, f.nameLength, true);
}

/** The ZIP archive of `entries`, as parts ready for a Blob. */
export async function zip(entries: readonly ZipEntry[]): Promise<Uint8Array[]> {
	const encoder = new TextEncoder();
	const parts: Uint8Array[] = [];
	const central: Uint8Array[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = encoder.encode(entry.name);
		const crc = crc32(entry.data);
		const size = entry.data.length;
		const deflated = await deflateRaw(entry.data);
		const method = deflated.length < size ? DEFLATED : STORED;
		const body = method === DEFLATED ? deflated : entry.data;
		const local = new DataView(new ArrayBuffer(30));
		const file = { method, crc, compressed: body.length, size, nameLength: name.length };
		local.setUint32(0, 0x04034b50, true);
		fileFields(local, 4, file);
		local.setUint16(28, 0, true);
		parts.push(new Uint8Array(local.buffer), name, body);

		const dir = new DataView(new ArrayBuffer(46));
		dir.setUint32(0, 0x02014b50, true);
		dir.setUint16(4, 20, true);
		fileFields(dir, 6, file);
		dir.setUint32(42, offset, true);
		central.push(new Uint8Array(dir.buffer), name);
		offset += 30 + name.length + body.length;
	}
	const centralSize = central.reduce((n, p) => n + p.length, 0);
	const end = new DataView(new ArrayBuffer(22));
	end.setUint32(0, 0x06054b50, true);
	end.setUint16(8, entries.length, true);
	end.setUint16(10, entries.length, true);
	end.setUint32(12, centralSize, true);
	end.setUint32(16, offset, true);
	return [...parts, ...central, new Uint8Array(end.buffer)];
}
