import { EngineError } from './types';

/**
 * DuckDB messages arrive as "Binder Error: Referenced column ..." followed,
 * in the wasm build, by a JS stack and sometimes the same "LINE 1:" caret
 * block twice. Keep the readable part once. For a missing extension, DuckDB
 * suggests turning autoload on, which would hang offline: say what is true.
 */
export function toEngineError(error: unknown): EngineError {
	if (error instanceof EngineError) return error;
	const raw = error instanceof Error ? error.message : String(error);
	const lines = raw.split('\n').filter((line) => !/^\s+at /.test(line));
	const message = dedupeBlocks(lines.join('\n')).trim();
	if (/exists in the (\w+) extension/.test(message)) {
		const first = message.split('\n')[0];
		return new EngineError('extension', first, { cause: error });
	}
	if (/transaction is launched in read-only mode/.test(message)) {
		return new EngineError('read-only', message, { cause: error });
	}
	if (
		/disabled by configuration|disabled through configuration|the configuration has been locked/.test(
			message
		)
	) {
		return new EngineError('refused', message, { cause: error });
	}
	return new EngineError('sql', message || 'Unknown DuckDB error', { cause: error });
}

function dedupeBlocks(text: string): string {
	const blocks = text.split(/\n\s*\n/);
	return blocks.filter((b, i) => blocks.indexOf(b) === i).join('\n\n');
}
