/**
 * The benchmark's upstream: every create succeeds with a fixed answer, prepared
 * once. Requests of more than 2 kB (the 100-tag payload) get the 100-tag answer.
 */
import { createServer } from 'node:http';
import { orgMetaAnswer } from './payloads.js';

const small = Buffer.from(orgMetaAnswer(1));
const large = Buffer.from(orgMetaAnswer(100));
const headers = (body: Buffer) => ({
  'content-type': 'application/json',
  'content-length': String(body.length),
  'x-cap-requestid': '0123456789abcdef0123456789abcdef',
});

const server = createServer((req, res) => {
  let size = 0;
  req.on('data', (chunk: Buffer) => (size += chunk.length));
  req.on('end', () => {
    const body = size > 2048 ? large : small;
    res.writeHead(200, headers(body)).end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
