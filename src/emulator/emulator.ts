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
import { BadgeGroups } from './badgeGroups.js';
import { Badges } from './badges.js';
import { CustomerBadges } from './customerBadges.js';
import { CustomerReads } from './customerReads.js';
import { CustomFields } from './customFields.js';
import { Ledger } from './ledger.js';
import { revocationRoutes } from './revocations.js';
import { OrgMetas } from './orgMeta.js';
import { Answer, failure, problem, send, type Route, type User } from './wire.js';

/**
 * An in-memory stand-in for Capillary's Badges API, for local development and
 * tests: org meta (orgMeta.ts), badge definitions (badges.ts, fixedWindows.ts),
 * badge groups (badgeGroups.ts), badge custom fields (customFields.ts), and
 * customers' enrolments and earns (customerBadges.ts, revocations.ts,
 * customerReads.ts, customerViews.ts, ledger.ts, earnLimits.ts, with
 * customerInput.ts), at the wire level of ../shared/upstream/badges-*.md. This
 * module is the HTTP server: routing, credentials, the caller's org, the test
 * faults. Every behaviour the documentation leaves open is marked GUESS.
 */

/** GUESS: a larger body answers 413 with an envelope (no limit is documented). */
const MAX_BODY_BYTES = 1_048_576;

/** What the emulator saw of one request, for tests that check what reached the upstream. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

/** A request the emulator has carried out, with what it would answer. */
export interface HandledRequest extends SeenRequest {
  /** The parsed JSON body, for routes that read one; otherwise undefined. */
  readonly body: unknown;
  /** The HTTP status of the answer. */
  readonly status: number;
}

/** Faults for tests; none is active unless a test passes it. */
export interface EmulatorFaults {
  /**
   * Called once a request has been carried out (whatever it recorded stays
   * recorded); when it returns true, the connection is destroyed instead of
   * answered, as when a network breaks after the upstream did the work.
   */
  readonly dropAnswerOf?: (request: HandledRequest) => boolean;
}

