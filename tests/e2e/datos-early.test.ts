/**
 * A file chosen on /datos before the app has woken up (the page is still the
 * prerendered HTML, as on a slow phone or a busy laptop) is not lost: its
 * change event had no listener, so the drop zone takes it when it mounts.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, type Session } from './browser';
import { card, expectAttr } from './datos-helpers';

describe('/datos before the app wakes up', () => {
	let session: Session;
	beforeAll(async () => {
		session = await openSession();
	});
	afterAll(() => session?.close());

	it('takes a file chosen while the page was still the prerendered HTML', async () => {
		const { page } = session;
		// hold the app's code back until the file is chosen
		let release!: () => void;
		const held = new Promise<void>((r) => (release = r));
		await page.route('**/_app/immutable/**', async (route) => {
			await held;
			await route.continue();
		});
		// not even DOMContentLoaded: it waits for the (held) module scripts
		await page.goto(`${inject('baseUrl')}/datos`, { waitUntil: 'commit' });
		const input = page.locator('[data-testid="file-input"]');
		await input.waitFor({ state: 'attached', timeout: 30_000 });
		await input.setInputFiles('data/districts.csv');
		expect(await card(page, 'districts.csv').count()).toBe(0);
		release();
		await expectAttr(card(page, 'districts.csv'), 'data-phase', 'ready', 90_000);
	}, 120_000);
});
