/**
 * A round sent to the UIM from the official's page (server mode): the draft
 * is stored before any answer, stays when the server fails, and records the
 * version only on a 201; a returned round is corrected and sent on top of
 * the returned version; a newer version on the server is a conflict the
 * official settles by loading it. The server is a fake with the real one's
 * rules (src/lib/server/rounds/service.ts): base_version, 409, 400, 503.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { EmergencyCopies } from './emergency';
import {
	fetchRoundHistory,
	openComments,
	submissionOf,
	type ServerAnswer,
	type ServerRound,
	type ServerRoundState
} from './round-sync';
import { RoundSubmission } from './round-submission.svelte';
import { createDraft } from './drafts';
import { DraftSession } from './session.svelte';
import { MemoryRecordStore } from './store';
import { MemoryStorage } from '../../../tests/fixtures/memory-storage';
import { indicator } from './indicator.fixtures';

const INDICATORS = [indicator('D1.01', 1), indicator('D1.02', 1), indicator('D2.01', 2)];
const NOW = '2025-06-15T17:00:00.000Z';

/** The server's two round endpoints, with its rules. */
class FakeServer {
	versions: ServerAnswer[][] = [];
	state: ServerRoundState = 'submitted';
	history: ServerRound['history'] = [];
	comments: ServerRound['comments'] = [];
	/** no answer at all (network down) */
	down = false;
	/** the store is stopped: 503 */
	storeDown = false;
	posts: { base_version: number | null; answers: ServerAnswer[] }[] = [];

	fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
		if (this.down) throw new TypeError('Failed to fetch');
		const json = (status: number, body: unknown) =>
			new Response(JSON.stringify(body), {
				status,
				headers: { 'content-type': 'application/json' }
			});
		const url = String(input);
		expect(url.startsWith('/api/rounds/150101/2025')).toBe(true);
		if (this.storeDown)
			return json(503, {
				error: { code: 'unavailable', message: 'La base de datos no responde' }
			});
		if (!init.method || init.method === 'GET') {
			if (!this.versions.length)
				return json(404, { error: { code: 'not_found', message: 'No hay una ronda 2025' } });
			return json(200, this.detail());
		}
		const body = JSON.parse(String(init.body));
		this.posts.push(body);
		const bad = body.answers.find((a: ServerAnswer) => a.answer === 'quizas');
		if (bad)
			return json(400, {
				error: {
					code: 'bad_request',
					message: `Indicador ${bad.indicator_id}: «quizas» no es una respuesta válida.`
				}
			});
		const latest = this.versions.length || null;
		if (body.base_version !== latest)
			return json(409, {
				error: {
					code: 'conflict',
					message: `La ronda ya tiene la versión ${latest} en el servidor.`,
					current_version: latest,
					state: this.state
				}
			});
		this.submit(body.answers, 'funcionario@integra.demo');
		return json(201, { ubigeo: '150101', round: '2025', version: this.versions.length });
	};

	submit(answers: ServerAnswer[], by = 'otro@integra.demo') {
		this.versions.push(answers);
		this.state = 'submitted';
		this.history.push({
			version: this.versions.length,
			action: 'submitted',
			at: '2025-06-16T10:00:00.000Z',
			by
		});
	}

	returnWith(comments: { indicator_id: string; text: string }[]) {
		const version = this.versions.length;
		this.state = 'returned';
		this.history.push({ version, action: 'returned', at: '2025-06-17T09:30:00.000Z', by: 'uim' });
		for (const c of comments)
			this.comments.push({ ...c, version, at: '2025-06-17T09:30:00.000Z', by: 'uim' });
	}

	detail(): ServerRound {
		const version = this.versions.length;
		return {
			ubigeo: '150101',
			round: '2025',
			state: this.state,
			latest_version: version,
			published_version: null,
			updated_at: '2025-06-17T09:30:00.000Z',
			version,
			submitted_at: '2025-06-16T10:00:00.000Z',
			submitted_by: 'funcionario@integra.demo',
			answers: this.versions[version - 1],
			comments: this.comments,
			history: this.history
		};
	}
}

let store: MemoryRecordStore;
let server: FakeServer;

beforeEach(() => {
	store = new MemoryRecordStore();
	server = new FakeServer();
});

async function open(opts: { draft?: boolean } = {}) {
	if (opts.draft !== false)
		await createDraft({ store, ubigeo: '150101', round: '2025', prefill: null, now: NOW });
	const session = new DraftSession({
		ubigeo: '150101',
		round: '2025',
		store,
		emergency: new EmergencyCopies(new MemoryStorage()),
		indicators: () => INDICATORS,
		engine: () => null,
		dataChanged: () => {},
		now: () => NOW
	});
	await session.open();
	const sub = new RoundSubmission({
		session,
		indicators: () => INDICATORS,
		store,
		canSend: true,
		fetch: server.fetch,
		now: () => NOW
	});
	await sub.refresh();
	return { session, sub };
}

