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
		local.setUint32(0, 0x04034b50, true);
		local.setUint16(4, 20, true);
		local.setUint16(6, UTF8_FLAG, true);
		local.setUint16(8, method, true);
		local.setUint16(10, DOS_TIME, true);
		local.setUint16(12, DOS_DATE, true);
		local.setUint32(14, crc, true);
		local.setUint32(18, body.length, true);
		local.setUint32(22, size, true);
		local.setUint16(26, name.length, true);
		local.setUint16(28, 0, true);
		parts.push(new Uint8Array(local.buffer), name, body);

		const dir = new DataView(new ArrayBuffer(46));
		dir.setUint32(0, 0x02014b50, true);
		dir.setUint16(4, 20, true);
		dir.setUint16(6, 20, true);
		dir.setUint16(8, UTF8_FLAG, true);
		dir.setUint16(10, method, true);
		dir.setUint16(12, DOS_TIME, true);
		dir.setUint16(14, DOS_DATE, true);
		dir.setUint32(16, crc, true);
		dir.setUint32(20, body.length, true);
		dir.setUint32(24, size, true);
		dir.setUint16(28, name.length, true);
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
