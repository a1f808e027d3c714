/**
 * The Dockerfile, checked two ways without Docker: its rules, read with dockerfile-ast, and its
 * final stage performed here, instruction by instruction, in a temporary directory that stands
 * for the image's root filesystem. What the final stage copies from the build stage comes from
 * this repository's built tree (`npm test` builds first), its RUN steps run with `sh -c`
 * (`npm ci` with the repository's lockfile, then the compile-cache warm-up), as the image's
 * users, and its CMD starts the gateway, whose answers are then checked.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, posix, relative } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Cmd, Copy, DockerfileParser, Env, From, Run, type Instruction } from 'dockerfile-ast';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommand } from '../../src/tools/startCommand.js';
import { BASIC, CREATE, categoryInput } from '../support/gateway.js';
import { envelope, startStubUpstream, storedOrgMeta, type StubUpstream } from '../support/stubUpstream.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dockerfile = DockerfileParser.parse(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));

interface Stage {
  readonly from: From;
  readonly instructions: Instruction[];
}

const stages: Stage[] = [];
for (const instruction of dockerfile.getInstructions()) {
  if (instruction instanceof From) stages.push({ from: instruction, instructions: [] });
  else stages.at(-1)?.instructions.push(instruction);
}
const finalStage = stages.at(-1);
if (finalStage === undefined) throw new Error('The Dockerfile has no FROM');

function keyword(stage: Stage, name: string): Instruction[] {
  return stage.instructions.filter((instruction) => instruction.getKeyword() === name);
}

function args(instruction: Instruction): string[] {
  return instruction.getArguments().map((argument) => argument.getValue());
}

function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const instruction of stage.instructions) {
    if (!(instruction instanceof Env)) continue;
    for (const property of instruction.getProperties()) env[property.getName()] = property.getValue() ?? '';
  }
  return env;
}

/** `uid:gid` of the final stage's last USER; null while it runs as root. */
function userOf(instruction: Instruction | undefined): { uid: number; gid: number } | null {
  if (instruction === undefined) return null;
  const match = /^(\d+):(\d+)$/.exec(instruction.getArgumentsContent() ?? '');
  if (match?.[1] === undefined || match[2] === undefined) {
    throw new Error(`USER must be a numeric uid:gid, not "${instruction.getArgumentsContent()}"`);
  }
  return { uid: Number(match[1]), gid: Number(match[2]) };
}

const FINAL_ENV = envOf(finalStage);
const START = startCommand();

describe('the Dockerfile', () => {
  it('builds in a stage of its own, from which the final stage copies everything it takes', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const earlier = stages.slice(0, -1).map((stage) => stage.from.getBuildStage());
    const runs = stages
      .slice(0, -1)
      .flatMap((stage) => keyword(stage, 'RUN').map((run) => args(run).join(' ')));
    expect(runs.some((run) => run.includes('npm ci'))).toBe(true);
    expect(runs.some((run) => run.includes('npm run build'))).toBe(true);

    const copies = finalStage.instructions.filter((instruction) => instruction instanceof Copy);
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) expect(earlier).toContain(copy.getFromFlag()?.getValue());
  });

  it('runs every stage on Node 24', () => {
    for (const { from } of stages) {
      expect(from.getImageName()).toBe('node');
      expect(from.getImageTag()).toMatch(/^24(\.|-|$)/);
    }
  });

  it('runs the gateway as a numeric non-root user, with NODE_ENV=production set before any step', () => {
    const users = keyword(finalStage, 'USER');
    const user = userOf(users.at(-1));
    expect(user?.uid).toBeGreaterThan(0);
    const firstRun = finalStage.instructions.findIndex((instruction) => instruction.getKeyword() === 'RUN');
    const productionAt = finalStage.instructions.findIndex(
      (instruction) =>
        instruction instanceof Env &&
        instruction.getProperties().some((p) => p.getName() === 'NODE_ENV' && p.getValue() === 'production'),
    );
    expect(productionAt).toBeGreaterThanOrEqual(0);
    expect(productionAt).toBeLessThan(firstRun);
  });

  it('warms the compile cache as the user that runs the gateway (Node keeps one cache per user)', () => {
    const lastUser = finalStage.instructions.indexOf(keyword(finalStage, 'USER').at(-1) as Instruction);
    const warmUp = finalStage.instructions.findIndex(
      (instruction) =>
        instruction.getKeyword() === 'RUN' &&
        args(instruction).includes('dist/src/tools/warmCompileCache.js'),
    );
    expect(lastUser).toBeGreaterThanOrEqual(0);
    expect(warmUp).toBeGreaterThan(lastUser);
  });

  it('exposes the public and management ports that it sets as PORT and MANAGEMENT_PORT', () => {
    const exposed = keyword(finalStage, 'EXPOSE').flatMap(args);
    expect(FINAL_ENV.PORT).toMatch(/^\d+$/);
    expect(FINAL_ENV.MANAGEMENT_PORT).toMatch(/^\d+$/);
    expect(FINAL_ENV.PORT).not.toBe(FINAL_ENV.MANAGEMENT_PORT);
    expect(exposed).toEqual(expect.arrayContaining([FINAL_ENV.PORT, FINAL_ENV.MANAGEMENT_PORT]));
  });

  it('starts what `npm start` starts, in exec form so that node receives SIGTERM itself', () => {
    expect(keyword(finalStage, 'ENTRYPOINT')).toEqual([]);
    const cmds = finalStage.instructions.filter((instruction) => instruction instanceof Cmd);
    expect(cmds).toHaveLength(1);
    expect(cmds[0]?.getJSONStrings().map((part) => part.getJSONValue())).toEqual([
      'node',
      ...START.nodeFlags,
      relative(ROOT, START.script),
    ]);
  });
});

