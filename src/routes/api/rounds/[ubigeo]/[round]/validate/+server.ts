import type { RequestHandler } from './$types';
import { readOptionalJson } from '$lib/server/http/respond';
import { validateRound } from '$lib/server/rounds/service';
import { reviewHandler } from '../review';

// A UIM assistant validates the latest version (optional `{ "comments": […] }`).
export const POST: RequestHandler = reviewHandler(validateRound, readOptionalJson);
