import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/errors';
import { rowCount, status, usePeopleStore } from '../test-kit';
import { answers, passes, tick } from './test-kit';
import {
	auditLog,
	getRound,
	listRounds,
	publicationVersion,
	publish,
	returnRound,
	submitVersion,
	validateRound,
	type SubmissionCheck
} from './service';

const world = usePeopleStore();

const count = (table: string) => rowCount(world.store, table);

describe('a round from submission to publication', () => {
	const U = '150101';
	const R = '2025';
	const times: Date[] = [];

	it('stores version 1 of an official of the district, and its history', async () => {
		const t = tick();
		times.push(t);
		const v1 = answers({ 'D1.01': 'cumple', 'D1.02': 'parcial' }, 'Ordenanza');
		expect(
			await submitVersion(
				world.store,
				world.people.official,
				U,
				R,
				{ base_version: null, answers: v1 },
				passes,
				t
			)
		).toEqual({ version: 1 });
		const round = await getRound(world.store, world.people.official, U, R);
		expect(round).toMatchObject({
			ubigeo: U,
			round: R,
			state: 'submitted',
			latest_version: 1,
			published_version: null,
			version: 1,
			submitted_at: t.toISOString(),
			submitted_by: 'lima@test.pe',
			answers: v1
		});
		expect(round.history).toEqual([
			{ version: 1, action: 'submitted', at: t.toISOString(), by: 'lima@test.pe' }
		]);
	});

	it('refuses a second first submission (base null when version 1 exists) with 409, storing nothing', async () => {
		const before = [await count('round_versions'), await count('round_answers')];
		const e = await submitVersion(
			world.store,
			world.people.official,
			U,
			R,
			{ base_version: null, answers: answers({ 'D1.01': 'no_cumple' }) },
			passes,
			tick()
		).catch((e) => e);
		expect(e).toBeInstanceOf(ApiError);
		expect([e.status, e.code]).toEqual([409, 'conflict']);
		expect(e.detail).toEqual({ current_version: 1, state: 'submitted' });
		expect([await count('round_versions'), await count('round_answers')]).toEqual(before);
	});

	it('refuses base_version 1 for a round with no version yet (409)', async () => {
		const e = await submitVersion(
			world.store,
			world.people.official,
			U,
			'2026',
			{ base_version: 1, answers: answers({ 'D1.01': 'cumple' }) },
			passes,
			tick()
		).catch((e) => e);
		expect([e.status, e.detail]).toEqual([409, { current_version: null, state: null }]);
		expect(await count("rounds WHERE round = '2026'")).toBe(0);
	});

	it('lets a UIM assistant return it with a comment on an answered indicator', async () => {
		expect(
			await status(
				returnRound(
					world.store,
					world.people.uim,
					U,
					R,
					[{ indicator_id: 'D9.99', text: '¿?' }],
					tick()
				)
			)
		).toBe(400);
		expect(await status(returnRound(world.store, world.people.uim, U, R, [], tick()))).toBe(400);
		const t = tick();
		times.push(t);
		const summary = await returnRound(
			world.store,
			world.people.uim,
			U,
			R,
			[{ indicator_id: 'D1.02', text: 'Falta la resolución de alcaldía.' }],
			t
		);
		expect(summary).toMatchObject({ state: 'returned', latest_version: 1 });
		const round = await getRound(world.store, world.people.official, U, R);
		expect(round.state).toBe('returned');
		expect(round.comments).toEqual([
			{
				version: 1,
				indicator_id: 'D1.02',
				text: 'Falta la resolución de alcaldía.',
				at: t.toISOString(),
				by: 'uim@test.pe'
			}
		]);
		// a returned round is not validated or returned again
		expect(await status(validateRound(world.store, world.people.uim, U, R, [], tick()))).toBe(409);
	});

	it('takes version 2 from base 1; a stale base 1 afterwards gets 409 naming version 2', async () => {
		const t = tick();
		times.push(t);
		const v2 = answers(
			{ 'D1.01': 'cumple', 'D1.02': 'cumple', 'D1.03': 'no_cumple' },
			'Resolución'
		);
		expect(
			await submitVersion(
				world.store,
				world.people.official,
				U,
				R,
				{ base_version: 1, answers: v2 },
				passes,
				t
			)
		).toEqual({ version: 2 });
		const e = await submitVersion(
			world.store,
			world.people.official,
			U,
			R,
			{ base_version: 1, answers: v2 },
			passes,
			tick()
		).catch((e) => e);
		expect([e.status, e.detail]).toEqual([409, { current_version: 2, state: 'submitted' }]);
		expect(e.message).toMatch(/versión 2/);
		const round = await getRound(world.store, world.people.uim, U, R);
		expect(round).toMatchObject({ state: 'submitted', latest_version: 2, version: 2, answers: v2 });
	});

	it('keeps version 1 as it was: versions are immutable', async () => {
		const v1 = await world.store.query(
			`SELECT indicator_id, answer, evidence FROM round_answers
			 WHERE ubigeo = $1 AND round = $2 AND version = 1 ORDER BY indicator_id`,
			[U, R]
		);
		expect(v1).toEqual([
			{ indicator_id: 'D1.01', answer: 'cumple', evidence: 'Ordenanza D1.01' },
			{ indicator_id: 'D1.02', answer: 'parcial', evidence: 'Ordenanza D1.02' }
		]);
		const versions = await world.store.query(
			'SELECT version, submitted_at FROM round_versions WHERE ubigeo = $1 AND round = $2 ORDER BY version',
			[U, R]
		);
		expect(
			versions.map((v) => [v.version, new Date(v.submitted_at as string).toISOString()])
		).toEqual([
			[1, times[0].toISOString()],
			[2, times[2].toISOString()]
		]);
	});

	it('validates (UIM) and publishes (admin) version 2, recording who and when', async () => {
		const tv = tick();
		const tp = tick();
		times.push(tv, tp);
		expect(await validateRound(world.store, world.people.uim, U, R, [], tv)).toMatchObject({
			state: 'validated'
		});
		const before = await publicationVersion(world.store);
		const result = await publish(world.store, world.people.admin, { ubigeo: U, round: R }, tp);
		expect(result).toEqual({
			publication: before + 1,
			rounds: [{ ubigeo: U, round: R, version: 2 }]
		});
		expect(await publicationVersion(world.store)).toBe(before + 1);
		const round = await getRound(world.store, world.people.analyst, U, R);
		expect(round).toMatchObject({ state: 'published', latest_version: 2, published_version: 2 });
		expect(round.history).toEqual([
			{ version: 1, action: 'submitted', at: times[0].toISOString(), by: 'lima@test.pe' },
			{ version: 1, action: 'returned', at: times[1].toISOString(), by: 'uim@test.pe' },
			{ version: 2, action: 'submitted', at: times[2].toISOString(), by: 'lima@test.pe' },
			{ version: 2, action: 'validated', at: times[3].toISOString(), by: 'uim@test.pe' },
			{ version: 2, action: 'published', at: times[4].toISOString(), by: 'admin@test.pe' }
		]);
		// published once: not again
		expect(
			await status(publish(world.store, world.people.admin, { ubigeo: U, round: R }, tick()))
		).toBe(409);
		expect(
			await status(publish(world.store, world.people.admin, { ubigeo: U, round: '2019' }, tick()))
		).toBe(404);
	});

	it('shows the public the published version, its publication only, and no names', async () => {
		const round = await getRound(world.store, null, U, R);
		expect(round).toMatchObject({
			version: 2,
			state: 'published',
			submitted_by: null,
			comments: []
		});
		expect(round.history).toEqual([
			{ version: 2, action: 'published', at: times[4].toISOString(), by: null }
		]);
	});
});

