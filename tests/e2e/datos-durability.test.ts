/**
 * What keeps the user's imported files: persistent storage asked for and
 * reported on /datos, and the replay of the saved files at engine start,
 * where a reload in the middle is no failure but a page that died is.
 *
 * The replay is held in the middle by an init script: the read of a saved
 * file's bytes (IndexedDB store `files`) never answers on a page opened with
 * `sessionStorage['e2e-hold-replay']` set, so the start is still replaying
 * when the test reloads or crashes the page.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, type Session } from './browser';
import {
	card,
	expectAttr,
	expectContains,
	expectCount,
	load,
	openDatos,
	shownRows,
	stage,
	waitForData
} from './datos-helpers';

const FILE = 'actividades_excel_es.csv';

declare global {
	interface Window {
		persistCalls: number;
		replayHeld: boolean;
	}
}

describe('/datos: the saved files are kept, and a reload is not a crash', () => {
	let session: Session;
	let baseUrl: string;

	beforeAll(async () => {
		baseUrl = inject('baseUrl');
		session = await openSession();
		await session.context.addInitScript(() => {
			window.persistCalls = 0;
			const storage = navigator.storage;
			const persist = storage.persist.bind(storage);
			storage.persist = () => {
				window.persistCalls++;
				return persist();
			};
			window.replayHeld = false;
			if (sessionStorage.getItem('e2e-hold-replay') === null) return;
			sessionStorage.removeItem('e2e-hold-replay');
			const get = IDBObjectStore.prototype.get;
			IDBObjectStore.prototype.get = function (key) {
				const request = get.call(this, key);
				if (this.name === 'files') {
					window.replayHeld = true;
					Object.defineProperty(request, 'onsuccess', { set() {}, get: () => null });
				}
				return request;
			};
		});
		await openDatos(session.page, baseUrl);
	});

	afterAll(async () => {
		await session?.close();
	});

	/** Opens /datos with the next replay held on the saved file, and waits until it is. */
	async function reloadHeld() {
		const { page } = session;
		await page.evaluate(() => sessionStorage.setItem('e2e-hold-replay', '1'));
		await page.reload();
		await page.waitForFunction(() => window.replayHeld, null, { timeout: 90_000 });
	}

	it('asks for persistent storage once a file is saved, and says whether it was granted', async () => {
		const { page } = session;
		// nothing saved yet: /datos only reads the state
		const shown = page.getByTestId('persistence');
		await expectAttr(shown, 'data-state', 'denied'); // headless Chromium does not grant it
		expect(await page.evaluate(() => window.persistCalls)).toBe(0);

		await stage(page, [join('tests/fixtures/files', FILE)]);
		await load(page, FILE);
		await expectAttr(card(page, FILE), 'data-phase', 'loaded');
		expect(await page.evaluate(() => window.persistCalls)).toBeGreaterThanOrEqual(1);
		const granted = await page.evaluate(() => navigator.storage.persisted());
		await expectAttr(shown, 'data-state', granted ? 'granted' : 'denied');
		await expectContains(shown, granted ? 'concedido' : 'no concedido');
	});

	it('a reload while the saved files are replayed at start does not mark the file', async () => {
		const { page } = session;
		await reloadHeld();
		// reloaded 'in the middle of the replay: the next start loads the file as usual
		await page.reload();
		await waitForData(page);
		expect(await shownRows(page, 'activities')).toBe(4);
		await expectCount(page.getByTestId('restore-problems'), 0);
	});

	it('a page that dies during the replay marks the file: skipped, kept, and tried again on request', async () => {
		await reloadHeld();
		// the renderer (and the engine's worker with it) dies: no pagehide
		const crashed = session.page.waitForEvent('crash');
		const cdp = await session.context.newCDPSession(session.page);
		void cdp.send('Page.crash').catch(() => {});
		await crashed;

		const page = await session.context.newPage();
		await openDatos(page, baseUrl);
		const problems = page.getByTestId('restore-problems');
		await expectContains(problems, `«${FILE}» detuvo el motor de datos`);
		const text = (await problems.textContent()) ?? '';
		expect(text).toContain('sigue guardado en este navegador');
		expect(text).not.toMatch(/Quítelo|elimínelo|bórrelo/i);
		// skipped: the demo activities are back meanwhile; the file is still listed as kept
		expect(await shownRows(page, 'activities')).not.toBe(4);
		await expectContains(
			page.locator('[data-testid="datasets"] tr[data-dataset="activities"]'),
			FILE
		);

		await problems.getByRole('button', { name: 'Volver a intentarlo (recarga la página)' }).click();
		const activities = page.locator('[data-testid="datasets"] tr[data-dataset="activities"]');
		await expectAttr(activities, 'data-rows', '4', 90_000);
		await expectCount(page.getByTestId('restore-problems'), 0);
		session.page = page;
	});
});
