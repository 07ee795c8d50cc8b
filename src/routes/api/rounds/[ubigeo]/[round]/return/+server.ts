import type { RequestHandler } from './$types';
import { readJson } from '$lib/server/http/respond';
import { returnRound } from '$lib/server/rounds/service';
import { reviewHandler } from '../review';

// A UIM assistant returns the latest version with comments: `{ "comments": [{ "indicator_id", "text" }] }`.
export const POST: RequestHandler = reviewHandler(returnRound, readJson);
