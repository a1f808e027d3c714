import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';

/**
 * What every emulated endpoint shares on the wire: the JSON it writes, the
 * `{data, errors, warnings}` envelope, ObjectIds, epoch-second timestamps,
 * paging, and the shape of a route. See ../shared/upstream/badges-*.md.
 */

/** A JSON number written exactly as given, e.g. `1713850688.811401000`. */
export class RawNumber {
  constructor(readonly text: string) {}
}

export type Json = null | boolean | number | string | RawNumber | readonly Json[] | JsonObject;
export type JsonObject = { readonly [key: string]: Json | undefined };

/** JSON text; members whose value is `undefined` are left out. */
export function writeJson(value: Json): string {
  if (value instanceof RawNumber) return value.text;
  if (Array.isArray(value)) return `[${(value as readonly Json[]).map(writeJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value as JsonObject).flatMap(([key, member]) =>
      member === undefined ? [] : [`${JSON.stringify(key)}:${writeJson(member)}`],
    );
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

export type EnvelopeError = {
  readonly code: number;
  readonly message: string;
  readonly reference: string | null;
};

export function problem(code: number, message: string, reference: string | null = null): EnvelopeError {
  return { code, message, reference };
}

/** What an endpoint answers: a JSON body, or a text one (empty: no body and no content type). */
export class Answer {
  private constructor(
    readonly status: number,
    readonly body: { readonly json: Json } | { readonly text: string },
  ) {}

  static json(status: number, json: Json): Answer {
    return new Answer(status, { json });
  }

  static text(status: number, text: string): Answer {
    return new Answer(status, { text });
  }
}

type Listed = readonly Json[] | null;

/** Which of `errors` and `warnings` a success sends as `null` and which as `[]`: it varies by operation. */
export interface SuccessLists {
  readonly errors: Listed;
  readonly warnings: Listed;
}
export const NULL_LISTS: SuccessLists = { errors: null, warnings: null };
export const EMPTY_LISTS: SuccessLists = { errors: [], warnings: [] };

/** The `{data, errors, warnings}` envelope of a success (also an element of the import's array answer). */
export function envelope(data: Json, lists: SuccessLists): JsonObject {
  return { data, errors: lists.errors, warnings: lists.warnings };
}

export function success(data: Json, lists: SuccessLists, status = 200): Answer {
  return Answer.json(status, envelope(data, lists));
}

/** The envelope of every documented failure: `data` and `warnings` null, one or several errors. */
export function failureEnvelope(errors: readonly EnvelopeError[]): JsonObject {
  return { data: null, errors, warnings: null };
}

export function failure(status: number, errors: readonly EnvelopeError[]): Answer {
  return Answer.json(status, failureEnvelope(errors));
}

export function notFound(message: string): Answer {
  return failure(404, [problem(404, message)]);
}

export function send(res: ServerResponse, answer: Answer): void {
  const { status, body } = answer;
  if ('json' in body) {
    res.writeHead(status, { 'content-type': 'application/json' }).end(writeJson(body.json));
  } else if (body.text === '') {
    res.writeHead(status).end();
  } else {
    res.writeHead(status, { 'content-type': 'text/plain' }).end(body.text);
  }
}

/** Who called: the till user name or OAuth token, and a stable numeric id for `createdBy`. */
export interface User {
  readonly name: string;
  readonly id: number;
}

export interface Call {
  readonly user: User;
  /** The caller's org, bound on first use (see `orgOfCaller` in emulator.ts). */
  orgId(): number;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body, for routes that read one; otherwise undefined. */
  readonly body: unknown;
}

export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT';
  /** Segments, `{name}` for a parameter; a literal segment wins over a parameter in the same place. */
  readonly path: string;
  /**
   * Whether the route reads a JSON body, and how malformed JSON is answered:
   * `envelope`, a code-400 error whose message is the parser's (badges, groups,
   * custom fields), or `text`, the raw parser message (org meta).
   */
  readonly body?: 'envelope' | 'text';
  readonly handle: (call: Call) => Answer;
}

export const BADGES_PATH = '/api_gateway/v1/badges';

/** A route that reads a JSON body and answers a malformed one with an envelope (the badges family's way). */
export function bodyRoute(method: 'POST' | 'PUT', path: string, handle: (call: Call) => Answer): Route {
  return { method, path, body: 'envelope', handle };
}

export function nowMicros(): number {
  return Math.floor((performance.timeOrigin + performance.now()) * 1000);
}

export type Precision = 'micros' | 'millis';

/**
 * Seen in real payloads: epoch seconds as a JSON number with 9 decimals,
 * microseconds on a fresh write and milliseconds on read-back.
 */
export function epochSeconds(micros: number, precision: Precision): RawNumber {
  const kept = precision === 'millis' ? Math.floor(micros / 1000) * 1000 : micros;
  return new RawNumber(`${Math.floor(kept / 1_000_000)}.${String(kept % 1_000_000).padStart(6, '0')}000`);
}

/** The `…ISO` companions of newer payloads: `YYYY-MM-DDTHH:MM:SSZ`, truncated to the second. */
export function isoSeconds(seconds: number): string {
  return `${new Date(Math.floor(seconds) * 1000).toISOString().slice(0, 19)}Z`;
}

/** A date member from epoch microseconds and its `…ISO` companion; both null without a date. */
export function datedJson(name: string, micros: number | null, precision: Precision): JsonObject {
  return {
    [name]: micros === null ? null : epochSeconds(micros, precision),
    [`${name}ISO`]: micros === null ? null : isoSeconds(micros / 1_000_000),
  };
}

let objectIdCounter = randomBytes(3).readUIntBE(0, 3);
const objectIdProcessPart = randomBytes(5);

/** A MongoDB ObjectId: 4 bytes of creation second, 5 random bytes, a 3-byte counter. */
export function objectId(micros: number): string {
  const id = Buffer.alloc(12);
  id.writeUInt32BE(Math.floor(micros / 1_000_000) >>> 0, 0);
  objectIdProcessPart.copy(id, 4);
  objectIdCounter = (objectIdCounter + 1) % 0x1000000;
  id.writeUIntBE(objectIdCounter, 9, 3);
  return id.toString('hex');
}

/** Who created a record and who changed it last, and when (epoch microseconds). */
export interface Audit {
  readonly createdOnMicros: number;
  readonly createdBy: number;
  readonly lastUpdatedOnMicros: number;
  readonly lastUpdatedBy: number;
}

export function createdAudit(user: User, micros: number): Audit {
  return { createdOnMicros: micros, createdBy: user.id, lastUpdatedOnMicros: micros, lastUpdatedBy: user.id };
}

/** Seen: an update keeps `createdOn`/`createdBy` and moves `lastUpdatedOn`/`lastUpdatedBy`. */
export function updatedAudit(audit: Audit, user: User, micros: number): Audit {
  return {
    createdOnMicros: audit.createdOnMicros,
    createdBy: audit.createdBy,
    lastUpdatedOnMicros: micros,
    lastUpdatedBy: user.id,
  };
}

/**
 * The audit members. GUESS: one member order for every resource (the captured
 * group payloads put `createdBy` first; JSON readers do not care), and the
 * `…ISO` companions on every badges resource, lists included, but never on org
 * meta, where no payload shows them.
 */
export function auditJson(audit: Audit, precision: Precision, iso: boolean): JsonObject {
  const isoOf = (micros: number) => (iso ? isoSeconds(micros / 1_000_000) : undefined);
  return {
    createdOn: epochSeconds(audit.createdOnMicros, precision),
    createdOnISO: isoOf(audit.createdOnMicros),
    createdBy: audit.createdBy,
    lastUpdatedOn: epochSeconds(audit.lastUpdatedOnMicros, precision),
    lastUpdatedOnISO: isoOf(audit.lastUpdatedOnMicros),
    lastUpdatedBy: audit.lastUpdatedBy,
  };
}

export interface Paging {
  readonly page: number;
  readonly size: number;
}

/** `data.pagination` of every paged list: `page` from 0, `totalPages = ceil(total / size)`. */
export function pagination(paging: Paging, total: number): JsonObject {
  return { page: paging.page, size: paging.size, total, totalPages: Math.ceil(total / paging.size) };
}

/**
 * One page of `items` under `listKey`, with `pagination` beside it. Its `size`
 * is the page size asked for, or with `sizeShown` the number of items on the
 * page (the customer reads, see customerReads.ts).
 */
export function pageJson<T>(
  listKey: string,
  items: readonly T[],
  paging: Paging,
  toJson: (item: T) => Json,
  sizeShown = false,
): JsonObject {
  const start = paging.page * paging.size;
  const shown = items.slice(start, start + paging.size);
  const paged = pagination(paging, items.length);
  return {
    [listKey]: shown.map(toJson),
    pagination: sizeShown ? { ...paged, size: shown.length } : paged,
  };
}

/** Per-org storage of one kind of record, keyed by id, in creation order. */
export class OrgStore<T extends { readonly id: string; readonly name: string }> {
  private readonly byOrg = new Map<number, Map<string, T>>();

  get(orgId: number, id: string): T | undefined {
    return this.byOrg.get(orgId)?.get(id);
  }

  all(orgId: number): T[] {
    return [...(this.byOrg.get(orgId)?.values() ?? [])];
  }

  put(orgId: number, record: T): void {
    let records = this.byOrg.get(orgId);
    if (records === undefined) {
      records = new Map();
      this.byOrg.set(orgId, records);
    }
    records.set(record.id, record);
  }

  /** Whether another record of the org (not `exceptId`) has this exact, case-sensitive name. */
  nameTaken(orgId: number, name: string, exceptId?: string): boolean {
    return this.all(orgId).some((record) => record.id !== exceptId && record.name === name);
  }

  count(): number {
    let total = 0;
    for (const records of this.byOrg.values()) total += records.size;
    return total;
  }
}
