import { error } from '@sveltejs/kit';
import { or503 } from '$lib/server/page-engine';
import { serverStore } from '$lib/server/db/context';
import { ApiError } from '$lib/server/http/errors';
import { getRound, listRounds, type RoundDetail } from '$lib/server/rounds/service';
import { previousRound } from '$lib/server/rounds/queue';
import { districtNames, policyIndicators } from '../../districts.server';
import { mayReview, staffOnly } from '../../staff.server';

export const prerender = false;

/**
 * One round as the reviewer sees it: its latest version, every comment and
 * state change, beside the district's round before it (its latest version
 * the viewer may see), and the framework's indicators to group them by domain.
 */
export async function load({ locals, url, params }) {
	const user = staffOnly(locals, url);
	const { ubigeo, round } = params;
	return or503(async () => {
		const store = await serverStore();
		let current: RoundDetail;
		try {
			current = await getRound(store, user, ubigeo, round);
		} catch (e) {
			if (e instanceof ApiError && e.code === 'not_found')
				error(404, { message: e.message, code: 'not_found' });
			throw e;
		}
		const rounds = await listRounds(store, user, { ubigeo });
		const before = previousRound(
			rounds.map((r) => r.round),
			round
		);
		const previous = before ? await getRound(store, user, ubigeo, before) : null;
		const [districts, indicators] = await Promise.all([districtNames(), policyIndicators()]);
		return {
			district: { ubigeo, name: districts.find((d) => d.ubigeo === ubigeo)?.name ?? ubigeo },
			current,
			previous: previous && {
				round: previous.round,
				version: previous.version,
				state: previous.state,
				answers: previous.answers
			},
			indicators,
			canReview: mayReview(user)
		};
	});
}
