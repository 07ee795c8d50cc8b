import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt, memory-hard: N = 2^15, r = 8 → 32 MiB and ~50–100 ms per hash on
// our 2-core machines. The parameters travel with each hash, so they can be
// raised later without locking anyone out.
const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, o: ScryptOptions): Promise<Buffer> {
	return new Promise((done, fail) =>
		scrypt(
			password.normalize('NFC'),
			salt,
			KEY_LENGTH,
			{ ...o, maxmem: 256 * o.N! * o.r! },
			(e, key) => (e ? fail(e) : done(key))
		)
	);
}

/** `scrypt$N$r$p$salt$key`, salt and key in base64url. */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await derive(password, salt, PARAMS);
	const { N, r, p } = PARAMS;
	return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** False for a wrong password, and for a stored value that is not a hash of ours (never throws for it). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [scheme, N, r, p, salt, key] = stored.split('$');
	if (scheme !== 'scrypt' || !key) return false;
	const expected = Buffer.from(key, 'base64url');
	let actual: Buffer;
	try {
		actual = await derive(password, Buffer.from(salt, 'base64url'), {
			N: Number(N),
			r: Number(r),
			p: Number(p)
		});
	} catch {
		// parameters scrypt refuses (a damaged row): no password matches it
		return false;
	}
	return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Rules a new password must meet (the same in the CLI and the app). */
export function passwordProblem(password: string): string | null {
	if (password.length < 10) return 'The password must have at least 10 characters.';
	if (password.length > 200) return 'The password must have at most 200 characters.';
	return null;
}

/** A hash to compare against when the account does not exist, so timing does not tell. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
	decoy ??= hashPassword(randomBytes(12).toString('hex'));
	return decoy;
}