/** What the official types: D1.01 cumple with evidence and a link (with spaces), D1.02 no_cumple, D2.01 no_aplica. */
function fill(session: DraftSession) {
	session.setAnswer('D1.01', 'cumple');
	session.setText('D1.01', 'evidence', 'Ordenanza 123-2025');
	session.setText('D1.01', 'source_url', '  https://muni.example/ordenanza  ');
	session.setAnswer('D1.02', 'no_cumple');
	session.setAnswer('D2.01', 'no_aplica');
}

const SENT_V1: ServerAnswer[] = [
	{
		indicator_id: 'D1.01',
		answer: 'cumple',
		evidence: 'Ordenanza 123-2025',
		source_url: 'https://muni.example/ordenanza'
	},
	{ indicator_id: 'D1.02', answer: 'no_cumple', evidence: null, source_url: null },
	{ indicator_id: 'D2.01', answer: 'no_aplica', evidence: null, source_url: null }
];

describe('sending a round to the UIM', () => {
	it('a first send goes with base_version null and every answer; on 201 the draft records version 1 and locks', async () => {
		const { session, sub } = await open();
		expect(sub.read).toEqual({ kind: 'none' });
		expect(sub.standing).toBe('new');
		fill(session);
		const outcome = await sub.send();
		expect(outcome).toEqual({ kind: 'sent', version: 1 });
		expect(server.posts).toEqual([{ base_version: null, answers: SENT_V1 }]);
		// the draft is still on the device, now with the version it is on the server
		const stored = await store.getDraft('150101:2025');
		expect(stored?.answers['D1.01'].evidence).toBe('Ordenanza 123-2025');
		expect(stored?.server).toEqual({ version: 1, sentAt: NOW });
		expect(stored?.status).toBe('draft');
		// the page read the server again: under review, nothing to type
		expect(sub.round?.state).toBe('submitted');
		expect(sub.standing).toBe('submitted');
		expect(sub.locked).toBe(true);
		session.serverLock = sub.locked; // what RoundPage's effect does
		expect(session.readonly).toBe(true);
	});

	it('an incomplete round is not sent', async () => {
		const { session, sub } = await open();
		session.setAnswer('D1.01', 'cumple'); // no evidence, two unanswered
		expect(await sub.send()).toBe('missing');
		expect(server.posts).toEqual([]);
	});

	it('the network down: the draft stays as it was, and a retry later sends it as version 1', async () => {
		const { session, sub } = await open();
		fill(session);
		server.down = true;
		const outcome = await sub.send();
		// no answer at all: no message from anyone (the page says "no connection")
		expect(outcome).toEqual({ kind: 'unreachable', message: '' });
		const stored = await store.getDraft('150101:2025');
		expect(stored?.answers['D1.02'].answer).toBe('no_cumple');
		expect(stored?.server ?? null).toBeNull();
		expect(sub.locked).toBe(false);
		server.down = false;
		expect(await sub.send()).toEqual({ kind: 'sent', version: 1 });
		expect(server.posts.map((p) => p.base_version)).toEqual([null]);
		expect((await store.getDraft('150101:2025'))?.server?.version).toBe(1);
	});

	// A refused send records nothing: `refuse` makes the server refuse the filled round.
	it.each<[string, (session: DraftSession) => void, { kind: string; message: string }]>([
		[
			"the server's store stopped (503) is 'unreachable' with its message, and nothing is recorded",
			() => {
				server.storeDown = true;
			},
			{ kind: 'unreachable', message: 'La base de datos no responde' }
		],
		[
			"a 400 gives the server's message, which names the indicator and the value",
			(session) => {
				// a value the form would never offer, as an old or edited draft may hold
				session.draft!.answers['D2.01'].answer = 'quizas' as never;
			},
			{ kind: 'invalid', message: 'Indicador D2.01: «quizas» no es una respuesta válida.' }
		]
	])('%s', async (_, refuse, expected) => {
		const { session, sub } = await open();
		fill(session);
		refuse(session);
		expect(await sub.send()).toEqual(expected);
		expect((await store.getDraft('150101:2025'))?.server ?? null).toBeNull();
	});

	it('returned with a comment: the comment is by its indicator, the form opens, and the fix goes as version 2 on top of 1', async () => {
		const { session, sub } = await open();
		fill(session);
		await sub.send();
		server.returnWith([{ indicator_id: 'D1.02', text: 'Falta el acta de la sesión.' }]);
		await sub.refresh();
		expect(sub.standing).toBe('returned');
		expect(sub.locked).toBe(false);
		expect([...sub.comments.keys()]).toEqual(['D1.02']);
		expect(sub.comments.get('D1.02')!.map((c) => c.text)).toEqual(['Falta el acta de la sesión.']);
		session.serverLock = sub.locked;
		session.setAnswer('D1.02', 'parcial');
		session.setText('D1.02', 'evidence', 'Acta del 3 de junio');
		expect(await sub.send()).toEqual({ kind: 'sent', version: 2 });
		expect(server.posts[1].base_version).toBe(1);
		expect(server.posts[1].answers[1]).toEqual({
			indicator_id: 'D1.02',
			answer: 'parcial',
			evidence: 'Acta del 3 de junio',
			source_url: null
		});
		expect(sub.standing).toBe('submitted');
		// the comments were on version 1: answered by version 2
		expect(sub.comments.size).toBe(0);
	});

	it('a newer version on the server (another device) is a 409; loading it puts its answers in the draft, keeping the notes', async () => {
		server.submit(SENT_V1.map((a) => ({ ...a, evidence: a.evidence && 'Desde otro equipo' })));
		const { session, sub } = await open();
		expect(sub.standing).toBe('behind');
		fill(session);
		session.setText('D1.01', 'notes', 'Revisar con la gerencia');
		const outcome = await sub.send();
		expect(outcome).toEqual({
			kind: 'conflict',
			message: 'La ronda ya tiene la versión 1 en el servidor.',
			current: 1
		});
		expect(server.versions).toHaveLength(1);
		expect(await sub.loadServerVersion()).toBe(true);
		const stored = await store.getDraft('150101:2025');
		expect(stored?.server).toEqual({ version: 1, sentAt: null });
		expect(stored?.answers['D1.01']).toMatchObject({
			answer: 'cumple',
			evidence: 'Desde otro equipo',
			notes: 'Revisar con la gerencia'
		});
		expect(sub.standing).toBe('submitted');
		expect(sub.locked).toBe(true);
	});

	it('the draft gone from this device: a new stored draft from the returned version, sent back on top of it', async () => {
		server.submit(SENT_V1, 'funcionario@integra.demo');
		server.returnWith([{ indicator_id: 'D1.01', text: 'El enlace no abre.' }]);
		const { session, sub } = await open({ draft: false });
		expect(session.phase).toBe('missing');
		const draft = await sub.draftFromServer();
		expect(draft.server).toEqual({ version: 1, sentAt: null });
		await session.open();
		expect(session.phase).toBe('ready');
		expect(session.draft?.answers['D1.01'].source_url).toBe('https://muni.example/ordenanza');
		expect(sub.standing).toBe('returned');
		session.setText('D1.01', 'source_url', 'https://muni.example/ordenanza-123');
		expect(await sub.send()).toEqual({ kind: 'sent', version: 2 });
		expect(server.posts[0].base_version).toBe(1);
		expect(server.posts[0].answers[0].source_url).toBe('https://muni.example/ordenanza-123');
	});
});

