import { createHash, randomBytes } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../http/readBody.js';

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
  readonly createdOnMicros: number;
  readonly createdBy: number;
  readonly lastUpdatedOnMicros: number;
  readonly lastUpdatedBy: number;
}

interface EnvelopeError {
  readonly code: number;
  readonly message: string;
  readonly reference: string | null;
}

/** What the emulator saw of one request, for tests that check what reached the upstream. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

export interface EmulatorOptions {
  readonly host: string;
  readonly port: number;
  readonly onRequest?: (request: SeenRequest) => void;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:port`: what CAPILLARY_BASE_URL would be. */
  readonly url: string;
  /** How many org metas it holds. */
  orgMetaCount(): number;
  stop(): Promise<void>;
}

type Answer = {
  status: number;
  data: StoredOrgMeta | null;
  precision?: 'micros' | 'millis';
  errors: readonly EnvelopeError[] | null;
  emptyLists?: boolean;
};

const ALREADY_EXISTS: Answer = {
  status: 409,
  data: null,
  errors: [
    { code: 999999, message: 'ORG_CONFIG_ALREADY_EXIST_PLEASE_USE_UPDATE_ORG_CONFIG_API', reference: null },
  ],
};
// GUESS: the documentation shows no 404 for org meta; this follows the family's 404 envelopes.
const NOT_FOUND: Answer = {
  status: 404,
  data: null,
  errors: [{ code: 404, message: 'Org meta not found for the org', reference: null }],
};
// Seen on other badges endpoints (there without a `data` key; the envelope here keeps it null).
const ACCESS_DENIED: Answer = {
  status: 403,
  data: null,
  errors: [{ code: 4000, message: 'Not authorized. Access is denied!', reference: null }],
};

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const orgMetas = new Map<number, StoredOrgMeta>();
  /**
   * GUESS: Capillary derives the org from the credentials. The emulator knows no
   * users, so a user belongs to the org of its first successful create; until
   * then it has no org, and reads and updates answer 404.
   */
  const orgOfUser = new Map<string, number>();

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent)
        send(res, {
          status: 500,
          data: null,
          errors: [{ code: 999999, message: 'Internal error', reference: null }],
        });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('x-cap-requestid', randomBytes(16).toString('hex'));
    const { pathname } = new URL(req.url ?? '/', 'http://emulator.invalid');
    options.onRequest?.({ method: req.method ?? '', path: req.url ?? '', headers: req.headers });
    if (pathname !== ORG_META_PATH) {
      // GUESS: unknown paths answer 404 with an envelope, like the family's 404s.
      send(res, {
        status: 404,
        data: null,
        errors: [{ code: 404, message: 'Resource not found', reference: null }],
      });
      return;
    }
    const user = authenticatedUser(req);
    if (user === null) {
      // GUESS: the docs show no 401 body; answer with none at all.
      res.writeHead(401).end();
      return;
    }
    if (req.method === 'GET') {
      send(res, read(user));
      return;
    }
    if (req.method !== 'POST' && req.method !== 'PUT') {
      // GUESS: other methods on the path answer 405 with an envelope.
      send(res, {
        status: 405,
        data: null,
        errors: [{ code: 405, message: `Method ${req.method} not allowed`, reference: null }],
      });
      return;
    }
    const received = await readBody(req, MAX_BODY_BYTES);
    if (received.kind === 'aborted') return;
    if (received.kind === 'tooLarge') {
      send(res, {
        status: 413,
        data: null,
        errors: [{ code: 413, message: 'Request body too large', reference: null }],
      });
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(received.text);
    } catch (error) {
      // Seen on other badges endpoints: malformed JSON gets the raw parser message, not an envelope.
      res
        .writeHead(400, { 'content-type': 'text/plain' })
        .end(`JSON parse error: ${(error as Error).message}`);
      return;
    }
    const request = readOrgMetaRequest(body);
    if ('errors' in request) {
      send(res, { status: 400, data: null, errors: request.errors });
      return;
    }
    send(res, req.method === 'POST' ? create(user, request) : update(user, request));
  }

  function create(user: User, request: ValidRequest): Answer {
    const boundOrg = orgOfUser.get(user.name);
    if (boundOrg !== undefined && boundOrg !== request.orgId) return ACCESS_DENIED;
    if (orgMetas.has(request.orgId)) return ALREADY_EXISTS;
    const now = nowMicros();
    const created: StoredOrgMeta = {
      id: objectId(Math.floor(now / 1_000_000)),
      orgId: request.orgId,
      tags: request.tags,
      createdOnMicros: now,
      createdBy: user.id,
      lastUpdatedOnMicros: now,
      lastUpdatedBy: user.id,
    };
    orgMetas.set(created.orgId, created);
    orgOfUser.set(user.name, created.orgId);
    // GUESS: a fresh create answers errors and warnings as null (other endpoints send []).
    return { status: 200, data: created, precision: 'micros', errors: null };
  }

  function read(user: User): Answer {
    const org = orgOfUser.get(user.name);
    const stored = org === undefined ? undefined : orgMetas.get(org);
    if (stored === undefined) return NOT_FOUND;
    // Seen: read-backs carry millisecond timestamps; GUESS: and empty lists, not nulls.
    return { status: 200, data: stored, precision: 'millis', errors: [], emptyLists: true };
  }

  function update(user: User, request: ValidRequest): Answer {
    const org = orgOfUser.get(user.name);
    if (org !== undefined && org !== request.orgId) return ACCESS_DENIED;
    const stored = orgMetas.get(request.orgId);
    if (org === undefined || stored === undefined) return NOT_FOUND;
    const updated: StoredOrgMeta = {
      ...stored,
      tags: request.tags,
      lastUpdatedOnMicros: nowMicros(),
      lastUpdatedBy: user.id,
    };
    orgMetas.set(updated.orgId, updated);
    return { status: 200, data: updated, precision: 'micros', errors: null };
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
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

interface User {
  /** The till user name or OAuth token: what identifies the caller. */
  readonly name: string;
  /** Its numeric id, as in `createdBy`. */
  readonly id: number;
}

/**
 * Basic `base64(user:md5hex(password))` or an OAuth token. GUESS: any well-formed
 * credential is accepted (the emulator knows no passwords), and the user id is
 * derived from the user name or token so that it is stable across requests.
 */
function authenticatedUser(req: IncomingMessage): User | null {
  const oauthToken = req.headers['x-cap-api-oauth-token'];
  if (typeof oauthToken === 'string' && oauthToken.trim() !== '')
    return { name: `oauth:${oauthToken}`, id: userId(oauthToken) };
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/.exec(req.headers.authorization ?? '');
  if (match?.[1] === undefined) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  const user = decoded.slice(0, separator);
  const passwordMd5 = decoded.slice(separator + 1);
  if (separator < 1 || !/^[0-9a-f]{32}$/.test(passwordMd5)) return null;
  return { name: `basic:${user}`, id: userId(user) };
}

function userId(identity: string): number {
  return 10_000_000 + (createHash('sha256').update(identity).digest().readUInt32BE(0) % 90_000_000);
}

interface ValidRequest {
  readonly orgId: number;
  readonly tags: StoredTag[];
}

type OrgMetaRequest = ValidRequest | { errors: EnvelopeError[] };

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

function nowMicros(): number {
  return Math.floor((performance.timeOrigin + performance.now()) * 1000);
}

/**
 * Seen in real payloads: epoch seconds as a JSON number with 9 decimals,
 * microseconds on a fresh write and milliseconds on read-back.
 */
function epochSeconds(micros: number, precision: 'micros' | 'millis'): string {
  const kept = precision === 'millis' ? Math.floor(micros / 1000) * 1000 : micros;
  return `${Math.floor(kept / 1_000_000)}.${String(kept % 1_000_000).padStart(6, '0')}000`;
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

function serializeOrgMeta(meta: StoredOrgMeta, precision: 'micros' | 'millis'): string {
  return (
    `{"id":${JSON.stringify(meta.id)},"orgId":${meta.orgId},"tags":${JSON.stringify(meta.tags)},` +
    `"createdOn":${epochSeconds(meta.createdOnMicros, precision)},"createdBy":${meta.createdBy},` +
    `"lastUpdatedOn":${epochSeconds(meta.lastUpdatedOnMicros, precision)},"lastUpdatedBy":${meta.lastUpdatedBy}}`
  );
}

function send(res: ServerResponse, answer: Answer): void {
  const data = answer.data === null ? 'null' : serializeOrgMeta(answer.data, answer.precision ?? 'micros');
  const lists = answer.emptyLists === true ? '[]' : 'null';
  const errors = answer.errors === null ? 'null' : JSON.stringify(answer.errors);
  const body = `{"data":${data},"errors":${errors},"warnings":${lists}}`;
  res.writeHead(answer.status, { 'content-type': 'application/json' }).end(body);
}
