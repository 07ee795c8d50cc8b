/**
 * What the command-line tools (validate-cli.ts, metrics-cli.ts) hand back to
 * their entry scripts, which print it and exit with its code.
 */

/** What a command prints and its exit code. */
export interface CliOutcome {
	code: 0 | 1;
	stdout: string;
	stderr: string;
}

/** A wrong command line: said with the usage after it. */
export class UsageError extends Error {}

/**
 * The outcome of `run`, or, if it throws, exit 1 with one line on stderr: the
 * message and the usage for a UsageError, else `name: message`. Never a stack
 * trace.
 */
export async function outcomeOf(
	name: string,
	usage: string,
	run: () => Promise<CliOutcome>
): Promise<CliOutcome> {
	try {
		return await run();
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return {
			code: 1,
			stdout: '',
			stderr: error instanceof UsageError ? `${message}\n${usage}\n` : `${name}: ${message}\n`
		};
	}
}
