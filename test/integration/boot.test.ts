import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheFiles } from '../../src/boot.js';

/** The built loader: each load runs in a fresh process, as V8 reuses compiled code within one. */
const BOOT = fileURLToPath(new URL('../../dist/src/boot.js', import.meta.url));

/** A bundle as rolldown writes one: CommonJS, using require, module and __filename. */
function bundleSource(value: string): string {
  return `'use strict';
const { basename } = require('node:path');
function answer(n) { return n < 2 ? n : answer(n - 1) + answer(n - 2); }
module.exports = { value: ${JSON.stringify(value)}, file: basename(__filename), answer: answer(10) };
`;
}

interface Loaded {
  readonly codeCache: string;
  readonly statusSeenByBundle: unknown;
  readonly exports: unknown;
}

function load(bundle: string, options: { writeCodeCache?: boolean } = {}): Loaded {
  const script = `
    import { loadBundle } from ${JSON.stringify(BOOT)};
    const loaded = loadBundle(process.argv[1]);
    if (${options.writeCodeCache === true}) loaded.writeCodeCache();
    console.log(JSON.stringify({
      codeCache: loaded.codeCache,
      statusSeenByBundle: globalThis[Symbol.for('badges-gateway.codeCache')],
      exports: loaded.exports,
    }));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script, bundle], {
    encoding: 'utf8',
  });
  return JSON.parse(output) as Loaded;
}

describe('the loader npm start uses (dist/src/boot.js)', () => {
  let dir: string;
  let bundle: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'boot-'));
    bundle = join(dir, 'gateway.cjs');
    writeFileSync(bundle, bundleSource('first'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the bundle as a CommonJS module without a cache, and says so', () => {
    expect(load(bundle)).toEqual({
      codeCache: 'absent',
      statusSeenByBundle: 'absent',
      exports: { value: 'first', file: 'gateway.cjs', answer: 55 },
    });
  });

  it('uses the cache a run wrote', () => {
    load(bundle, { writeCodeCache: true });
    const files = cacheFiles(bundle);
    expect(readFileSync(files.data).length).toBeGreaterThan(0);
    expect(readFileSync(files.sourceHash, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(load(bundle)).toEqual({
      codeCache: 'used',
      statusSeenByBundle: 'used',
      exports: { value: 'first', file: 'gateway.cjs', answer: 55 },
    });
  });

  it('ignores the cache of another bundle of the same length', () => {
    load(bundle, { writeCodeCache: true });
    const changed = bundleSource('other');
    expect(changed.length).toBe(bundleSource('first').length);
    writeFileSync(bundle, changed);
    expect(load(bundle)).toMatchObject({ codeCache: 'stale', exports: { value: 'other' } });
  });

  it('runs without the cache when V8 rejects it', () => {
    load(bundle, { writeCodeCache: true });
    writeFileSync(cacheFiles(bundle).data, Buffer.from('not a code cache'));
    expect(load(bundle)).toMatchObject({ codeCache: 'rejected', exports: { value: 'first' } });
  });
});
