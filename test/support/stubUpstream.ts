import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Answers one recorded request; may write anything, including nothing at all. */
export type StubHandler = (request: RecordedRequest, res: ServerResponse) => unknown;

export interface StubUpstream {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Replaces how every following request is answered. */
  answerWith(handler: StubHandler): void;
  stop(): Promise<void>;
}

/** A Capillary stand-in on 127.0.0.1, port 0, whose answers each test scripts. */
export async function startStubUpstream(
  handler: StubHandler = envelope(200, null),
  port = 0,
): Promise<StubUpstream> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      void current(recorded, res);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    answerWith(next) {
      current = next;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** Answers with `status` and the JSON of `body` (a string is sent as it is). */
export function envelope(status: number, body: unknown, headers: Record<string, string> = {}): StubHandler {
  return (_request, res) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(text);
  };
}

export const storedOrgMeta = {
  id: '652fe2452aa6a339209b359f',
  orgId: 100458,
  tags: [{ key: 'custom field 1', dataType: 'string', description: 'TEST', mandatory: true }],
  createdOn: 1697636933.72,
  createdBy: 75078478,
  lastUpdatedOn: 1697636933.72,
  lastUpdatedBy: 75078478,
};
