/** Fixture of the forms tests: a policy indicator as the questionnaire reads it. */
import type { Indicator } from './model';

/** Weight 1, no sub-area, no guidance and no English text unless `fields` says otherwise. */
export function indicator(id: string, domain: number, fields: Partial<Indicator> = {}): Indicator {
	return {
		id,
		domain,
		subarea: null,
		textEs: `Pregunta ${id}`,
		textEn: null,
		guidanceEs: null,
		guidanceEn: null,
		weight: 1,
		...fields
	};
}
