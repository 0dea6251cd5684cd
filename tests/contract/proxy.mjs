// A recording proxy on 127.0.0.1: forwards every request to the emulator unchanged and appends
// the exchange (method, path, query, request body, status, answer body) to a JSON-lines file.
// Usage: node proxy.mjs <emulator base URI> <record.jsonl>. Prints "Listening on: <uri>" once ready.
import { createServer } from 'node:http';
import { appendFileSync } from 'node:fs';

const [target, recordFile] = process.argv.slice(2);
if (!target || !recordFile) {
    console.error('usage: node proxy.mjs <emulator base URI> <record.jsonl>');
    process.exit(2);
}

const read = (stream) => new Promise((resolve, reject) => {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
});

const server = createServer(async (req, res) => {
    try {
        const body = await read(req);
        const url = new URL(req.url, target);
        const headers = { ...req.headers };
        delete headers.host;
        delete headers['content-length'];
        const answer = await fetch(url, { method: req.method, headers, body: body.length ? body : undefined, redirect: 'manual' });
        const text = await answer.text();
        appendFileSync(recordFile, JSON.stringify({
            method: req.method,
            path: url.pathname,
            query: url.search.replace(/^\?/, ''),
            requestBody: body,
            status: answer.status,
            contentType: answer.headers.get('content-type'),
            answer: text,
        }) + '\n');
        const out = {};
        answer.headers.forEach((v, k) => { if (k !== 'content-length' && k !== 'transfer-encoding' && k !== 'content-encoding') out[k] = v; });
        res.writeHead(answer.status, out);
        res.end(text);
    } catch (e) {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(String(e));
    }
});
server.listen(0, '127.0.0.1', () => {
    console.log(`Listening on: http://127.0.0.1:${server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
