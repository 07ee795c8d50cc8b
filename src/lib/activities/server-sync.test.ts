/**
 * A UIM assistant's logged activity and the server: sent with the contract's
 * columns, noted as on the server only when the server has it, kept on the
 * device whatever the answer.
 */
import { describe, expect, it } from 'vitest';
import { sendActivity } from './server-sync';
import {
	sendLoggedActivity,
	unsentActivities,
	type ActivityLogStore,
	type LoggedActivity
} from './log';

const activity: LoggedActivity = {
	activity_id: 'REG-20250401-ABCDEF',
	date: '2025-04-01',
	ubigeo: '150132',
	type: 'capacitacion',
	audience: 'gobierno_local',
	topic: 'salud',
	modality: 'virtual',
	participants_total: 12,
	participants_women: null,
	participants_men: null,
	participants_migrants: 3,
	partner: '  ',
	logged_at: '2025-04-01T15:00:00.000Z'
};

class MemoryLog implements ActivityLogStore {
	rows = new Map<string, LoggedActivity>();
	async list() {
		return [...this.rows.values()];
	}
	async put(a: LoggedActivity) {
		this.rows.set(a.activity_id, { ...a });
	}
	async remove(id: string) {
		this.rows.delete(id);
	}
}

const answer = (status: number, body: unknown) => async () =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('sending a logged activity', () => {
	it('posts the columns of activities.csv (an empty partner as null) to /api/activities', async () => {
		let sent: { url: string; init: RequestInit } | null = null;
		const result = await sendActivity(activity, (async (url: string, init: RequestInit) => {
			sent = { url, init };
			return answer(201, { ...activity, logged_at: '2025-04-01T15:00:02.000Z' })();
		}) as typeof fetch);
		expect(result).toEqual({ kind: 'stored', created: true, loggedAt: '2025-04-01T15:00:02.000Z' });
		expect(sent!.url).toBe('/api/activities');
		expect(sent!.init.method).toBe('POST');
		expect(JSON.parse(String(sent!.init.body))).toEqual({
			activity_id: 'REG-20250401-ABCDEF',
			date: '2025-04-01',
			ubigeo: '150132',
			type: 'capacitacion',
			audience: 'gobierno_local',
			topic: 'salud',
			modality: 'virtual',
			participants_total: 12,
			participants_women: null,
			participants_men: null,
			participants_migrants: 3,
			partner: null
		});
	});

	it('reads each answer: 200 a repeat, 400 refused, 503 or no answer unreachable', async () => {
		const send = (f: () => Promise<Response>) => sendActivity(activity, f as typeof fetch);
		expect(await send(answer(200, { logged_at: 'x' }))).toMatchObject({
			kind: 'stored',
			created: false
		});
		expect(
			await send(answer(400, { error: { code: 'invalid_submission', message: 'Distrito' } }))
		).toEqual({ kind: 'rejected', status: 400, message: 'Distrito' });
		expect(
			await send(answer(503, { error: { message: 'La base de datos no responde.' } }))
		).toEqual({ kind: 'unreachable', message: 'La base de datos no responde.' });
		expect(
			await send(async () => {
				throw new TypeError('Failed to fetch');
			})
		).toEqual({ kind: 'unreachable', message: 'Failed to fetch' });
	});

	it('notes the activity as on the server only when the server has it; it stays on the device', async () => {
		const store = new MemoryLog();
		await store.put(activity);
		const down = await sendLoggedActivity(
			activity,
			async () => ({ kind: 'unreachable', message: 'Failed to fetch' }),
			store
		);
		expect(down.kind).toBe('unreachable');
		expect(store.rows.get(activity.activity_id)).toEqual(activity);
		expect((await unsentActivities(store)).map((a) => a.activity_id)).toEqual([
			'REG-20250401-ABCDEF'
		]);
		await sendLoggedActivity(
			activity,
			async () => ({ kind: 'stored', created: true, loggedAt: '2025-04-02T08:00:00.000Z' }),
			store
		);
		expect(store.rows.get(activity.activity_id)).toEqual({
			...activity,
			server_saved_at: '2025-04-02T08:00:00.000Z'
		});
		expect(await unsentActivities(store)).toEqual([]);
	});
});