describe('who may act', () => {
	const sub = { base_version: null, answers: answers({ 'D1.01': 'cumple' }) };

	it('lets only an official of the district submit (401 anonymous, 403 anyone else), storing nothing', async () => {
		const before = await count('round_versions');
		expect(
			await status(submitVersion(world.store, null, '150101', '2020', sub, passes, tick()))
		).toBe(401);
		for (const who of ['admin', 'uim', 'analyst', 'other'] as const)
			expect(
				await status(
					submitVersion(world.store, world.people[who], '150101', '2020', sub, passes, tick())
				),
				who
			).toBe(403);
		expect(await count('round_versions')).toBe(before);
	});

	it('lets only the UIM return or validate, only an admin publish', async () => {
		await submitVersion(world.store, world.people.official, '150101', '2020', sub, passes, tick());
		const c = [{ indicator_id: 'D1.01', text: 'x' }];
		for (const who of ['admin', 'official', 'analyst', 'other'] as const) {
			expect(
				await status(returnRound(world.store, world.people[who], '150101', '2020', c, tick())),
				who
			).toBe(403);
			expect(
				await status(validateRound(world.store, world.people[who], '150101', '2020', [], tick())),
				who
			).toBe(403);
		}
		expect(await status(validateRound(world.store, null, '150101', '2020', [], tick()))).toBe(401);
		await validateRound(world.store, world.people.uim, '150101', '2020', [], tick());
		for (const who of ['uim', 'official', 'analyst'] as const)
			expect(
				await status(
					publish(world.store, world.people[who], { ubigeo: '150101', round: '2020' }, tick())
				),
				who
			).toBe(403);
		expect(await status(publish(world.store, null, 'all-validated', tick()))).toBe(401);
		expect((await getRound(world.store, world.people.uim, '150101', '2020')).state).toBe(
			'validated'
		);
	});

	it('stores nothing when the check refuses the answers', async () => {
		const before = await Promise.all(
			['rounds', 'round_versions', 'round_answers', 'round_events', 'audit_log'].map(count)
		);
		const refuses: SubmissionCheck = async () => {
			throw new ApiError('invalid_submission', 'D1.01: «quizás» no es una respuesta.');
		};
		const e = await submitVersion(
			world.store,
			world.people.official,
			'150101',
			'2019',
			{ base_version: null, answers: answers({ 'D1.01': 'quizás' }) },
			refuses,
			tick()
		).catch((e) => e);
		expect([e.status, e.code]).toEqual([400, 'invalid_submission']);
		expect(
			await Promise.all(
				['rounds', 'round_versions', 'round_answers', 'round_events', 'audit_log'].map(count)
			)
		).toEqual(before);
	});

	it('stores nothing of a version whose answers fail half-way in the database', async () => {
		const before = await Promise.all(['rounds', 'round_versions', 'round_answers'].map(count));
		// the same indicator twice (the check would refuse it; here it is skipped): the key refuses the second
		const twice = [...answers({ 'D1.01': 'cumple' }), ...answers({ 'D1.01': 'parcial' })];
		await expect(
			submitVersion(
				world.store,
				world.people.official,
				'150101',
				'2018',
				{ base_version: null, answers: twice },
				passes,
				tick()
			)
		).rejects.toThrow(/duplicate key/);
		expect(await Promise.all(['rounds', 'round_versions', 'round_answers'].map(count))).toEqual(
			before
		);
	});
});

