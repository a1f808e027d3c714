import { createHash as nodeCreateHash, hash, type BinaryToTextEncoding } from 'node:crypto';

/**
 * Stands in for `@apollo/utils.createhash` in the bundle (src/tools/bundle.ts). The
 * original reaches node:crypto through `module.require`, which a bundle's module
 * object lacks, and then falls back to a JavaScript SHA-256 (sha.js): 3 % of the
 * gateway's CPU under load, as Apollo Server hashes every query. Its callers hash
 * one string per hash object, which `crypto.hash` does in one call (creating a Hash
 * object for each cost another 1.5 %).
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
      if (parts.length === 1 && typeof only === 'string') return hash(algorithm, only, encoding);
      const hashing = nodeCreateHash(algorithm);
      for (const part of parts) hashing.update(part);
      return hashing.digest(encoding);
    },
  };
}
