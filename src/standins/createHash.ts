import { createHash as nodeCreateHash, hash, type BinaryToTextEncoding } from 'node:crypto';

/** SHA-256 (hex) of strings up to MAX_REMEMBERED_LENGTH, at most MAX_REMEMBERED of them. */
const MAX_REMEMBERED = 512;
const MAX_REMEMBERED_LENGTH = 8_192;
const remembered = new Map<string, string>();

/**
 * Stands in for `@apollo/utils.createhash` in the bundle (src/tools/bundle.ts). The
 * original reaches node:crypto through `module.require`, which a bundle's module
 * object lacks, and then falls back to a JavaScript SHA-256 (sha.js): 3 % of the
 * gateway's CPU under load, as Apollo Server hashes every query. Its callers hash
 * one string per hash object, which `crypto.hash` does in one call (creating a Hash
 * object for each cost another 1.5 %). And as clients send the same few queries
 * again and again, the SHA-256 of short strings are remembered: a Map lookup costs
 * a fraction of even that one call.
 */
export function createHash(algorithm: string) {
  const parts: Array<string | Uint8Array> = [];
  return {
    update(data: string | Uint8Array) {
      parts.push(data);
      return this;
    },
    digest(encoding: BinaryToTextEncoding): string {
      const [only] = parts;
      if (parts.length === 1 && typeof only === 'string') return digestOf(algorithm, only, encoding);
      const hashing = nodeCreateHash(algorithm);
      for (const part of parts) hashing.update(part);
      return hashing.digest(encoding);
    },
  };
}

function digestOf(algorithm: string, data: string, encoding: BinaryToTextEncoding): string {
  if (algorithm !== 'sha256' || encoding !== 'hex' || data.length > MAX_REMEMBERED_LENGTH) {
    return hash(algorithm, data, encoding);
  }
  let digest = remembered.get(data);
  if (digest === undefined) {
    digest = hash(algorithm, data, encoding);
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(data, digest);
  }
  return digest;
}
