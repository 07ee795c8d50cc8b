import type { Engine, EngineError } from './types';

export type EnginePhase = 'idle' | 'starting' | 'loading' | 'ready' | 'failed';

/**
 * What components need to know about the engine: whether it is usable and a
 * counter that changes whenever the loaded data change (import, restart), so
 * queries re-run. The engine itself is set by the root layout after mount.
 */
export const engineState = $state<{
	engine: Engine | null;
	phase: EnginePhase;
	error: EngineError | null;
	dataVersion: number;
}>({ engine: null, phase: 'idle', error: null, dataVersion: 0 });
