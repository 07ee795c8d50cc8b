/**
 * Accounts of the Integra server, from the command line:
 *
 *   npm run user -- add --email E --role admin|uim|official|analyst [--ubigeo U,...] [--name N] --password-stdin
 *   npm run user -- reset --email E --password-stdin
 *   npm run user -- list
 *
 * The password is read from standard input (never an argument, so it never
 * sits in the shell's history or the process list). Uses the same store as
 * the server: DATABASE_URL, else the embedded one in INTEGRA_DATA_DIR (./.integra).
 */
import { parseArgs } from 'node:util';
import { storeConfig } from '../src/lib/server/db/context';
import { AccountError, addUser, listUsers, resetPassword } from '../src/lib/server/auth/accounts';
import { runScript, withStore } from './store-script';

const USAGE = `Usage:
  npm run user -- add --email E --role admin|uim|official|analyst [--ubigeo 150101,150102] [--name "Nombre"] --password-stdin
  npm run user -- reset --email E --password-stdin
  npm run user -- list`;

async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	// one line: the trailing newline of `echo` or a terminal is not part of it
	return Buffer.concat(chunks)
		.toString('utf8')
		.replace(/\r?\n$/, '');
}

async function main(): Promise<number> {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			email: { type: 'string' },
			role: { type: 'string' },
			ubigeo: { type: 'string' },
			name: { type: 'string' },
			'password-stdin': { type: 'boolean' }
		}
	});
	const command = positionals[0];
	if (!['add', 'reset', 'list'].includes(command)) {
		console.error(USAGE);
		return 2;
	}
	if (command !== 'list' && (!values.email || !values['password-stdin'])) {
		console.error(
			`${command} needs --email and --password-stdin (the password on standard input).\n${USAGE}`
		);
		return 2;
	}
	const password = command === 'list' ? '' : await readStdin();
	return withStore(storeConfig(), async (store) => {
		try {
			if (command === 'list') {
				for (const u of await listUsers(store))
					console.log([u.role.padEnd(8), u.email, u.ubigeos.join(',')].join('  ').trimEnd());
			} else if (command === 'add') {
				const user = await addUser(
					store,
					{
						email: values.email!,
						name: values.name,
						role: values.role ?? '',
						ubigeos: values.ubigeo ? values.ubigeo.split(',').map((u) => u.trim()) : [],
						password
					},
					new Date()
				);
				console.log(
					`Account created: ${user.email} (${user.role}${user.ubigeos.length ? ' ' + user.ubigeos.join(',') : ''}).`
				);
			} else {
				const user = await resetPassword(store, values.email!, password, new Date());
				console.log(`New password set for ${user.email}; its open sessions have ended.`);
			}
			return 0;
		} catch (error) {
			if (error instanceof AccountError) {
				console.error(error.message);
				return 1;
			}
			throw error;
		}
	});
}

runScript(main);
