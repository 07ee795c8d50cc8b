import type { Engine } from '../../engine/types';
import { prepareImport } from '../../data/pipeline';
import { toCsv } from '../../data/csv-export';
import { ApiError } from '../http/errors';
import type { Answer } from './service';

const COLUMNS = ['ubigeo', 'round', 'indicator_id', 'answer', 'evidence', 'source_url'];
/** Problems listed in a 400 (all are counted). */
const LISTED = 20;

/**
 * Checks a submission with the import pipeline, as if it were an
 * `assessments.csv` of one round, against the districts and framework the
 * engine holds (the published ones): a bad answer value, an unknown
 * indicator or ubigeo, a round name outside the contract, a repeated
 * indicator, a link that is not http(s). Warnings pass; any error is a 400
 * that names each problem, with the answer it is in.
 */
export async function checkSubmission(
	engine: Engine,
	ubigeo: string,
	round: string,
	answers: Answer[]
): Promise<void> {
	const csv = toCsv(
		COLUMNS,
		answers.map((a) => ({ ubigeo, round, ...a }))
	);
	const prepared = await prepareImport(engine, {
		fileName: 'assessments.csv',
		bytes: new TextEncoder().encode(csv + '\n'),
		dataset: 'assessments',
		mode: 'replace',
		today: '9999-12-31',
		locale: 'es',
		encoding: 'utf-8',
		delimiter: ',',
		maxIssues: LISTED
	});
	// the line each answer starts on (header = 1; evidence may span lines)
	const indexOfLine = new Map<number, number>();
	let line = 2;
	answers.forEach((a, i) => {
		indexOfLine.set(line, i);
		line +=
			1 +
			`${a.evidence ?? ''}${a.source_url ?? ''}${a.indicator_id}${a.answer}`.split('\n').length -
			1;
	});
	try {
		const report = prepared.report;
		if (!prepared.loadable || report.errors > 0) {
			const problems = report.issues
				.filter((i) => i.severity === 'error')
				.map((i) => {
					const index = i.line === null ? null : (indexOfLine.get(i.line) ?? null);
					return {
						answer_index: index,
						indicator_id: index === null ? null : answers[index].indicator_id,
						field: i.column ?? null,
						message: i.message
					};
				});
			const first = problems[0];
			throw new ApiError(
				'invalid_submission',
				first
					? `${report.errors} problema(s) en el envío; el primero${first.indicator_id ? ` (indicador ${first.indicator_id}${first.field ? `, campo ${first.field}` : ''})` : ''}: ${first.message}`
					: 'El envío no se puede leer como una ronda.',
				{ problems, errors: report.errors }
			);
		}
	} finally {
		await prepared.discard();
	}
}
