import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_OPERATIONS, sandboxDocument, sandboxLandingPage } from '../../src/graphql/sandbox.js';
import { buildSchema } from '../../src/graphql/schema.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const exampleFile = (name: string) => readFileSync(join(ROOT, EXAMPLE_OPERATIONS, name), 'utf8');

interface SandboxConfig {
  readonly initialState: {
    readonly document: string;
    readonly variables: unknown;
    readonly headers: unknown;
  };
}

/** The configuration the landing page hands to Apollo's embedded Sandbox, as the browser gets it. */
async function servedSandboxConfig(): Promise<SandboxConfig> {
  const started = await sandboxLandingPage().serverWillStart?.({} as never);
  const page = await started?.renderLandingPage?.();
  const html = typeof page?.html === 'function' ? await page.html() : (page?.html ?? '');
  const config = /var embeddedSandboxConfig = (\{.*\});/.exec(html)?.[1];
  if (config === undefined) throw new Error(`no Sandbox configuration in the landing page:\n${html}`);
  return JSON.parse(config) as SandboxConfig;
}

describe("Apollo Sandbox's initial document", () => {
  it("is the example app's create mutation and the fragments it spreads, as their files hold them", async () => {
    const expected = `${exampleFile('createBadgeOrgMeta.graphql')}\n${exampleFile('fragments.graphql')}`;
    expect(sandboxDocument()).toBe(expected);
    const { initialState } = await servedSandboxConfig();
    expect(initialState.document).toBe(expected);
    expect(initialState.headers).toEqual({ Authorization: expect.stringMatching(/^Basic /) as unknown });
    expect(initialState.variables).toMatchObject({ input: { orgId: 100458 } });
  });

  it('holds one operation, CreateBadgeOrgMeta, valid against the schema', () => {
    const document = parse(sandboxDocument());
    expect(validate(buildSchema(), document)).toEqual([]);
    const operations = document.definitions.filter(
      (definition) => definition.kind === Kind.OPERATION_DEFINITION,
    );
    expect(operations.map((operation) => operation.name?.value)).toEqual(['CreateBadgeOrgMeta']);
  });

  it("is among the documents the example app's persisted-documents manifest lists", () => {
    const manifest = JSON.parse(
      readFileSync(join(ROOT, 'examples/badges-admin/src/gql/persisted-documents.json'), 'utf8'),
    ) as Record<string, string>;
    expect(
      Object.values(manifest).filter((text) => text.includes('mutation CreateBadgeOrgMeta(')),
    ).toHaveLength(1);
  });
});
