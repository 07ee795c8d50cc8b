import { storeConfig } from './db/context';
import { referenceEngine } from './published';
import { checkSubmission } from './rounds/check';
import type { SubmissionCheck } from './rounds/service';

/**
 * A submission is checked against the reference districts and framework,
 * with the import pipeline (rounds/check.ts).
 */
export const checkAgainstPublished: SubmissionCheck = async (ubigeo, round, answers) => {
	const engine = await referenceEngine(storeConfig().demoDataDir);
	await checkSubmission(engine, ubigeo, round, answers);
};
