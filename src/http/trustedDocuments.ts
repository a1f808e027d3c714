import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../config.js';

/** What the HTTP front hands to the GraphQL pipeline: the parsed body (POST) and the query string (GET). */
export interface GraphQLHttpInput {
  readonly body: unknown;
  readonly search: string;
}

/**
 * The documents a deployment runs, and nothing else (TRUSTED_DOCUMENTS): a
 * manifest `{ "<sha256 of the document>": "<document>" }` as GraphQL Code
 * Generator's client preset writes it. A request names a listed document by
 * `extensions.persistedQuery.sha256Hash` (Apollo Client's persisted-query link)
 * or sends its full text; any other request is refused before parsing.
 */
export class TrustedDocuments {
  readonly #byHash: ReadonlyMap<string, string>;

  constructor(byHash: ReadonlyMap<string, string>) {
    this.#byHash = byHash;
  }

  get size(): number {
    return this.#byHash.size;
  }

  /**
   * The request with the listed document's text filled in, or null when it names no listed
   * document: a POST by its body (one operation, an object), a GET by its query string, as Apollo
   * Server reads them; any other method is refused.
   */
  admit(method: string, input: GraphQLHttpInput): GraphQLHttpInput | null {
    if (method === 'POST') {
      if (typeof input.body !== 'object' || input.body === null || Array.isArray(input.body)) return null;
      const query = this.#document(readField(input.body, 'query'), readField(input.body, 'extensions'));
      return query === null ? null : { ...input, body: { ...input.body, query } };
    }
    if (method !== 'GET') return null;
    const params = new URLSearchParams(input.search);
    const extensions = params.get('extensions');
    let parsed: unknown;
    try {
      parsed = extensions === null ? undefined : JSON.parse(extensions);
    } catch {
      return null;
    }
    const query = this.#document(params.get('query') ?? undefined, parsed);
    if (query === null) return null;
    params.set('query', query);
    return { ...input, search: `?${params.toString()}` };
  }

  #document(query: unknown, extensions: unknown): string | null {
    if (typeof query === 'string' && query !== '') {
      return this.#byHash.get(sha256(query)) === query ? query : null;
    }
    const hash = readField(readField(extensions, 'persistedQuery'), 'sha256Hash');
    return typeof hash === 'string' ? (this.#byHash.get(hash.toLowerCase()) ?? null) : null;
  }
}

export const NOT_IN_LIST = {
  errors: [
    {
      message: 'This deployment runs only its trusted documents, and the request names none of them.',
      extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' },
    },
  ],
};

/** Reads and checks a manifest; a bad one is a configuration error naming TRUSTED_DOCUMENTS. */
export function loadTrustedDocuments(path: string): TrustedDocuments {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      'TRUSTED_DOCUMENTS',
      `must name a readable JSON manifest: ${(error as Error).message}`,
    );
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw new ConfigError('TRUSTED_DOCUMENTS', 'must hold an object of "<sha256>": "<document>" entries');
  }
  const byHash = new Map<string, string>();
  for (const [hash, document] of Object.entries(manifest)) {
    if (typeof document !== 'string' || sha256(document) !== hash.toLowerCase()) {
      throw new ConfigError('TRUSTED_DOCUMENTS', `entry ${hash} is not a document whose SHA-256 is its key`);
    }
    byHash.set(hash.toLowerCase(), document);
  }
  if (byHash.size === 0) throw new ConfigError('TRUSTED_DOCUMENTS', 'lists no document');
  return new TrustedDocuments(byHash);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function readField(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
