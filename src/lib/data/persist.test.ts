import { describe, expect, it } from 'vitest';
import { obsoleteBy, type LogEntry } from './persist';

const file = { fileName: 'f.csv', size: 10, rows: 1, loadedAt: '2026-01-01T00:00:00Z' };
const ds = (
	id: number,
	dataset: 'districts' | 'activities' | 'framework',
	mode: 'replace' | 'append'
): LogEntry => ({
	id,
	kind: 'dataset',
	dataset,
	mode,
	...file
});
const table = (id: number, name: string): LogEntry => ({ id, kind: 'table', table: name, ...file });

describe('obsoleteBy (what a new entry makes useless in the import log)', () => {
	it('a replace drops the earlier entries of the same dataset', () => {
		const log = [
			ds(1, 'activities', 'replace'),
			ds(2, 'activities', 'append'),
			ds(3, 'districts', 'replace')
		];
		expect(obsoleteBy(log, ds(0, 'activities', 'replace'))).toEqual([1, 2]);
	});

	it('an append drops nothing', () => {
		expect(obsoleteBy([ds(1, 'activities', 'replace')], ds(0, 'activities', 'append'))).toEqual([]);
	});

	it('a removal drops the earlier entries too', () => {
		expect(
			obsoleteBy([ds(1, 'activities', 'replace')], {
				kind: 'remove',
				dataset: 'activities',
				loadedAt: ''
			})
		).toEqual([1]);
	});

	it('keeps districts entries that a later import of another dataset was checked against', () => {
		const log = [
			ds(1, 'districts', 'replace'),
			ds(2, 'activities', 'replace'),
			ds(3, 'districts', 'append')
		];
		// 1 was in force when 2 was validated: replaying 2 without it would drop rows.
		expect(obsoleteBy(log, ds(0, 'districts', 'replace'))).toEqual([3]);
	});

	it('keeps a districts replace that removed the rows of others that no longer matched', () => {
		const pruned: LogEntry = {
			id: 1,
			kind: 'dataset',
			dataset: 'districts',
			mode: 'replace',
			prune: ['activities'],
			...file
		};
		// Without 1, a replay would bring back the activities it removed.
		expect(
			obsoleteBy([pruned, ds(2, 'districts', 'replace')], ds(0, 'districts', 'replace'))
		).toEqual([2]);
	});

	it('a table replaces the earlier entries of the same table only', () => {
		expect(obsoleteBy([table(1, 'ventas'), table(2, 'otras')], table(0, 'ventas'))).toEqual([1]);
	});
});
