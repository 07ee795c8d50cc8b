import { beforeEach, describe, expect, it } from 'vitest';
import { insertSql } from '../test-support';
import { addActivityToCubeSql, buildCubeSql } from './build';
import { C2, COLUMNS, cubeEngine, filters } from './test-fixture';
import { breakdownSql, districtsSql } from './views';

const db = cubeEngine();
const { load, run, figures } = db;

describe('adding a logged activity to the cube', () => {
	beforeEach(() => load());

	it('shows it in every view without a rebuild', async () => {
		await db.engine.exec(
			insertSql('activities', COLUMNS, [
				[
					'A8',
					'2024-05-05',
					C2,
					'campana',
					'gobierno_local',
					'salud',
					'presencial',
					12,
					6,
					6,
					3,
					'OIM'
				]
			])
		);
		for (const q of addActivityToCubeSql('A8')) await run(q);
		const kf = await figures(filters()); // month table
		expect(kf.activities).toBe(6);
		expect(kf.participants).toBe(207);
		const callao = await figures(filters({ provinces: ['Callao'] })); // a single
		expect(callao.activities).toBe(2); // A4 and A8
		const campaigns = await figures(filters({ type: ['campana'] })); // a pair
		expect(campaigns.activities).toBe(2);
		const cube = await figures(filters({ type: ['campana'], audience: ['gobierno_local'] }));
		expect(cube.activities).toBe(1); // A8
		const districts = await run(districtsSql(filters()));
		expect(districts.find((r) => r.ubigeo === C2)?.activities).toBe(1);
		// the category table (three categories, no geography): A4 and A8 are campaigns on salud
		const q = breakdownSql(
			filters({ type: ['campana'], topic: ['salud'], modality: ['presencial'] }),
			'audience'
		);
		expect(q.sql).toContain('__activity_cube_c');
		expect((await run(q)).map((r) => [r.key, r.activities, r.participants])).toEqual([
			['comunidad_acogida', 1, 100], // A4
			['gobierno_local', 1, 12], // A8
			['comunidad_migrante', 0, 0],
			['entidad_publica', 0, 0]
		]);
	});

	it('fails when the activity brings a value the cube does not know (the caller rebuilds)', async () => {
		await db.engine.exec(
			insertSql('activities', COLUMNS, [
				['A9', '2024-05-05', C2, 'otro', 'academia', 'otro', 'presencial', 12, 6, 6, 3, null]
			])
		);
		await expect(run(addActivityToCubeSql('A9')[0])).rejects.toThrow(/Conversion/);
		await db.engine.exec(buildCubeSql());
		const kf = await figures(filters());
		expect(kf.activities).toBe(6);
	});

	it('builds an empty cube from empty tables', async () => {
		await load([]);
		const kf = await figures(filters());
		expect(kf.activities).toBe(0);
		expect(kf.participants).toBe(0);
		expect(await run(breakdownSql(filters(), 'type'))).toEqual([]);
		expect((await run(districtsSql(filters()))).every((r) => r.activities === 0)).toBe(true);
	});
});
