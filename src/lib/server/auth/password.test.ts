import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('password hashing (scrypt)', () => {
	it('verifies the password it hashed and refuses any other', async () => {
		const stored = await hashPassword('correct horse battery');
		expect(await verifyPassword('correct horse battery', stored)).toBe(true);
		expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
		expect(await verifyPassword('', stored)).toBe(false);
	});

	it('writes scrypt$N$r$p$salt$key with the parameters it used', async () => {
		const stored = await hashPassword('correct horse battery');
		const parts = stored.split('$');
		expect(parts).toHaveLength(6);
		const [scheme, N, r, p, salt, key] = parts;
		expect([scheme, N, r, p]).toEqual(['scrypt', '32768', '8', '1']);
		// 16 bytes of salt and a 32-byte key, base64url without padding
		expect(Buffer.from(salt, 'base64url')).toHaveLength(16);
		expect(Buffer.from(key, 'base64url')).toHaveLength(32);
		expect(salt + key).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(stored).not.toContain('correct horse battery');
	});

	it('salts every hash: the same password twice gives two different hashes, both valid', async () => {
		const a = await hashPassword('correct horse battery');
		const b = await hashPassword('correct horse battery');
		expect(a).not.toBe(b);
		expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
		expect(await verifyPassword('correct horse battery', a)).toBe(true);
		expect(await verifyPassword('correct horse battery', b)).toBe(true);
	});

	it('reads the parameters from the stored hash (a hash made with smaller ones still verifies)', async () => {
		const stored = await hashPassword('correct horse battery');
		const [, , , , salt] = stored.split('$');
		// the same password with N = 1024: computed here by hand with node:crypto
		const { scryptSync } = await import('node:crypto');
		const key = scryptSync('correct horse battery', Buffer.from(salt, 'base64url'), 32, {
			N: 1024,
			r: 8,
			p: 1
		});
		const weaker = ['scrypt', 1024, 8, 1, salt, key.toString('base64url')].join('$');
		expect(await verifyPassword('correct horse battery', weaker)).toBe(true);
		expect(await verifyPassword('wrong horse battery', weaker)).toBe(false);
	});

	it('refuses a stored value that is not an scrypt hash, without throwing', async () => {
		expect(await verifyPassword('x', '')).toBe(false);
		expect(await verifyPassword('x', 'bcrypt$2b$10$abc')).toBe(false);
		expect(await verifyPassword('x', 'scrypt$nonsense')).toBe(false);
		expect(await verifyPassword('x', 'scrypt$N$8$1$c2FsdA$a2V5')).toBe(false);
	});

	it('compares passwords in Unicode NFC: a decomposed «ñ» is the same password', async () => {
		const stored = await hashPassword('contraseña-añón');
		expect(await verifyPassword('contrasen\u0303a-an\u0303o\u0301n', stored)).toBe(true);
	});

	it('asks for 10 to 200 characters', () => {
		expect(passwordProblem('123456789')).toMatch(/10/);
		expect(passwordProblem('1234567890')).toBeNull();
		expect(passwordProblem('x'.repeat(200))).toBeNull();
		expect(passwordProblem('x'.repeat(201))).toMatch(/200/);
	});
});