describe('publishing every validated round at once', () => {
	it('publishes them all in one publication, and says when there is none', async () => {
		// any round validated earlier in this file is published here too
		const validated = (await listRounds(world.store, world.people.uim, { state: 'validated' })).map(
			(r) => `${r.ubigeo}/${r.round}`
		);
		for (const [u, r] of [
			['150101', '2016'],
			['150102', '2016']
		]) {
			const who = u === '150101' ? world.people.official : world.people.other;
			await submitVersion(
				world.store,
				who,
				u,
				r,
				{ base_version: null, answers: answers({ 'D3.01': 'cumple' }) },
				passes,
				tick()
			);
			await validateRound(world.store, world.people.uim, u, r, [], tick());
		}
		await submitVersion(
			world.store,
			world.people.official,
			'150101',
			'2015',
			{ base_version: null, answers: answers({ 'D3.01': 'parcial' }) },
			passes,
			tick()
		);
		const before = await publicationVersion(world.store);
		const result = await publish(world.store, world.people.admin, 'all-validated', tick());
		expect(result.publication).toBe(before + 1);
		expect(result.rounds.map((r) => `${r.ubigeo}/${r.round}`).sort()).toEqual(
			[...validated, '150101/2016', '150102/2016'].sort()
		);
		const events = await world.store.query(
			"SELECT DISTINCT publication_id::int AS p FROM round_events WHERE action = 'published' AND round = '2016'"
		);
		expect(events).toEqual([{ p: before + 1 }]);
		// the submitted one waits
		expect((await getRound(world.store, world.people.uim, '150101', '2015')).state).toBe(
			'submitted'
		);
		expect(await status(publish(world.store, world.people.admin, 'all-validated', tick()))).toBe(
			409
		);
	});
});

describe('the audit log', () => {
	it('is for admins only', async () => {
		expect(await status(auditLog(world.store, null))).toBe(401);
		for (const who of ['uim', 'official', 'analyst'] as const)
			expect(await status(auditLog(world.store, world.people[who])), who).toBe(403);
	});

	it('says who did what to which round, newest first', async () => {
		const log = await auditLog(world.store, world.people.admin);
		const first = log.filter((e) => e.target.includes('150101/2025')).reverse();
		expect(first.map((e) => [e.actor, e.action, e.target, e.detail])).toEqual([
			['lima@test.pe', 'submitted', '150101/2025', 'version 1'],
			['uim@test.pe', 'returned', '150101/2025', 'version 1, 1 comments'],
			['lima@test.pe', 'submitted', '150101/2025', 'version 2'],
			['uim@test.pe', 'validated', '150101/2025', 'version 2, 0 comments'],
			['admin@test.pe', 'published', '150101/2025', expect.stringMatching(/^publication \d+$/)]
		]);
		for (let i = 1; i < log.length; i++) expect(log[i - 1].at >= log[i].at).toBe(true);
	});
});