export interface EmulatorOptions {
  readonly host: string;
  readonly port: number;
  readonly onRequest?: (request: SeenRequest) => void;
  readonly faults?: EmulatorFaults;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:port`: what CAPILLARY_BASE_URL would be. */
  readonly url: string;
  /** How many org metas it holds. */
  orgMetaCount(): number;
  /** How many badge definitions it holds, in all orgs. */
  badgeCount(): number;
  /** How many badge groups it holds, in all orgs. */
  badgeGroupCount(): number;
  /** How many badge custom fields it holds, in all orgs. */
  customFieldCount(): number;
  /** How many customer enrolments (issuances) it has recorded, in all orgs, revoked ones included. */
  customerIssueCount(): number;
  /** How many customer earns (earn, bulk earn, import) it has recorded, in all orgs, revoked ones included. */
  customerEarnCount(): number;
  stop(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  /**
   * GUESS: Capillary derives the org from the credentials. The emulator knows no
   * users, so a user belongs to the org of its first successful org meta
   * create; until then org meta reads and updates answer 404. A user who calls
   * a badge, group or custom field endpoint first is bound there and then to an
   * org id derived from its name (see `derivedOrgId`), and from then on an org
   * meta create for another org answers 403, as for any bound user.
   */
  const orgOfUser = new Map<string, number>();
  const orgOfCaller = (user: User): number => {
    const bound = orgOfUser.get(user.name);
    if (bound !== undefined) return bound;
    const derived = derivedOrgId(user.name);
    orgOfUser.set(user.name, derived);
    return derived;
  };
  const orgMetas = new OrgMetas({
    boundOrg: (user) => orgOfUser.get(user.name),
    bind: (user, orgId) => {
      orgOfUser.set(user.name, orgId);
    },
  });
  const groups = new BadgeGroups();
  const ledger = new Ledger();
  const badges = new Badges((orgId, groupId) => groups.nameOf(orgId, groupId), ledger);
  const customFields = new CustomFields();
  const routes = [
    ...orgMetas.routes(),
    ...badges.routes(),
    ...groups.routes(),
    ...customFields.routes(),
    ...new CustomerBadges(ledger, badges).routes(),
    ...revocationRoutes(ledger, badges),
    ...new CustomerReads(ledger, badges, (orgId, groupId) => groups.find(orgId, groupId)).routes(),
  ];

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, failure(500, [problem(999999, 'Internal error')]));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('x-cap-requestid', randomBytes(16).toString('hex'));
    const seen: SeenRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers };
    options.onRequest?.(seen);
    const url = URL.parse(req.url ?? '/', 'http://emulator.invalid');
    const found = url === null ? 'unknown path' : findRoute(routes, req.method ?? '', url.pathname);
    if (url === null || found === 'unknown path') {
      // GUESS: unknown paths answer 404 with an envelope, like the family's 404s.
      send(res, failure(404, [problem(404, 'Resource not found')]));
      return;
    }
    const user = authenticatedUser(req);
    if (user === null) {
      // GUESS: the docs show no 401 body; answer with none at all.
      send(res, Answer.text(401, ''));
      return;
    }
    if (found === 'unknown method') {
      // GUESS: other methods on a known path answer 405 with an envelope.
      send(res, failure(405, [problem(405, `Method ${req.method ?? ''} not allowed`)]));
      return;
    }
    let body: unknown;
    if (found.route.body !== undefined) {
      const received = await readBody(req, MAX_BODY_BYTES);
      if (received.kind === 'aborted') return;
      if (received.kind === 'tooLarge') {
        send(res, failure(413, [problem(413, 'Request body too large')]));
        return;
      }
      try {
        body = JSON.parse(received.text);
      } catch (error) {
        // Seen: the parser's message, `JSON parse error: …`, inside an envelope with code 400 on badge
        // update; as the whole text/plain body on org meta. GUESS: V8's words, not Jackson's; every
        // badges, group and custom field body answers like badge update.
        const message = `JSON parse error: ${(error as Error).message}`;
        send(
          res,
          found.route.body === 'text' ? Answer.text(400, message) : failure(400, [problem(400, message)]),
        );
        return;
      }
    }
    const answer = found.route.handle({
      user,
      orgId: () => orgOfCaller(user),
      params: found.params,
      query: url.searchParams,
      headers: req.headers,
      body,
    });
    if (options.faults?.dropAnswerOf?.({ ...seen, body, status: answer.status }) === true) {
      res.destroy();
      return;
    }
    send(res, answer);
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
    orgMetaCount: () => orgMetas.count(),
    badgeCount: () => badges.count(),
    badgeGroupCount: () => groups.count(),
    customFieldCount: () => customFields.count(),
    customerIssueCount: () => ledger.issuanceCount(),
    customerEarnCount: () => ledger.recordedEarnCount(),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

type Found =
  { readonly route: Route; readonly params: Record<string, string> } | 'unknown path' | 'unknown method';

/**
 * The route for a path: the pattern with literal segments furthest to the left
 * wins over one with a parameter there (so `badgeMeta/getFixedWindowDetails`
 * is not a badge id, and `badges/group` not a group id); then the method.
 */
function findRoute(routes: readonly Route[], method: string, pathname: string): Found {
  const segments = pathname.split('/');
  let best: { rank: string; matches: Array<{ route: Route; params: Record<string, string> }> } | undefined;
  for (const route of routes) {
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let rank = '';
    const fits = pattern.every((part, index) => {
      const segment = segments[index] ?? '';
      if (!part.startsWith('{')) {
        rank += '1';
        return part === segment;
      }
      rank += '0';
      const value = decodeSegment(segment);
      params[part.slice(1, -1)] = value ?? '';
      return value !== null && value !== '';
    });
    if (!fits || (best !== undefined && rank < best.rank)) continue;
    if (best === undefined || rank > best.rank) best = { rank, matches: [] };
    best.matches.push({ route, params });
  }
  if (best === undefined) return 'unknown path';
  return best.matches.find((match) => match.route.method === method) ?? 'unknown method';
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * GUESS: the org a user is bound to when its first call is not an org meta
 * create: a six-digit id derived from its name, so the same credentials find
 * the same badges again while the emulator runs.
 */
function derivedOrgId(userName: string): number {
  return 100_000 + (createHash('sha256').update(`org:${userName}`).digest().readUInt32BE(0) % 900_000);
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
