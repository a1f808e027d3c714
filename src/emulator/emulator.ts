import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An in-memory stand-in for Capillary's Badges org meta endpoints, for local
 * development and tests. It follows ../shared/upstream/badges-orgmeta-api.md;
 * every behaviour the documentation leaves open is marked GUESS below.
 */

const ORG_META_PATH = '/api_gateway/v1/badges/orgMeta';
const MAX_BODY_BYTES = 1_048_576;

interface StoredTag {
  readonly key: string;
  readonly dataType?: string;
  readonly description?: string;
  readonly mandatory?: boolean;
}

interface StoredOrgMeta {
  readonly id: string;
  readonly orgId: number;
  readonly tags: readonly StoredTag[];
  /** Epoch seconds with 9 decimals, kept as text so it is sent exactly so. */
  readonly createdOn: string;
  readonly createdBy: number;
  readonly lastUpdatedOn: string;
  readonly lastUpdatedBy: number;
}

interface EnvelopeError {
  readonly code: number;
  readonly message: string;
  readonly reference: string | null;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:port`: what CAPILLARY_BASE_URL would be. */
  readonly url: string;
  /** How many org metas it holds. */
  orgMetaCount(): number;
  stop(): Promise<void>;
}

export async function startEmulator(listenOn: { host: string; port: number }): Promise<RunningEmulator> {
  const orgMetas = new Map<number, StoredOrgMeta>();
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent)
        sendEnvelope(res, 500, null, [{ code: 999999, message: 'Internal error', reference: null }]);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('x-cap-requestid', randomBytes(16).toString('hex'));
    const { pathname } = new URL(req.url ?? '/', 'http://emulator.invalid');
    if (pathname !== ORG_META_PATH) {
      // GUESS: unknown paths answer 404 with an envelope, like the family's 404s.
      sendEnvelope(res, 404, null, [{ code: 404, message: 'Resource not found', reference: null }]);
      return;
    }
    const user = authenticatedUser(req);
    if (user === null) {
      // GUESS: the docs show no 401 body; answer with none at all.
      res.writeHead(401).end();
      return;
    }
    if (req.method !== 'POST') {
      // GUESS: other methods on the path answer 405 with an envelope.
      sendEnvelope(res, 405, null, [
        { code: 405, message: `Method ${req.method} not allowed`, reference: null },
      ]);
      return;
    }
    const text = await readText(req);
    if (text === null) {
      sendEnvelope(res, 413, null, [{ code: 413, message: 'Request body too large', reference: null }]);
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      // Seen on other badges endpoints: malformed JSON gets the raw parser message, not an envelope.
      res
        .writeHead(400, { 'content-type': 'text/plain' })
        .end(`JSON parse error: ${(error as Error).message}`);
      return;
    }
    const request = readOrgMetaRequest(body);
    if ('errors' in request) {
      sendEnvelope(res, 400, null, request.errors);
      return;
    }
    if (orgMetas.has(request.orgId)) {
      sendEnvelope(res, 409, null, [
        {
          code: 999999,
          message: 'ORG_CONFIG_ALREADY_EXIST_PLEASE_USE_UPDATE_ORG_CONFIG_API',
          reference: null,
        },
      ]);
      return;
    }
    const now = epochSecondsNow();
    const created: StoredOrgMeta = {
      id: objectId(now.seconds),
      orgId: request.orgId,
      tags: request.tags,
      createdOn: now.text,
      createdBy: user.id,
      lastUpdatedOn: now.text,
      lastUpdatedBy: user.id,
    };
    orgMetas.set(created.orgId, created);
    // GUESS: a fresh create answers errors and warnings as null (other endpoints send []).
    sendEnvelope(res, 200, created, null);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenOn.port, listenOn.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${listenOn.host.includes(':') ? `[${listenOn.host}]` : listenOn.host}:${port}`,
    orgMetaCount: () => orgMetas.size,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

/**
 * Basic `base64(user:md5hex(password))` or an OAuth token. GUESS: any well-formed
 * credential is accepted (the emulator knows no passwords), and the user id is
 * derived from the user name or token so that it is stable across requests.
 */
function authenticatedUser(req: IncomingMessage): { id: number } | null {
  const oauthToken = req.headers['x-cap-api-oauth-token'];
  if (typeof oauthToken === 'string' && oauthToken.trim() !== '') return { id: userId(oauthToken) };
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/.exec(req.headers.authorization ?? '');
  if (match?.[1] === undefined) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  const user = decoded.slice(0, separator);
  const passwordMd5 = decoded.slice(separator + 1);
  if (separator < 1 || !/^[0-9a-f]{32}$/.test(passwordMd5)) return null;
  return { id: userId(user) };
}

function userId(identity: string): number {
  return 10_000_000 + (createHash('sha256').update(identity).digest().readUInt32BE(0) % 90_000_000);
}

type OrgMetaRequest = { orgId: number; tags: StoredTag[] } | { errors: EnvelopeError[] };

/** Only `orgId` is documented as mandatory; GUESS: a tag needs a non-blank string `key`. */
function readOrgMetaRequest(body: unknown): OrgMetaRequest {
  const errors: EnvelopeError[] = [];
  const fields = isRecord(body) ? body : {};
  const { orgId, tags = [] } = fields;
  if (typeof orgId !== 'number' || !Number.isInteger(orgId) || orgId <= 0) {
    errors.push({ code: 400, message: 'orgId must be a positive integer', reference: 'orgId' });
  }
  if (!Array.isArray(tags)) {
    errors.push({ code: 400, message: 'tags must be an array', reference: 'tags' });
    return { errors };
  }
  const stored: StoredTag[] = [];
  tags.forEach((tag: unknown, index) => {
    const at = `tags[${index}]`;
    if (!isRecord(tag)) {
      errors.push({ code: 400, message: 'tag must be an object', reference: at });
      return;
    }
    const { key, dataType, description, mandatory } = tag;
    if (typeof key !== 'string' || key.trim() === '') {
      errors.push({ code: 400, message: 'key must not be blank', reference: `${at}.key` });
    }
    if (dataType !== undefined && typeof dataType !== 'string') {
      errors.push({ code: 400, message: 'dataType must be a string', reference: `${at}.dataType` });
    }
    if (description !== undefined && typeof description !== 'string') {
      errors.push({ code: 400, message: 'description must be a string', reference: `${at}.description` });
    }
    if (mandatory !== undefined && typeof mandatory !== 'boolean') {
      errors.push({ code: 400, message: 'mandatory must be a boolean', reference: `${at}.mandatory` });
    }
    stored.push({
      key: String(key),
      ...(typeof dataType === 'string' ? { dataType } : {}),
      ...(typeof description === 'string' ? { description } : {}),
      ...(typeof mandatory === 'boolean' ? { mandatory } : {}),
    });
  });
  return errors.length > 0 ? { errors } : { orgId: orgId as number, tags: stored };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Seen in real payloads: epoch seconds with 9 decimals, microseconds on a fresh write. */
function epochSecondsNow(): { seconds: number; text: string } {
  const micros = Math.floor((performance.timeOrigin + performance.now()) * 1000);
  const seconds = Math.floor(micros / 1_000_000);
  const fraction = String(micros % 1_000_000).padStart(6, '0');
  return { seconds, text: `${seconds}.${fraction}000` };
}

let objectIdCounter = randomBytes(3).readUIntBE(0, 3);
const objectIdProcessPart = randomBytes(5);

/** A MongoDB ObjectId: 4 bytes of creation second, 5 random bytes, a 3-byte counter. */
function objectId(seconds: number): string {
  const id = Buffer.alloc(12);
  id.writeUInt32BE(seconds >>> 0, 0);
  objectIdProcessPart.copy(id, 4);
  objectIdCounter = (objectIdCounter + 1) % 0x1000000;
  id.writeUIntBE(objectIdCounter, 9, 3);
  return id.toString('hex');
}

function serializeOrgMeta(meta: StoredOrgMeta): string {
  return (
    `{"id":${JSON.stringify(meta.id)},"orgId":${meta.orgId},"tags":${JSON.stringify(meta.tags)},` +
    `"createdOn":${meta.createdOn},"createdBy":${meta.createdBy},` +
    `"lastUpdatedOn":${meta.lastUpdatedOn},"lastUpdatedBy":${meta.lastUpdatedBy}}`
  );
}

function sendEnvelope(
  res: ServerResponse,
  status: number,
  data: StoredOrgMeta | null,
  errors: readonly EnvelopeError[] | null,
): void {
  const body = `{"data":${data === null ? 'null' : serializeOrgMeta(data)},"errors":${JSON.stringify(errors)},"warnings":null}`;
  res.writeHead(status, { 'content-type': 'application/json' }).end(body);
}

async function readText(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
