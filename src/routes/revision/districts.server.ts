import { storeConfig } from '$lib/server/db/context';
import { referenceEngine } from '$lib/server/published';

export interface District {
	ubigeo: string;
	name: string;
}

/** The districts of the reference data (names for the queue and its filter), by name. */
export async function districtNames(): Promise<District[]> {
	const engine = await referenceEngine(storeConfig().demoDataDir);
	const rows = await engine.query(
		'SELECT ubigeo, name FROM districts ORDER BY name COLLATE NOACCENT.NOCASE, ubigeo'
	);
	return rows.map((r) => ({ ubigeo: String(r.ubigeo), name: String(r.name) }));
}

export interface FrameworkIndicator {
	indicator_id: string;
	domain: number;
	subarea: string;
	text_es: string;
	text_en: string;
}

/** The policy indicators of the framework (the ones a round answers), in domain order. */
export async function policyIndicators(): Promise<FrameworkIndicator[]> {
	const engine = await referenceEngine(storeConfig().demoDataDir);
	const rows = await engine.query(
		`SELECT indicator_id, domain, subarea, text_es, text_en FROM framework
		 WHERE kind = 'policy' ORDER BY domain, indicator_id`
	);
	return rows.map((r) => ({
		indicator_id: String(r.indicator_id),
		domain: Number(r.domain),
		subarea: String(r.subarea ?? ''),
		text_es: String(r.text_es ?? ''),
		text_en: String(r.text_en ?? r.text_es ?? '')
	}));
}
