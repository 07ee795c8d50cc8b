import { describe, expect, it } from 'vitest';
import { readZip } from '../../../tests/fixtures/zip-reader';
import { crc32, zipStore } from './zip';

const concat = (parts: Uint8Array[]) => {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
};

describe('zipStore', () => {
	it('computes the standard CRC-32', () => {
		expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
		expect(crc32(new Uint8Array())).toBe(0);
	});

	it('writes an archive read back exactly (names in UTF-8, CRCs checked by zlib)', () => {
		const files = [
			{ name: 'districts.csv', data: new TextEncoder().encode('ubigeo,name\n150102,Ancón\n') },
			{ name: 'año/vacío.csv', data: new Uint8Array() },
			{ name: 'big.bin', data: Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) & 0xff) }
		];
		const read = readZip(concat(zipStore(files)));
		expect(read.map((f) => f.name)).toEqual(files.map((f) => f.name));
		read.forEach((f, i) => expect(f.data).toEqual(files[i].data));
	});
});
