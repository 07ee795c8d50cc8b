import { createBrowserEngine } from '$lib/engine/browser';
import { ENGINE_CONTRACT, type ContractCheck } from '$lib/engine/contract';
import { EngineError, type Engine, type ReadOnlyEngine } from '$lib/engine/types';

type BrowserEngine = Engine & ReadOnlyEngine & { simulateCrash(): void };

// Long enough to outlast a 1.5 s timeout on any machine, cheap to start.
const SLOW_QUERY = 'SELECT sum(hash(i)) AS s FROM range(20000000000) t(i)';

async function expectFailure(work: Promise<unknown>, kind: string): Promise<void> {
	try {
		await work;
	} catch (error) {
		if (error instanceof EngineError && error.kind === kind) return;
		throw new Error(`expected an EngineError "${kind}", got ${String(error)}`, { cause: error });
	}
	throw new Error(`expected an EngineError "${kind}", but the call succeeded`);
}

/** Browser-only checks on top of the shared contract: timeouts and a dying worker. */
export function browserChecks(engine: BrowserEngine): ContractCheck[] {
	return [
		...ENGINE_CONTRACT,
		{
			name: 'a query past its timeout fails with a timeout error, and the next query gets a fresh engine',
			async run() {
				await expectFailure(engine.query(SLOW_QUERY), 'timeout');
				const [row] = await engine.query('SELECT 42 AS answer');
				if (row.answer !== 42) throw new Error('the fresh engine did not answer');
			}
		},
		{
			name: 'a worker that dies fails the running query with a readable error, and the next query restarts',
			async run() {
				await engine.query('SELECT 1');
				const running = engine.query(SLOW_QUERY);
				setTimeout(() => engine.simulateCrash(), 200);
				await expectFailure(running, 'crashed');
				const [row] = await engine.query('SELECT 7 AS n');
				if (row.n !== 7) throw new Error('the restarted engine did not answer');
			}
		},
		{
			name: 'a worker that dies while the datasets load fails the start as a crash, instead of hanging',
			async run() {
				// its own engine: the crash comes during onFreshStart (where saved imports are replayed)
				let loading: () => void = () => {};
				const started = new Promise<void>((done) => (loading = done));
				const other = createBrowserEngine({
					timeoutMs: 1500,
					onFreshStart: async (fresh) => {
						loading();
						await fresh.query(SLOW_QUERY);
					}
				});
				const start = other.warmUp();
				await started;
				setTimeout(() => other.simulateCrash(), 200);
				await expectFailure(start, 'crashed');
				await other.close();
			}
		}
	];
}