describe('round-sync rules', () => {
	it('a send leaves out unanswered indicators and those the framework no longer has', () => {
		const draft = {
			id: '150101:2025',
			ubigeo: '150101',
			round: '2025',
			status: 'draft' as const,
			createdAt: NOW,
			updatedAt: NOW,
			completedAt: null,
			prefilledFrom: null,
			answers: {
				'D9.99': {
					answer: 'cumple' as const,
					evidence: 'x',
					source_url: '',
					notes: '',
					updated_at: NOW
				},
				'D1.02': { answer: null, evidence: 'a medias', source_url: '', notes: '', updated_at: NOW },
				'D2.01': {
					answer: 'parcial' as const,
					evidence: '  ',
					source_url: '',
					notes: 'n',
					updated_at: NOW
				}
			}
		};
		expect(submissionOf(draft, INDICATORS, 3)).toEqual({
			base_version: 3,
			answers: [{ indicator_id: 'D2.01', answer: 'parcial', evidence: null, source_url: null }]
		});
	});

	it('open comments: only while returned, only those of the returned version', () => {
		const round = {
			state: 'returned',
			latest_version: 2,
			comments: [
				{ version: 1, indicator_id: 'D1.01', text: 'viejo', at: NOW, by: 'uim' },
				{ version: 2, indicator_id: 'D1.01', text: 'nuevo', at: NOW, by: 'uim' },
				{ version: 2, indicator_id: 'D2.01', text: 'otro', at: NOW, by: 'uim' }
			]
		} as ServerRound;
		const open = openComments(round);
		expect([...open.entries()].map(([id, cs]) => [id, cs.map((c) => c.text)])).toEqual([
			['D1.01', ['nuevo']],
			['D2.01', ['otro']]
		]);
		expect(openComments({ ...round, state: 'submitted' }).size).toBe(0);
	});
});

describe("a district's round history", () => {
	it('reads the list, then each round, newest first; a server down is said', async () => {
		const asked: string[] = [];
		const fake = async (input: RequestInfo | URL): Promise<Response> => {
			const url = String(input);
			asked.push(url);
			const body = url.includes('?ubigeo=')
				? { rounds: [{ round: '2024' }, { round: '2025' }] }
				: { round: url.split('/').at(-1), history: [] };
			return new Response(JSON.stringify(body), { status: 200 });
		};
		const read = await fetchRoundHistory('150101', fake);
		expect(read.kind === 'ok' && read.rounds.map((r) => r.round)).toEqual(['2025', '2024']);
		expect(asked).toEqual([
			'/api/rounds?ubigeo=150101',
			'/api/rounds/150101/2025',
			'/api/rounds/150101/2024'
		]);
		const down = async (): Promise<Response> => {
			throw new TypeError('Failed to fetch');
		};
		expect(await fetchRoundHistory('150101', down)).toEqual({ kind: 'unreachable', message: '' });
	});
});
