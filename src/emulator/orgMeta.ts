import { isRecord } from './input.js';
import {
  BADGES_PATH,
  auditJson,
  createdAudit,
  failure,
  notFound,
  nowMicros,
  objectId,
  problem,
  success,
  updatedAudit,
  EMPTY_LISTS,
  NULL_LISTS,
  type Answer,
  type Audit,
  type Call,
  type EnvelopeError,
  type Precision,
  type Route,
  type User,
} from './wire.js';

/**
 * The org meta endpoints (`api_gateway/v1/badges/orgMeta`), after
 * ../shared/upstream/badges-orgmeta-api.md; what it leaves open is marked GUESS.
 */

type StoredTag = {
  readonly key: string;
  readonly dataType?: string;
  readonly description?: string;
  readonly mandatory?: boolean;
};

interface StoredOrgMeta extends Audit {
  readonly id: string;
  readonly orgId: number;
  readonly tags: readonly StoredTag[];
}

/** Which org a user belongs to, as far as the emulator knows (see emulator.ts). */
export interface OrgBinding {
  boundOrg(user: User): number | undefined;
  bind(user: User, orgId: number): void;
}

const ALREADY_EXISTS = failure(409, [
  problem(999999, 'ORG_CONFIG_ALREADY_EXIST_PLEASE_USE_UPDATE_ORG_CONFIG_API'),
]);
// GUESS: the documentation shows no 404 for org meta; this follows the family's 404 envelopes.
const NOT_FOUND = notFound('Org meta not found for the org');
// Seen on other badges endpoints (there without a `data` key; the envelope here keeps it null).
const ACCESS_DENIED = failure(403, [problem(4000, 'Not authorized. Access is denied!')]);

export class OrgMetas {
  private readonly byOrg = new Map<number, StoredOrgMeta>();

  constructor(private readonly binding: OrgBinding) {}

  count(): number {
    return this.byOrg.size;
  }

  routes(): Route[] {
    const path = `${BADGES_PATH}/orgMeta`;
    return [
      { method: 'GET', path, handle: (call) => this.read(call.user) },
      { method: 'POST', path, body: 'text', handle: (call) => this.write(call, 'create') },
      { method: 'PUT', path, body: 'text', handle: (call) => this.write(call, 'update') },
    ];
  }

  private write(call: Call, kind: 'create' | 'update'): Answer {
    const request = readOrgMetaRequest(call.body);
    if ('errors' in request) return failure(400, request.errors);
    return kind === 'create' ? this.create(call.user, request) : this.update(call.user, request);
  }

  private create(user: User, request: ValidRequest): Answer {
    const boundOrg = this.binding.boundOrg(user);
    if (boundOrg !== undefined && boundOrg !== request.orgId) return ACCESS_DENIED;
    if (this.byOrg.has(request.orgId)) return ALREADY_EXISTS;
    const now = nowMicros();
    const created: StoredOrgMeta = {
      id: objectId(now),
      orgId: request.orgId,
      tags: request.tags,
      ...createdAudit(user, now),
    };
    this.byOrg.set(created.orgId, created);
    this.binding.bind(user, created.orgId);
    // GUESS: a fresh create answers errors and warnings as null (other endpoints send []).
    return success(orgMetaJson(created, 'micros'), NULL_LISTS);
  }

  private read(user: User): Answer {
    const org = this.binding.boundOrg(user);
    const stored = org === undefined ? undefined : this.byOrg.get(org);
    if (stored === undefined) return NOT_FOUND;
    // Seen: read-backs carry millisecond timestamps; GUESS: and empty lists, not nulls.
    return success(orgMetaJson(stored, 'millis'), EMPTY_LISTS);
  }

  private update(user: User, request: ValidRequest): Answer {
    const org = this.binding.boundOrg(user);
    if (org !== undefined && org !== request.orgId) return ACCESS_DENIED;
    const stored = this.byOrg.get(request.orgId);
    if (org === undefined || stored === undefined) return NOT_FOUND;
    const updated: StoredOrgMeta = {
      ...stored,
      tags: request.tags,
      ...updatedAudit(stored, user, nowMicros()),
    };
    this.byOrg.set(updated.orgId, updated);
    return success(orgMetaJson(updated, 'micros'), NULL_LISTS);
  }
}

function orgMetaJson(meta: StoredOrgMeta, precision: Precision) {
  return { id: meta.id, orgId: meta.orgId, tags: meta.tags, ...auditJson(meta, precision, false) };
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
    errors.push(problem(400, 'orgId must be a positive integer', 'orgId'));
  }
  if (!Array.isArray(tags)) {
    errors.push(problem(400, 'tags must be an array', 'tags'));
    return { errors };
  }
  const stored: StoredTag[] = [];
  tags.forEach((tag: unknown, index) => {
    const at = `tags[${index}]`;
    if (!isRecord(tag)) {
      errors.push(problem(400, 'tag must be an object', at));
      return;
    }
    const { key, dataType, description, mandatory } = tag;
    if (typeof key !== 'string' || key.trim() === '') {
      errors.push(problem(400, 'key must not be blank', `${at}.key`));
    }
    if (dataType !== undefined && typeof dataType !== 'string') {
      errors.push(problem(400, 'dataType must be a string', `${at}.dataType`));
    }
    if (description !== undefined && typeof description !== 'string') {
      errors.push(problem(400, 'description must be a string', `${at}.description`));
    }
    if (mandatory !== undefined && typeof mandatory !== 'boolean') {
      errors.push(problem(400, 'mandatory must be a boolean', `${at}.mandatory`));
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
