import { error } from '@sveltejs/kit';
import type { EntryGenerator, PageServerLoad } from './$types';
import { readDistricts } from './districts.server';

// One prerendered page per district of the loaded districts.csv (read at build time).
export const entries: EntryGenerator = () => readDistricts().map(({ ubigeo }) => ({ ubigeo }));

/** The name is in the HTML before the engine starts; the engine's data replace it once loaded. */
export const load: PageServerLoad = ({ params }) => {
	const district = readDistricts().find((d) => d.ubigeo === params.ubigeo);
	if (!district) error(404, `Unknown district ${params.ubigeo}`);
	return district;
};
