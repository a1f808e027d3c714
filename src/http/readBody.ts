import type { IncomingMessage } from 'node:http';

/**
 * A request body read up to a size limit: past it, reading stops and the rest is never kept.
 * `aborted`: the client closed the connection before the body ended.
 */
export type Body =
  | { readonly kind: 'complete'; readonly text: string }
  | { readonly kind: 'tooLarge' }
  | { readonly kind: 'aborted' };

export function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.resolve({ kind: 'tooLarge' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.off('end', onEnd);
      resolve({ kind: 'tooLarge' });
    };
    const onEnd = () => {
      resolve({ kind: 'complete', text: Buffer.concat(chunks, size).toString('utf8') });
    };
    const onGone = () => {
      if (!req.complete) resolve({ kind: 'aborted' });
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.once('error', onGone);
    req.once('close', onGone);
  });
}
