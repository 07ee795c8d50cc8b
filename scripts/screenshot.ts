/**
 * npx tsx scripts/screenshot.ts [--wait SELECTOR] [--width N] [--full] URL OUT.png
 * A quick look at a screen in Debian's Chromium; prints console errors.
 */
import { parseArgs } from 'node:util';
import { openSession } from '../tests/e2e/browser';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		wait: { type: 'string' },
		width: { type: 'string' },
		height: { type: 'string' },
		full: { type: 'boolean' },
		lang: { type: 'string' }
	}
});
const [url, out] = positionals;
const session = await openSession();
await session.page.setViewportSize({
	width: Number(values.width ?? 1280),
	height: Number(values.height ?? 900)
});
const started = Date.now();
await session.page.goto(url);
if (values.wait) await session.page.waitForSelector(values.wait, { timeout: 90_000 });
console.log(`ready after ${Date.now() - started} ms`);
await session.page.screenshot({ path: out, fullPage: values.full ?? false });
console.log('errors:', session.errors, 'foreign:', session.foreignRequests);
await session.close();
