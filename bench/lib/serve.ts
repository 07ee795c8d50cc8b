import type { IncomingMessage, ServerResponse } from 'node:http';
import { startStaticServer } from '../../scripts/static-server';

/** One response as the server sent it. */
export interface Sent {
	path: string;
	/** Epoch ms when the request arrived and when the last byte was handed to the socket. */
	start: number;
	end: number;
	/** Bytes written to the socket for this response (headers included). */
	bytes: number;
	encoding: string | null;
	status: number;
}

/**
 * The project's plain static server (it serves the `.br`/`.gz` siblings,
 * never compresses on the fly), with a log of what it sent: the ground truth
 * for weights, whoever asked (page, engine worker or service worker).
 */
export async function serve(dir: string) {
	const { server, url } = await startStaticServer(dir);
	const log: Sent[] = [];
	// Before the server's own handler, to see the headers it writes.
	server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
		const start = Date.now();
		const socket = res.socket;
		const before = socket?.bytesWritten ?? 0;
		let encoding: string | null = null;
		const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
		res.writeHead = ((...args: unknown[]) => {
			const headers = args.find((a) => a && typeof a === 'object') as
				Record<string, string> | undefined;
			encoding = headers?.['content-encoding'] ?? null;
			return writeHead(...args);
		}) as typeof res.writeHead;
		res.on('finish', () => {
			log.push({
				path: decodeURIComponent((req.url ?? '/').split('?')[0]),
				start,
				end: Date.now(),
				bytes: (socket?.bytesWritten ?? 0) - before,
				encoding,
				status: res.statusCode
			});
		});
	});
	return {
		url,
		log,
		/** Responses from index `from` on. */
		since: (from: number) => log.slice(from),
		close: () => new Promise<void>((done) => server.close(() => done()))
	};
}

export type Served = Awaited<ReturnType<typeof serve>>;
