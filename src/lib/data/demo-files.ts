// The demo dataset, emitted by Vite as hashed static assets and fetched from
// the app's own origin (works offline once cached; no CDN).
import districts from '../../../data/districts.csv?url';
import framework from '../../../data/framework.csv?url';
import assessments from '../../../data/assessments.csv?url';
import statistics from '../../../data/statistics.csv?url';
import activities from '../../../data/activities.csv?url';
import actions from '../../../data/actions.csv?url';

export const DEMO_FILES: Record<string, string> = {
	'districts.csv': districts,
	'framework.csv': framework,
	'assessments.csv': assessments,
	'statistics.csv': statistics,
	'activities.csv': activities,
	'actions.csv': actions
};
