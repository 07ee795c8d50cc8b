/**
 * What each viewer sees of the rounds (listRounds, getRound, assessmentRows):
 * the public, an official of one district, and staff.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../auth/sessions';
import { status, usePeopleStore } from '../test-kit';
import { answers, passes, tick } from './test-kit';
import {
	assessmentRows,
	getRound,
	listRounds,
	publish,
	returnRound,
	submitVersion,
	validateRound
} from './service';

const world = usePeopleStore();

describe('what each viewer sees', () => {
	// 150101/2021: published v1.  150102/2021: submitted v1, never published.
	// 150102/2022: published v1, then v2 submitted.  150101/2017: returned v1, never published.
	// 150102/2017: published v1, then v2 returned.
	async function submit(who: User, u: string, r: string, base: number | null, value: string) {
		await submitVersion(
			world.store,
			who,
			u,
			r,
			{ base_version: base, answers: answers({ 'D2.01': value }) },
			passes,
			tick()
		);
	}
	const publishedAt = new Map<string, string>();
	async function publishNow(u: string, r: string) {
		await validateRound(world.store, world.people.uim, u, r, [], tick());
		const at = tick();
		await publish(world.store, world.people.admin, { ubigeo: u, round: r }, at);
		publishedAt.set(`${u}/${r}`, at.toISOString());
	}

	/** The UIM returns a round with one comment on D2.01. */
	const sendBack = (u: string, r: string) =>
		returnRound(
			world.store,
			world.people.uim,
			u,
			r,
			[{ indicator_id: 'D2.01', text: '?' }],
			tick()
		);

	beforeAll(async () => {
		// 150102/2022 is published before 150101/2021, and gets its v2 after it
		await submit(world.people.other, '150102', '2022', null, 'no_cumple');
		await publishNow('150102', '2022');
		await submit(world.people.official, '150101', '2021', null, 'cumple');
		await publishNow('150101', '2021');
		await submit(world.people.other, '150102', '2021', null, 'parcial');
		await submit(world.people.other, '150102', '2022', 1, 'cumple');
		await submit(world.people.official, '150101', '2017', null, 'no_sabe');
		await sendBack('150101', '2017');
		await submit(world.people.other, '150102', '2017', null, 'parcial');
		await publishNow('150102', '2017');
		await submit(world.people.other, '150102', '2017', 1, 'no_cumple');
		await sendBack('150102', '2017');
	});

	const keys = (
		rounds: { ubigeo: string; round: string; state: string; latest_version: number }[]
	) =>
		rounds
			.filter((r) => ['2017', '2021', '2022'].includes(r.round))
			.map((r) => `${r.ubigeo}/${r.round} ${r.state} v${r.latest_version}`)
			.sort();

	it('lists published rounds only, as published, to anonymous visitors', async () => {
		// newest publication first, whatever was sent since
		const order = (await listRounds(world.store, null, {}))
			.filter((r) => ['2017', '2021', '2022'].includes(r.round))
			.map((r) => `${r.ubigeo}/${r.round}`);
		expect(order).toEqual(['150102/2017', '150101/2021', '150102/2022']);
		expect(keys(await listRounds(world.store, null, {}))).toEqual([
			'150101/2021 published v1',
			'150102/2017 published v1',
			'150102/2022 published v1'
		]);
	});

	it('lists an official its own districts and what is published of the others', async () => {
		expect(keys(await listRounds(world.store, world.people.official, {}))).toEqual([
			'150101/2017 returned v1',
			'150101/2021 published v1',
			'150102/2017 published v1',
			'150102/2022 published v1'
		]);
	});

	it('lists staff every round as it is', async () => {
		const all = [
			'150101/2017 returned v1',
			'150101/2021 published v1',
			'150102/2017 returned v2',
			'150102/2021 submitted v1',
			'150102/2022 submitted v2'
		];
		for (const who of ['admin', 'uim', 'analyst'] as const)
			expect(keys(await listRounds(world.store, world.people[who], {})), who).toEqual(all);
	});

	it('filters by district and by state as the viewer sees the state', async () => {
		expect(
			keys(
				await listRounds(world.store, world.people.uim, { ubigeo: '150102', state: 'submitted' })
			)
		).toEqual(['150102/2021 submitted v1', '150102/2022 submitted v2']);
		// the public's "published" is every round with a published version…
		expect(
			keys(await listRounds(world.store, null, { ubigeo: '150102', state: 'published' }))
		).toEqual(['150102/2017 published v1', '150102/2022 published v1']);
		// …and no round is "submitted" or "returned" for the public
		expect(keys(await listRounds(world.store, null, { state: 'submitted' }))).toEqual([]);
		expect(
			keys(await listRounds(world.store, world.people.official, { state: 'returned' }))
		).toEqual(['150101/2017 returned v1']);
		expect(await status(listRounds(world.store, null, { state: 'draft' }))).toBe(400);
	});

	it('gives the public the published version of a round with newer work, and 404 for one never published', async () => {
		const pub = await getRound(world.store, null, '150102', '2022');
		expect(pub).toMatchObject({
			state: 'published',
			latest_version: 1,
			published_version: 1,
			version: 1,
			answers: [{ indicator_id: 'D2.01', answer: 'no_cumple' }]
		});
		expect(pub.history.map((e) => e.action)).toEqual(['published']);
		// its time is the publication's, not that of the version sent since
		expect(pub.updated_at).toBe(publishedAt.get('150102/2022'));
		const listed = (await listRounds(world.store, null, { ubigeo: '150102' })).find(
			(r) => r.round === '2022'
		);
		expect(listed?.updated_at).toBe(publishedAt.get('150102/2022'));
		const inside = await getRound(world.store, world.people.analyst, '150102', '2022');
		expect(inside.updated_at > publishedAt.get('150102/2022')!).toBe(true);
		expect(inside).toMatchObject({
			state: 'submitted',
			version: 2,
			answers: [{ indicator_id: 'D2.01', answer: 'cumple' }]
		});
		expect(await status(getRound(world.store, null, '150102', '2021'))).toBe(404);
		expect(await status(getRound(world.store, null, '150101', '1999'))).toBe(404);
	});

	it("hides another district's work from an official: its published version, or 404", async () => {
		expect(await status(getRound(world.store, world.people.official, '150102', '2021'))).toBe(404);
		const other = await getRound(world.store, world.people.official, '150102', '2022');
		expect([other.version, other.state, other.submitted_by, other.comments]).toEqual([
			1,
			'published',
			null,
			[]
		]);
		// its own district, returned and never published: all of it
		const own = await getRound(world.store, world.people.official, '150101', '2017');
		expect(own.comments.map((c) => c.text)).toEqual(['?']);
	});

	it('gives assessments.csv the published versions, or the work in progress', async () => {
		const rows = async (which: 'published' | 'in-progress') =>
			(await assessmentRows(world.store, which))
				.filter((r) => r.indicator_id === 'D2.01')
				.map((r) => `${r.ubigeo}/${r.round} ${r.answer}`);
		expect(await rows('published')).toEqual([
			'150101/2021 cumple',
			'150102/2017 parcial',
			'150102/2022 no_cumple'
		]);
		// in progress: the latest version, but a returned round keeps its published one (or none)
		expect(await rows('in-progress')).toEqual([
			'150101/2021 cumple',
			'150102/2017 parcial',
			'150102/2021 parcial',
			'150102/2022 cumple'
		]);
	});

	it("writes answers with the time of their version, in the contract's format", async () => {
		const [row] = (await assessmentRows(world.store, 'published')).filter(
			(r) => r.ubigeo === '150101' && r.round === '2021'
		);
		expect(row.updated_at).toMatch(/^2025-01-01T\d\d:\d\d:00Z$/);
	});
});
