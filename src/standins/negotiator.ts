import Negotiator from 'negotiator/index.js';

/** Distinct Accept headers remembered; beyond this the memory starts again. */
const MAX_REMEMBERED = 256;
/** Longer Accept headers are negotiated each time, so the memory stays small. */
const MAX_REMEMBERED_ACCEPT_LENGTH = 512;
const remembered = new Map<string, string | undefined>();

/**
 * Stands in for `negotiator` in the bundle (src/tools/bundle.ts). Apollo Server
 * negotiates the response's media type with a new Negotiator up to three times a
 * request, and once even when nothing is deferred: 2 % of the gateway's CPU under
 * load. The answer depends only on the Accept header and the types offered, so it
 * is remembered. (The real negotiator is imported by its file path, which the
 * bundle's alias for `negotiator` does not match.)
 */
export default class RememberingNegotiator extends Negotiator {
  readonly #accept: string | undefined;

  constructor(request: { readonly headers: Readonly<Record<string, string | undefined>> }) {
    super(request);
    this.#accept = request.headers.accept;
  }

  override mediaType(available?: readonly string[]): string | undefined {
    const accept = this.#accept;
    if (available === undefined || (accept?.length ?? 0) > MAX_REMEMBERED_ACCEPT_LENGTH) {
      return super.mediaType(available);
    }
    // No Accept header means */*, unlike an empty one: the key keeps them apart.
    const key = `${accept === undefined ? '-' : `+${accept}`}\n${available.join('\n')}`;
    if (remembered.has(key)) return remembered.get(key);
    const chosen = super.mediaType(available);
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(key, chosen);
    return chosen;
  }
}
