import { ImportLog } from '../data/persist';
import type { Boundaries } from './boundaries';

const KEY = 'boundaries';
const REMEMBERED_KEY = 'boundaries.keyProperty';

/**
 * The loaded boundaries, shared by the data page (which sets them) and the
 * observatory (which draws them). Persisted beside the import log, so they
 * survive a reload; `null` means "draw the tile grid".
 */
export const boundaries = $state<{ current: Boundaries | null; loaded: boolean }>({
	current: null,
	loaded: false
});

export async function restoreBoundaries(): Promise<void> {
	const log = await ImportLog.shared();
	boundaries.current = (await log?.getMeta<Boundaries>(KEY)) ?? null;
	boundaries.loaded = true;
}

export async function saveBoundaries(value: Boundaries): Promise<void> {
	const log = await ImportLog.shared();
	await log?.setMeta(KEY, $state.snapshot(value));
	// the property name is remembered on its own, for the next file
	await log?.setMeta(REMEMBERED_KEY, value.keyProperty);
	boundaries.current = value;
}

export async function clearBoundaries(): Promise<void> {
	const log = await ImportLog.shared();
	await log?.setMeta(KEY, null);
	boundaries.current = null;
}

export async function rememberedKeyProperty(): Promise<string | null> {
	const log = await ImportLog.shared();
	return (await log?.getMeta<string>(REMEMBERED_KEY)) ?? null;
}
