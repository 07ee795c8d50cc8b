import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Store } from './store';
import { addUser } from '../auth/accounts';
import { insertAnswers, type Answer } from '../rounds/service';

/**
 * Demo accounts, one per role, for the embedded store only (a real database
 * gets none). Their password is public (README.md): demo use only.
 */
export const DEMO_PASSWORD = 'integra-demo';
export const DEMO_ACCOUNTS = [
	{ email: 'admin@integra.demo', name: 'Administración (demo)', role: 'admin' },
	{ email: 'uim@integra.demo', name: 'Asistente técnico UIM (demo)', role: 'uim' },
	{
		email: 'funcionario@integra.demo',
		name: 'Funcionaria de Lima (demo)',
		role: 'official',
		ubigeos: ['150101']
	},
	{ email: 'analista@integra.demo', name: 'Analista (demo)', role: 'analyst' }
] as const;

export async function seedDemoAccounts(store: Store, now: Date): Promise<void> {
	for (const a of DEMO_ACCOUNTS)
		await addUser(
			store,
			{ ...a, ubigeos: 'ubigeos' in a ? [...a.ubigeos] : [], password: DEMO_PASSWORD },
			now
		);
}

/**
 * The demo dataset's rounds (`assessments.csv`), stored as published rounds
 * (version 1, sent, validated and published by nobody: the seed), so the
 * observatory of a fresh server shows what the static demo shows.
 */
export async function seedDemoRounds(store: Store, dataDir: string): Promise<number> {
	const text = readFileSync(join(dataDir, 'assessments.csv'), 'utf8');
	const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
	const byRound = new Map<
		string,
		{ rows: (Answer & { updated_at: string | null })[]; last: string }
	>();
	for (const r of parsed.data) {
		const key = `${r.ubigeo}/${r.round}`;
		const entry = byRound.get(key) ?? { rows: [], last: '' };
		entry.rows.push({
			indicator_id: r.indicator_id,
			answer: r.answer,
			evidence: r.evidence || null,
			source_url: r.source_url || null,
			updated_at: r.updated_at || null
		});
		if ((r.updated_at ?? '') > entry.last) entry.last = r.updated_at;
		byRound.set(key, entry);
	}
	await store.transaction(async (tx) => {
		const [pub] = await tx.query<{ id: number }>(
			`INSERT INTO publications (published_by, published_at) VALUES (NULL, now()) RETURNING id::int AS id`
		);
		for (const [key, { rows, last }] of byRound) {
			const [ubigeo, round] = key.split('/');
			const at = last ? new Date(last) : new Date();
			await tx.query(
				`INSERT INTO rounds (ubigeo, round, state, latest_version, published_version, updated_at)
				 VALUES ($1, $2, 'published', 1, 1, $3)`,
				[ubigeo, round, at]
			);
			await tx.query(
				`INSERT INTO round_versions (ubigeo, round, version, submitted_by, submitted_at)
				 VALUES ($1, $2, 1, NULL, $3)`,
				[ubigeo, round, at]
			);
			await insertAnswers(tx, ubigeo, round, 1, rows, at);
			for (const action of ['submitted', 'validated', 'published'])
				await tx.query(
					`INSERT INTO round_events (ubigeo, round, version, action, actor_id, at, publication_id)
					 VALUES ($1, $2, 1, $3, NULL, $4, $5)`,
					[ubigeo, round, action, at, action === 'published' ? pub.id : null]
				);
		}
	});
	return byRound.size;
}
