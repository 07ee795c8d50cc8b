import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { decodeBytes } from '$lib/data/decode';

export interface DistrictEntry {
	ubigeo: string;
	name: string;
	province: string;
}

let cached: DistrictEntry[] | null = null;

/** The demo districts.csv, read once per build with the app's own decoder. */
export function readDistricts(): DistrictEntry[] {
	if (!cached) {
		const bytes = new Uint8Array(readFileSync(resolve('data/districts.csv')));
		const { data } = Papa.parse<Record<string, string>>(decodeBytes(bytes).text, {
			header: true,
			skipEmptyLines: true
		});
		cached = data
			.filter((r) => /^\d{6}$/.test(r.ubigeo ?? ''))
			.map((r) => ({ ubigeo: r.ubigeo, name: r.name ?? r.ubigeo, province: r.province ?? '' }));
	}
	return cached;
}
