/**
 * The demo data (data/generate.ts): its activities, statistics and action
 * plans. The files, districts, framework and assessments: demo-data.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
	TYPES,
	AUDIENCES,
	TOPICS,
	MODALITIES,
	STATUSES,
	YEARS,
	districts,
	framework,
	assessments,
	activities,
	statistics,
	actions,
	ubigeos,
	kindOf,
	INTEGER,
	NUMBER,
	isCalendarDate,
	countBy
} from './demo-data.shared';

describe('demo data: activities', () => {
	it('has at least 500 activities in each year from 2021 to 2024', () => {
		const perYear = countBy(activities, (a) => a.date.slice(0, 4));
		expect([...perYear.keys()].sort()).toEqual(YEARS);
		for (const y of YEARS) expect(perYear.get(y), y).toBeGreaterThanOrEqual(500);
	});

	it('uses every type, audience, topic and modality, and nothing else', () => {
		expect([...new Set(activities.map((a) => a.type))].sort()).toEqual([...TYPES].sort());
		expect([...new Set(activities.map((a) => a.audience))].sort()).toEqual([...AUDIENCES].sort());
		expect([...new Set(activities.map((a) => a.topic))].sort()).toEqual([...TOPICS].sort());
		expect([...new Set(activities.map((a) => a.modality))].sort()).toEqual([...MODALITIES].sort());
	});

	it('has consistent participant counts, none above 1,000', () => {
		for (const a of activities) {
			const [total, women, men, migrants] = [
				a.participants_total,
				a.participants_women,
				a.participants_men,
				a.participants_migrants
			];
			expect(
				[total, women, men, migrants].every((v) => INTEGER.test(v)),
				a.activity_id
			).toBe(true);
			expect(Number(women) + Number(men), a.activity_id).toBeLessThanOrEqual(Number(total));
			expect(Number(migrants), a.activity_id).toBeLessThanOrEqual(Number(total));
			expect(Number(total), a.activity_id).toBeLessThanOrEqual(1000);
		}
	});

	it('has unique ids, valid dates in date order and known districts and partners', () => {
		expect(new Set(activities.map((a) => a.activity_id)).size).toBe(activities.length);
		expect(activities.every((a) => isCalendarDate(a.date))).toBe(true);
		const dates = activities.map((a) => a.date);
		expect(dates).toEqual([...dates].sort());
		expect(activities.every((a) => ubigeos.has(a.ubigeo))).toBe(true);
		const partners = ['', 'OIM', 'ACNUR', 'UNICEF', 'GIZ', 'OIT', 'Cáritas', 'HIAS'];
		expect(activities.every((a) => partners.includes(a.partner))).toBe(true);
	});

	it('leaves some districts without any activity in some years', () => {
		const reached = new Set(activities.map((a) => `${a.ubigeo}|${a.date.slice(0, 4)}`));
		const missing = districts.flatMap((d) => YEARS.filter((y) => !reached.has(`${d.ubigeo}|${y}`)));
		expect(missing.length).toBeGreaterThan(0);
	});
});

describe('demo data: statistics', () => {
	it('references districts and statistic indicators, with valid splits and numbers', () => {
		expect(statistics.length).toBeGreaterThan(0);
		for (const s of statistics) {
			expect(ubigeos.has(s.ubigeo)).toBe(true);
			expect(kindOf.get(s.indicator_id)).toBe('statistic');
			expect(s.period).toMatch(/^\d{4}$/);
			expect(['total', 'mujer', 'hombre']).toContain(s.sex);
			expect(['total', 'peruana', 'extranjera']).toContain(s.nationality);
			expect(s.value).toMatch(NUMBER);
			if (s.numerator) expect(s.numerator).toMatch(INTEGER);
			if (s.denominator) expect(s.denominator).toMatch(INTEGER);
		}
		const keys = new Set(
			statistics.map((s) => `${s.ubigeo}|${s.period}|${s.indicator_id}|${s.sex}|${s.nationality}`)
		);
		expect(keys.size).toBe(statistics.length);
	});

	it('has count splits that add up to the total', () => {
		const unit = new Map(framework.map((f) => [f.indicator_id, f.unit]));
		const value = new Map(
			statistics.map((s) => [
				`${s.ubigeo}|${s.period}|${s.indicator_id}|${s.sex}|${s.nationality}`,
				s.value
			])
		);
		let checked = 0;
		for (const s of statistics) {
			if (unit.get(s.indicator_id) !== 'count' || s.sex !== 'total' || s.nationality !== 'total')
				continue;
			const k = `${s.ubigeo}|${s.period}|${s.indicator_id}`;
			for (const [a, b] of [
				['mujer|total', 'hombre|total'],
				['total|peruana', 'total|extranjera']
			]) {
				const x = value.get(`${k}|${a}`);
				const y = value.get(`${k}|${b}`);
				if (x === undefined || y === undefined) continue;
				expect(Number(x) + Number(y), k).toBe(Number(s.value));
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(0);
	});
});

describe('demo data: actions', () => {
	it('has plans of 3 to 8 actions for at least 8 assessed districts', () => {
		const perDistrict = countBy(actions, (a) => a.ubigeo);
		expect(perDistrict.size).toBeGreaterThanOrEqual(8);
		for (const [u, n] of perDistrict) {
			expect(
				assessments.some((a) => a.ubigeo === u),
				u
			).toBe(true);
			expect(n, u).toBeGreaterThanOrEqual(3);
			expect(n, u).toBeLessThanOrEqual(8);
		}
		expect(new Set(actions.map((a) => a.action_id)).size).toBe(actions.length);
	});

	it('uses all four statuses, with completed_on only when completed', () => {
		expect([...new Set(actions.map((a) => a.status))].sort()).toEqual([...STATUSES].sort());
		for (const a of actions) {
			expect(a.description.length).toBeGreaterThan(0);
			expect(isCalendarDate(a.due_date), a.action_id).toBe(true);
			expect(a.due_date >= '2024-01-01' && a.due_date <= '2025-12-31', a.action_id).toBe(true);
			if (a.status === 'completada') expect(isCalendarDate(a.completed_on), a.action_id).toBe(true);
			else expect(a.completed_on, a.action_id).toBe('');
		}
	});

	it('links to indicators that were gaps in the latest round', () => {
		const latest = new Map<string, string>();
		for (const a of assessments)
			if ((latest.get(a.ubigeo) ?? '') < a.round) latest.set(a.ubigeo, a.round);
		const answer = new Map(
			assessments.map((a) => [`${a.ubigeo}|${a.round}|${a.indicator_id}`, a.answer])
		);
		const linked = actions.filter((a) => a.indicator_id);
		expect(linked.length).toBeGreaterThan(0);
		expect(actions.some((a) => !a.indicator_id)).toBe(true);
		for (const a of linked) {
			const ans = answer.get(`${a.ubigeo}|${latest.get(a.ubigeo)}|${a.indicator_id}`);
			expect(['no_cumple', 'parcial'], a.action_id).toContain(ans);
		}
	});
});
