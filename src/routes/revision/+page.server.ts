import { error } from '@sveltejs/kit';
import { or503 } from '$lib/server/page-engine';
import { serverStore } from '$lib/server/db/context';
import { ROUND_STATES, type RoundState } from '$lib/server/rounds/service';
import { reviewQueue, WORK_STATES } from '$lib/server/rounds/queue';
import { districtNames } from './districts.server';
import { staffOnly } from './staff.server';

// Rendered per request from the store: never prerendered (the static site has no accounts).
export const prerender = false;

/** `?estado=` one state, `todas` (published too), or nothing (the work not yet published). */
function statesOf(estado: string | null): RoundState[] {
	if (estado === 'todas') return [...ROUND_STATES];
	if (estado && ROUND_STATES.includes(estado as RoundState)) return [estado as RoundState];
	return [...WORK_STATES];
}

export async function load({ locals, url }) {
	const user = staffOnly(locals, url);
	const estado = url.searchParams.get('estado') ?? '';
	const distrito = url.searchParams.get('distrito') ?? '';
	if (distrito && !/^[0-9]{6}$/.test(distrito))
		error(400, { message: `«${distrito}» no es un ubigeo: son seis cifras.` });
	const [rows, districts] = await or503(async () =>
		Promise.all([
			reviewQueue(await serverStore(), user, {
				ubigeo: distrito || undefined,
				states: statesOf(estado)
			}),
			districtNames()
		])
	);
	const names = new Map(districts.map((d) => [d.ubigeo, d.name]));
	return {
		rows: rows.map((r) => ({ ...r, name: names.get(r.ubigeo) ?? r.ubigeo })),
		districts,
		filter: { estado, distrito }
	};
}
