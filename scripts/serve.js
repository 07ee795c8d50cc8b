// `npm start`: the built Integra server (adapter-node) on 127.0.0.1:4173 by
// default; HOST, PORT, ORIGIN, DATABASE_URL and INTEGRA_DATA_DIR change it
// (README.md, "Running the server"). Without ORIGIN, adapter-node takes every
// request for https; on its own address the server is plain http, so say so
// (behind an HTTPS proxy, set ORIGIN=https://your.host).
process.env.HOST ??= '127.0.0.1';
process.env.PORT ??= '4173';
process.env.ORIGIN ??= `http://${process.env.HOST}:${process.env.PORT}`;
await import('../build/index.js');
