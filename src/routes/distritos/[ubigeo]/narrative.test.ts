import { describe, expect, it } from 'vitest';
import { buildNarrative, type DomainFact, type IndicatorFact } from './narrative';

const fact = (
	domain: number,
	score: number | null,
	level: string | null,
	change: number | null,
	answered = 4,
	applicable = 4
): DomainFact => ({
	domain,
	score,
	level,
	change,
	completeness: applicable ? (100 * answered) / applicable : null,
	answered,
	applicable
});

const indicators: IndicatorFact[] = [
	{ indicator_id: 'D1.01', domain: 1, text: 'Oficina de atención', answer: 'cumple' },
	{ indicator_id: 'D1.02', domain: 1, text: 'DEMUNA', answer: 'cumple' },
	{ indicator_id: 'D2.01', domain: 2, text: 'Registro de nacionalidad', answer: 'no_cumple' },
	{ indicator_id: 'D2.02', domain: 2, text: 'Mesa de trabajo', answer: 'parcial' },
	{ indicator_id: 'D2.03', domain: 2, text: 'Presupuesto', answer: 'cumple' }
];

describe('buildNarrative', () => {
	const domains = [
		fact(1, 92, 'consolidado', 12),
		fact(2, 35, 'inicial', -6),
		fact(3, null, null, null, 0, 3)
	];
	const es = buildNarrative(domains, indicators, '2023', 'es');

	it('names the domains at advanced or consolidated level as strengths, with their score and what is met', () => {
		expect(es.strengths[0]).toContain('Derechos de las personas migrantes');
		expect(es.strengths[0]).toContain('92');
		expect(es.strengths[0]).toContain('nivel consolidado');
		expect(es.strengths[0]).toContain('2 de 4');
		expect(es.strengths[0]).toContain('12');
	});

	it('names the weak domains with their unmet indicators as potential, weakest first', () => {
		expect(es.potential[0]).toContain('Enfoque de gobierno integral');
		expect(es.potential[0]).toContain('35');
		expect(es.potential[0]).toContain('D2.01 Registro de nacionalidad');
		expect(es.potential[0]).toContain('D2.02 Mesa de trabajo');
		expect(es.potential[0]).not.toContain('D2.03');
		expect(es.potential[0]).toContain('6'); // the fall since 2023
	});

	it('says when a domain has no answers, instead of calling it weak', () => {
		expect(es.potential.some((s) => s.includes('Alianzas') && /sin respuestas/i.test(s))).toBe(
			true
		);
	});

	it('claims no strength when no domain reaches the advanced level, and says which scores best', () => {
		const weak = buildNarrative(
			[fact(1, 50, 'en_desarrollo', null), fact(2, 20, 'inicial', null)],
			indicators,
			null,
			'es'
		);
		expect(weak.strengths).toHaveLength(1);
		expect(weak.strengths[0]).toMatch(/ningún dominio/i);
		expect(weak.strengths[0]).toContain('50');
	});

	it('writes the same facts in English', () => {
		const en = buildNarrative(domains, indicators, '2023', 'en');
		expect(en.strengths[0]).toContain("Migrants' rights");
		expect(en.strengths[0]).toContain('2 of 4');
		expect(en.potential[0]).toContain('Whole-of-government approach');
	});

	it('says nothing at all for a district without scores', () => {
		expect(buildNarrative([], [], null, 'es')).toEqual({ strengths: [], potential: [] });
	});
});
