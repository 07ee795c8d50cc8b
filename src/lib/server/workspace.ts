import { serverStore, storeConfig } from './db/context';
import { viewEngine } from './published';
import { checkSubmission } from './rounds/check';
import type { SubmissionCheck } from './rounds/service';

/**
 * A submission is checked against the published districts and framework,
 * with the import pipeline (rounds/check.ts).
 */
export const checkAgainstPublished: SubmissionCheck = async (ubigeo, round, answers) => {
	const engine = await viewEngine(await serverStore(), 'published', storeConfig().demoDataDir);
	await checkSubmission(engine, ubigeo, round, answers);
};
