import type { Engine } from '../../engine/types';
import { recordStartLines } from '../../data/import';
import { DATASET_SPECS } from '../../data/schema';
import { toCsv } from '../../data/csv-export';
import { ApiError } from '../http/errors';
import { prepareServerCsv } from '../records/prepare-csv';
import type { Answer } from './service';

const COLUMNS = ['ubigeo', 'round', 'indicator_id', 'answer', 'evidence', 'source_url'];

/**
 * Checks a submission with the import pipeline, as if it were an
 * `assessments.csv` of one round, against the districts and framework the
 * engine holds (the published ones): a bad answer value, an unknown
 * indicator or ubigeo, a round name outside the contract, a repeated
 * indicator, a link that is not http(s); and a value the import would only
 * take by cleaning it up («si», «Cumple», spaces around), since the server
 * stores what it is sent. Warnings pass; any error is a 400 that names each
 * problem, with the answer it is in.
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
	const strict = contractProblems(ubigeo, round, answers);
	// the line each answer starts on, counted as the pipeline counts them (evidence may span lines)
	const starts = await recordStartLines(csv, ',', false);
	const indexOfLine = new Map(starts.map((line, i) => [line, i]));
	const prepared = await prepareServerCsv(engine, 'assessments', csv, 'replace');
	try {
		const report = prepared.report;
		const problems: Problem[] = report.issues
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
		// what the pipeline would have cleaned up, unless it already refused that value
		const named = new Set(problems.map((p) => `${p.answer_index ?? ''}/${p.field}`));
		const fields = new Set(problems.map((p) => p.field));
		const extra = strict.filter((p) =>
			p.answer_index === null ? !fields.has(p.field) : !named.has(`${p.answer_index}/${p.field}`)
		);
		// by answer, the problems of the whole round (ubigeo, round) first
		const all = [...problems, ...extra].sort(
			(x, y) => (x.answer_index ?? -1) - (y.answer_index ?? -1)
		);
		const errors = report.errors + extra.length;
		if (!prepared.loadable || errors > 0) {
			const first = all[0];
			throw new ApiError(
				'invalid_submission',
				first
					? `${errors} problema(s) en el envío; el primero${first.indicator_id ? ` (indicador ${first.indicator_id}${first.field ? `, campo ${first.field}` : ''})` : ''}: ${first.message}`
					: 'El envío no se puede leer como una ronda.',
				{ problems: all, errors }
			);
		}
	} finally {
		await prepared.discard();
	}
}

interface Problem {
	answer_index: number | null;
	indicator_id: string | null;
	field: string | null;
	message: string;
}

const ANSWERS = DATASET_SPECS.assessments.columns.find((c) => c.name === 'answer')!.allowed!;

/**
 * Values an import would accept by cleaning them up (a synonym such as «si»,
 * capitals, spaces around, a 5-digit ubigeo, «2024-s1»): the API stores what
 * it is sent, so it takes the contract's own spelling only.
 */
function contractProblems(ubigeo: string, round: string, answers: Answer[]): Problem[] {
	const problems: Problem[] = [];
	if (!/^[0-9]{6}$/.test(ubigeo))
		problems.push({
			answer_index: null,
			indicator_id: null,
			field: 'ubigeo',
			message: `«${ubigeo}» no es un ubigeo: son seis cifras (por ejemplo 150101).`
		});
	if (!/^[0-9]{4}(-S[12])?$/.test(round))
		problems.push({
			answer_index: null,
			indicator_id: null,
			field: 'round',
			message: `«${round}» no es una ronda: escriba AAAA, AAAA-S1 o AAAA-S2, tal cual (por ejemplo 2024-S1).`
		});
	answers.forEach((a, i) => {
		const at = { answer_index: i, indicator_id: a.indicator_id };
		if (a.indicator_id !== a.indicator_id.trim())
			problems.push({
				...at,
				field: 'indicator_id',
				message: `«${a.indicator_id}» lleva espacios alrededor: escriba el código sin ellos.`
			});
		if (!ANSWERS.includes(a.answer))
			problems.push({
				...at,
				field: 'answer',
				message: `«${a.answer}» no es un código de respuesta: escriba uno de ${ANSWERS.join(', ')}, tal cual.`
			});
		if (a.source_url !== null && a.source_url !== a.source_url.trim())
			problems.push({
				...at,
				field: 'source_url',
				message: `El enlace «${a.source_url}» lleva espacios alrededor: escríbalo sin ellos.`
			});
	});
	return problems;
}
