import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNodeEngine } from '$lib/engine/node';
import type { Engine } from '$lib/engine/types';
import { createTablesSql } from '$lib/data/tables';
import {
	activitiesCsv,
	applyLoggedActivities,
	logActivity,
	newActivityId,
	removeLoggedActivity,
	type ActivityLogStore,
	type LoggedActivity
} from './log';

/** The store as a Map: what IndexedDB would keep. */
class MemoryStore implements ActivityLogStore {
	rows = new Map<string, LoggedActivity>();
	failing = false;
	async list() {
		return [...this.rows.values()];
	}
	async put(a: LoggedActivity) {
		if (this.failing) throw new DOMException('quota', 'QuotaExceededError');
		this.rows.set(a.activity_id, { ...a });
	}
	async remove(id: string) {
		this.rows.delete(id);
	}
}

const GOOD: LoggedActivity = {
	activity_id: 'REG-20240510-AAAAAA',
	date: '2024-05-10',
	ubigeo: '150101',
	type: 'conversatorio',
	audience: 'sociedad_civil',
	topic: 'integracion',
	modality: 'presencial',
	participants_total: 30,
	participants_women: 18,
	participants_men: 12,
	participants_migrants: 9,
	partner: 'OIM'
};

const opts = (store: ActivityLogStore) => ({ today: '2025-01-01', locale: 'es' as const, store });

let engine: Engine;
let store: MemoryStore;

async function count(where = '1 = 1'): Promise<number> {
	const [{ n }] = await engine.query(
		`SELECT count(*)::INTEGER AS n FROM activities WHERE ${where}`
	);
	return Number(n);
}

beforeAll(async () => {
	engine = await createNodeEngine();
});
afterAll(async () => {
	await engine?.close();
});
beforeEach(async () => {
	store = new MemoryStore();
	await engine.exec(createTablesSql());
	await engine.exec(`INSERT INTO districts (ubigeo, name, province) VALUES
		('150101', 'Lima', 'Lima'), ('070101', 'Callao', 'Callao');
	INSERT INTO activities VALUES ('OLD-1', DATE '2024-01-02', '070101', 'campana',
		'comunidad_migrante', 'salud', 'presencial', 100, 50, 40, 70, NULL);`);
});

// The browser's StorageManager, as Chromium has it: storage not yet persistent, granted when asked.
const persist = vi.fn(async () => true);
vi.stubGlobal('navigator', { storage: { persisted: async () => false, persist } });

describe('logging an activity', () => {
	it('validates it like an import, keeps it and loads it', async () => {
		const out = await logActivity(engine, GOOD, opts(store));
		expect(out.saved).toBe(true);
		expect(out.issues).toEqual([]);
		expect(store.rows.get(GOOD.activity_id)?.logged_at).toMatch(/^\d{4}-\d\d-\d\dT/);
		expect(await count()).toBe(2);
		const [row] = await engine.query(
			"SELECT strftime(date, '%Y-%m-%d') AS date, participants_women, partner FROM activities WHERE activity_id = ?",
			[GOOD.activity_id]
		);
		expect(row).toEqual({ date: '2024-05-10', participants_women: 18, partner: 'OIM' });
		// it may be the activity's only copy: the browser is asked not to clear it
		expect(persist).toHaveBeenCalledTimes(1);
	});

	it('refuses an activity with an error, with the import message, and keeps nothing', async () => {
		const bad = { ...GOOD, participants_women: 20, participants_men: 15, ubigeo: '999999' };
		const out = await logActivity(engine, bad, opts(store));
		expect(out.saved).toBe(false);
		const errors = out.issues.filter((i) => i.severity === 'error');
		// 20 + 15 > 30, and a district the data do not have
		expect(errors.map((i) => i.column).sort()).toEqual(['participants_women', 'ubigeo']);
		expect(errors.every((i) => i.message.length > 10)).toBe(true);
		expect(store.rows.size).toBe(0);
		expect(await count()).toBe(1);
	});

	it('refuses an id that is already loaded', async () => {
		const out = await logActivity(engine, { ...GOOD, activity_id: 'OLD-1' }, opts(store));
		expect(out.saved).toBe(false);
		expect(out.issues.some((i) => i.column === 'activity_id' && i.severity === 'error')).toBe(true);
	});

	it('refuses a value outside the contract set and a missing required value', async () => {
		const out = await logActivity(
			engine,
			{ ...GOOD, modality: 'telepatica', participants_total: null },
			opts(store)
		);
		expect(out.saved).toBe(false);
		expect(out.issues.map((i) => i.column).sort()).toEqual(['modality', 'participants_total']);
	});

	it('loads an activity with only a warning (a date after today), like an import', async () => {
		const out = await logActivity(engine, { ...GOOD, date: '2025-06-01' }, opts(store));
		expect(out.saved).toBe(true);
		expect(out.issues.map((i) => [i.column, i.severity])).toEqual([['date', 'warning']]);
	});

	it('loads nothing when the browser cannot keep it', async () => {
		store.failing = true;
		await expect(logActivity(engine, GOOD, opts(store))).rejects.toThrow(/quota/);
		expect(await count()).toBe(1);
	});

	it('re-applies the kept activities on a fresh engine, and forgets a removed one', async () => {
		await logActivity(engine, GOOD, opts(store));
		const second = { ...GOOD, activity_id: 'REG-2', ubigeo: '070101', partner: '' };
		await logActivity(engine, second, opts(store));
		// a fresh engine: the datasets again, without the logged rows
		await engine.exec(createTablesSql());
		await engine.exec(
			`INSERT INTO districts (ubigeo, name, province) VALUES ('150101', 'Lima', 'Lima'), ('070101', 'Callao', 'Callao')`
		);
		const report = await applyLoggedActivities(engine, { store });
		expect(report?.loaded).toBe(2);
		expect(await count()).toBe(2);
		expect(await count("activity_id = 'REG-2' AND partner IS NULL")).toBe(1);

		await removeLoggedActivity(engine, 'REG-2', store);
		expect(await count()).toBe(1);
		expect([...store.rows.keys()]).toEqual([GOOD.activity_id]);
	});

	it('leaves out, and keeps, an activity the new data reject', async () => {
		await logActivity(engine, GOOD, opts(store));
		await engine.exec(createTablesSql());
		await engine.exec(
			`INSERT INTO districts (ubigeo, name, province) VALUES ('070101', 'Callao', 'Callao')`
		);
		const report = await applyLoggedActivities(engine, { store });
		expect(report?.loaded).toBe(0);
		expect(report?.errors).toBe(1);
		expect(store.rows.size).toBe(1);
	});
});

describe('helpers', () => {
	it('writes activities.csv with the contract header, formula-safe', () => {
		const csv = activitiesCsv([{ ...GOOD, partner: '=HYPERLINK("x")' }]);
		const [header, line] = csv.split('\n');
		expect(header).toBe(
			'activity_id,date,ubigeo,type,audience,topic,modality,participants_total,participants_women,participants_men,participants_migrants,partner'
		);
		expect(line.endsWith(`"'=HYPERLINK(""x"")"`)).toBe(true);
	});

	it('makes ids from the date and six letters', () => {
		let i = 0;
		const id = newActivityId('2024-05-10', () => (i++ % 32) / 32);
		expect(id).toBe('REG-20240510-ABCDEF');
	});
});