type Child = ChildProcessByStdio<null, Readable, Readable>;

const AS_ROOT = process.getuid?.() === 0;

// docker build runs a stage's steps as root until its USER, then as that user: only root can do
// the same here (the steps chown, and the later ones run as the image's uid).
describe.skipIf(!AS_ROOT)('the final stage, performed outside Docker', () => {
  let fsRoot = '';
  let workdir = '/';
  let upstream: StubUpstream | null = null;
  const children: Child[] = [];
  const path = [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter);
  // This host's TLS and proxy settings, which npm needs to reach the registry from here; nothing
  // else of this process's environment (npm's own npm_config_* would redirect `npm ci`).
  const network = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        /^(NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|HTTPS?_PROXY|NO_PROXY)$/i.test(entry[0]) &&
        entry[1] !== undefined,
    ),
  );

  /** The build stage's filesystem: its WORKDIR is this repository, built. */
  function buildStagePath(stageName: string, source: string): string {
    const stage = stages.find((candidate) => candidate.from.getBuildStage() === stageName);
    const stageWorkdir = (stage && keyword(stage, 'WORKDIR').at(-1)?.getArgumentsContent()) ?? '/';
    const inRepo = posix.relative(stageWorkdir, posix.resolve('/', source));
    if (inRepo.startsWith('..'))
      throw new Error(`COPY --from=${stageName} ${source}: outside ${stageWorkdir}`);
    return join(ROOT, inRepo);
  }

  function copy(instruction: Copy): void {
    const flags = instruction.getFlags().map((flag) => flag.getName());
    if (flags.some((flag) => flag !== 'from'))
      throw new Error(`COPY flags not performed here: ${flags.join()}`);
    const stageName = instruction.getFromFlag()?.getValue();
    if (stageName === undefined || stageName === null) throw new Error('COPY from the context: not expected');
    const [destination, ...sources] = args(instruction).reverse();
    if (destination === undefined) throw new Error('COPY without a destination');
    const target = join(fsRoot, posix.resolve(workdir, destination));
    for (const source of sources.reverse()) {
      const origin = buildStagePath(stageName, source);
      if (statSync(origin).isDirectory()) {
        // A directory's contents, as Docker copies them; a local start's compile cache is no
        // output of the build stage's `npm run build`.
        cpSync(origin, target, { recursive: true, filter: (file) => basename(file) !== '.compile-cache' });
      } else {
        const file =
          destination.endsWith('/') || sources.length > 1 ? join(target, basename(origin)) : target;
        mkdirSync(dirname(file), { recursive: true });
        cpSync(origin, file);
      }
    }
  }

  async function run(
    instruction: Run,
    env: Record<string, string>,
    user: { uid: number; gid: number } | null,
  ): Promise<void> {
    for (const flag of instruction.getFlags()) {
      // A cache mount only keeps npm's download cache out of the image's layers.
      if (flag.getName() !== 'mount' || !flag.getValue()?.startsWith('type=cache,')) {
        throw new Error(`RUN flag not performed here: --${flag.toString()}`);
      }
    }
    const command = instruction.getArgumentsContent() ?? '';
    const child = spawn('sh', ['-c', command], {
      cwd: join(fsRoot, workdir),
      env: {
        PATH: path,
        ...network,
        ...(user === null ? { HOME: process.env.HOME ?? '/root' } : {}),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(user ?? {}),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`RUN ${command} exited ${code}:\n${output}`);
  }

  beforeAll(async () => {
    fsRoot = mkdtempSync(join(tmpdir(), 'badges-image-'));
    chmodSync(fsRoot, 0o755);
    const env: Record<string, string> = {};
    let user: { uid: number; gid: number } | null = null;
    for (const instruction of finalStage.instructions) {
      if (instruction instanceof Env) {
        for (const property of instruction.getProperties())
          env[property.getName()] = property.getValue() ?? '';
      } else if (instruction.getKeyword() === 'WORKDIR') {
        workdir = posix.resolve(workdir, instruction.getArgumentsContent() ?? '.');
        mkdirSync(join(fsRoot, workdir), { recursive: true, mode: 0o755 });
      } else if (instruction instanceof Copy) {
        copy(instruction);
      } else if (instruction instanceof Run) {
        await run(instruction, env, user);
      } else if (instruction.getKeyword() === 'USER') {
        user = userOf(instruction);
      } else if (!['EXPOSE', 'CMD'].includes(instruction.getKeyword())) {
        throw new Error(`${instruction.getKeyword()} is not performed here`);
      }
    }
    upstream = await startStubUpstream(envelope(200, { data: storedOrgMeta }));
  }, 300_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await upstream?.stop();
    if (fsRoot !== '') rmSync(fsRoot, { recursive: true, force: true });
  });

  function stub(): StubUpstream {
    if (upstream === null) throw new Error('the stub upstream did not start');
    return upstream;
  }

  function compileCache(): string[] {
    const directory = join(fsRoot, workdir, 'dist', '.compile-cache');
    return readdirSync(directory, { recursive: true, encoding: 'utf8' }).sort();
  }

  /** The CMD, with the image's environment and user, on loopback ports of its own choosing. */
  function startContainer(): { child: Child; output: () => string } {
    const [cmd] = (finalStage as Stage).instructions.filter((instruction) => instruction instanceof Cmd);
    const [program, ...rest] = cmd?.getJSONStrings().map((part) => part.getJSONValue()) ?? [];
    const child = spawn(program === 'node' ? process.execPath : (program ?? ''), rest, {
      cwd: join(fsRoot, workdir),
      env: {
        PATH: path,
        ...FINAL_ENV,
        PORT: '0',
        MANAGEMENT_PORT: '0',
        HOST: '127.0.0.1',
        MANAGEMENT_HOST: '127.0.0.1',
        CAPILLARY_BASE_URL: stub().url,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(userOf(keyword(finalStage as Stage, 'USER').at(-1)) ?? {}),
    });
    children.push(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return { child, output: () => output };
  }

  function readyLine(child: Child, output: () => string): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const look = () => {
        const line = output()
          .split('\n')
          .find((candidate) => candidate.includes('"msg":"Badges GraphQL gateway ready at '));
        if (line === undefined) return;
        child.stdout.off('data', look);
        resolve(JSON.parse(line) as Record<string, unknown>);
      };
      child.stdout.on('data', look);
      child.once('exit', (code) => {
        reject(new Error(`the gateway exited (${code}) before it was ready:\n${output()}`));
      });
    });
  }

  it('starts from the compile cache warmed while the image was built, compiling no module of its own', async () => {
    const warmed = compileCache();
    expect(warmed.length).toBeGreaterThan(0);
    const { child, output } = startContainer();
    const exited = once(child, 'exit') as Promise<[number | null]>;
    expect(await readyLine(child, output)).toMatchObject({ compileCache: 'ENABLED', node: process.version });
    child.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);
    // Node adds what it had to compile to the cache when the process ends: nothing, when the
    // warm-up cached every module of a start (same node, flags, user and environment).
    expect(compileCache()).toEqual(warmed);
  });

  it('serves GraphQL, keeps metrics on the management port, and exits 0 on SIGTERM', async () => {
    const { child, output } = startContainer();
    const exited = once(child, 'exit') as Promise<[number | null]>;
    const ready = await readyLine(child, output);
    const graphqlUrl = String(ready.url);
    const management = String(ready.management);
    const publicOrigin = new URL(graphqlUrl).origin;

    const response = await request(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: BASIC },
      body: JSON.stringify({ query: CREATE, variables: { input: categoryInput } }),
    });
    expect(await response.body.json()).toMatchObject({
      data: { createBadgeOrgMeta: { __typename: 'CreateBadgeOrgMetaSuccess' } },
    });
    expect(stub().requests.at(-1)?.headers.authorization).toBe(BASIC);

    const statuses: Record<string, number> = {};
    for (const url of [
      `${management}/health`,
      `${management}/ready`,
      `${management}/metrics`,
      `${publicOrigin}/metrics`,
    ]) {
      const answer = await request(url);
      statuses[url] = answer.statusCode;
      if (url === `${management}/metrics`) expect(await answer.body.text()).toContain('# TYPE');
      else await answer.body.dump();
    }
    expect(statuses).toEqual({
      [`${management}/health`]: 200,
      [`${management}/ready`]: 200,
      [`${management}/metrics`]: 200,
      [`${publicOrigin}/metrics`]: 404,
    });

    child.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);
  });
});
