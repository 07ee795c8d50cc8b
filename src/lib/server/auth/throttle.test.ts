import { describe, expect, it } from 'vitest';
import { FREE_FAILURES, waitAfter } from './throttle';

// The throttle against a store (a sixth attempt waits, a success clears the
// account's count, a day forgets) is tested with signIn in accounts.test.ts.
describe('waitAfter: seconds to wait after n failures', () => {
	it('lets the first five failures pass without waiting', () => {
		expect(FREE_FAILURES).toBe(5);
		for (const n of [0, 1, 2, 3, 4]) expect(waitAfter(n)).toBe(0);
	});

	it('doubles from 2 s at the fifth failure: 2, 4, 8, 16 … 512', () => {
		expect(waitAfter(5)).toBe(2);
		expect(waitAfter(6)).toBe(4);
		expect(waitAfter(7)).toBe(8);
		expect(waitAfter(8)).toBe(16);
		expect(waitAfter(13)).toBe(512);
	});

	it('stops at 15 minutes (900 s): 2^10 = 1024 would pass it at the fourteenth', () => {
		expect(waitAfter(14)).toBe(900);
		expect(waitAfter(50)).toBe(900);
		expect(waitAfter(5000)).toBe(900);
	});
});
