import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/**
 * The layers, lowest first: a module may import from its own layer and the
 * layers below it, never from one above. `src/generated/` (types codegen makes
 * from the schema, which every layer reads) stands outside.
 */
const LAYERS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['shared utilities and settings', ['unreachable.ts', 'packageRoot.ts', 'config.ts']],
  ['Capillary: client, credentials, retry policy, envelope, common outcomes', ['capillary/']],
  ['operations, one folder per area, and the registry', ['operations/']],
  ['observability: logs, metrics, traces, the request record', ['observability/']],
  ['resolvers, one file per GraphQL type', ['resolvers/']],
  ['the GraphQL pipeline: schema, context, limits, executor, Sandbox', ['graphql/']],
  ['the HTTP front, and the development emulator', ['http/', 'emulator/']],
  ['the process: entry, composition, tools', ['main.ts', 'serve.ts', 'tools/']],
];

function layerOf(file: string): number {
  const path = relative(SRC, file);
  const index = LAYERS.findIndex(([, members]) =>
    members.some((member) => (member.endsWith('/') ? path.startsWith(member) : path === member)),
  );
  if (index === -1) throw new Error(`src/${path} belongs to no layer: add it to LAYERS`);
  return index;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import of a module (static, dynamic and type-only), resolved to the .ts file. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map(
    (match) => match[1] ?? '',
  );
  return specifiers.map((specifier) => resolve(dirname(file), specifier).replace(/\.js$/, '.ts'));
}

describe('the layers of src/', () => {
  it('are only ever imported downwards', () => {
    const upwards = sources(SRC).flatMap((file) =>
      importsOf(file)
        .filter((target) => !relative(SRC, target).startsWith('generated/'))
        .filter((target) => layerOf(target) > layerOf(file))
        .map((target) => `src/${relative(SRC, file)} imports src/${relative(SRC, target)}`),
    );
    expect(upwards).toEqual([]);
  });

  it('hold every module of src/', () => {
    expect(() => {
      sources(SRC).forEach(layerOf);
    }).not.toThrow();
  });
});
