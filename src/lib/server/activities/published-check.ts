import { serverStore, storeConfig } from '../db/context';
import { viewEngine } from '../published';
import { activityCheck } from './check';
import type { ActivityCheck } from './service';

/**
 * An activity is checked against the published districts with the import
 * pipeline (check.ts), and its id against the published activities.csv.
 */
export const checkActivityAgainstPublished: ActivityCheck = async (input) => {
	const engine = await viewEngine(await serverStore(), 'published', storeConfig().demoDataDir);
	return activityCheck(engine)(input);
};
