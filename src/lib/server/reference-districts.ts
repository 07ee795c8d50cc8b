import { storeConfig } from './db/context';
import { referenceEngine } from './published';

export interface DistrictName {
	ubigeo: string;
	name: string;
}

/** The districts of the reference data (districts.csv), by ubigeo: what an official may be given. */
export async function referenceDistricts(): Promise<DistrictName[]> {
	const engine = await referenceEngine(storeConfig().demoDataDir);
	const rows = await engine.query('SELECT ubigeo, name FROM districts ORDER BY ubigeo');
	return rows.map((r) => ({ ubigeo: String(r.ubigeo), name: String(r.name) }));
}

export async function isReferenceDistrict(ubigeo: string): Promise<boolean> {
	return (await referenceDistricts()).some((d) => d.ubigeo === ubigeo);
}
