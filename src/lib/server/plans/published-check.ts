import { serverStore, storeConfig } from '../db/context';
import { viewEngine } from '../published';
import { planItemCheck } from './check';
import type { PlanItemCheck } from './service';

/** An action is checked against the published districts and framework (check.ts). */
export const checkPlanItemAgainstPublished: PlanItemCheck = async (input) => {
	const engine = await viewEngine(await serverStore(), 'published', storeConfig().demoDataDir);
	return planItemCheck(engine)(input);
};
