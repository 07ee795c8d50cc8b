import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../../tests/fixtures/zip-reader';
import { crc32, zip } from './zip';

const concat = (parts: Uint8Array[]) => {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
};

describe('zip', () => {
	it('computes the standard CRC-32', () => {
		expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
		expect(crc32(new Uint8Array())).toBe(0);
	});

	it('writes an archive read back exactly (names in UTF-8, inflated and CRC-checked by zlib)', async () => {
		// a CSV of 20,000 alike rows: 0.6 MB that deflate shrinks many times over
		const rows = Array.from(
			{ length: 20_000 },
			(_, i) => `A-${i},2024-05-10,150101,taller,${i % 90}`
		);
		const csv = new TextEncoder().encode(['activity_id,date,ubigeo,type,n', ...rows].join('\n'));
		// bytes with no pattern (SHA-256 in counter mode): deflate cannot shrink them, so they are stored
		const noise = new Uint8Array(64_000);
		for (let i = 0; i < noise.length / 32; i++) {
			noise.set(createHash('sha256').update(String(i)).digest(), i * 32);
		}
		const files = [
			{ name: 'districts.csv', data: new TextEncoder().encode('ubigeo,name\n150102,Ancón\n') },
			{ name: 'año/vacío.csv', data: new Uint8Array() },
			{ name: 'activities.csv', data: csv },
			{ name: 'noise.bin', data: noise }
		];
		const archive = concat(await zip(files));
		const read = readZip(archive);
		expect(read.map((f) => f.name)).toEqual(files.map((f) => f.name));
		read.forEach((f, i) => expect(f.data).toEqual(files[i].data));
		// a few bytes do not shrink either: stored too
		expect(read.map((f) => f.method)).toEqual([0, 0, 8, 0]);
		// the CSV takes less than a fifth of its size, and the archive is smaller than its contents
		expect(read[2].compressedSize).toBeLessThan(csv.length / 5);
		expect(archive.length).toBeLessThan(csv.length / 5 + noise.length + 1000);
	});
});
