/**
 * deploy/: the Kubernetes manifests against the Kubernetes API schemas (kubernetes-models), and
 * deploy/ against the code and the Dockerfile, so that a renamed variable, port or header shows
 * up here instead of in a cluster.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DockerfileParser, Env } from 'dockerfile-ast';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FORWARDED_HEADERS } from '../../src/capillary/credentials.js';
import { loadConfig } from '../../src/config.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KUBERNETES = join(ROOT, 'deploy', 'kubernetes');

interface Manifest {
  readonly file: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly labels?: Record<string, string> };
  readonly spec?: unknown;
  readonly data?: Record<string, string>;
}

const manifests: Manifest[] = readdirSync(KUBERNETES)
  .filter((file) => /\.ya?ml$/.test(file))
  .sort()
  .flatMap((file) =>
    parseAllDocuments(readFileSync(join(KUBERNETES, file), 'utf8'))
      .map((document) => {
        if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.join('; ')}`);
        return document.toJS() as Omit<Manifest, 'file'> | null;
      })
      .filter((document) => document !== null)
      .map((document) => ({ ...document, file })),
  );

function only(kind: string): Manifest {
  const found = manifests.filter((manifest) => manifest.kind === kind);
  if (found.length !== 1)
    throw new Error(`expected one ${kind} under deploy/kubernetes, found ${found.length}`);
  return found[0] as Manifest;
}

/** The document as written: without the file name this test adds. */
function withoutFile(manifest: Manifest): Record<string, unknown> {
  const document: Record<string, unknown> = { ...manifest };
  delete document.file;
  return document;
}

type Model = new (data: unknown) => { validate(): void };

/** The kubernetes-models class for an apiVersion and kind, e.g. apps/v1 Deployment. */
async function modelFor(apiVersion: string, kind: string): Promise<Model> {
  const group = (await import(/* @vite-ignore */ `kubernetes-models/${apiVersion}`)) as Record<
    string,
    unknown
  >;
  const model = group[kind];
  if (typeof model !== 'function') throw new Error(`kubernetes-models has no ${apiVersion} ${kind}`);
  return model as Model;
}

// The parts of the Deployment these checks read.
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { configMapKeyRef?: { name: string; key: string } };
}
interface Port {
  name?: string;
  containerPort: number;
}
interface Probe {
  httpGet?: { path: string; port: number | string };
}
interface Container {
  env?: EnvVar[];
  ports?: Port[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  lifecycle?: { preStop?: { sleep?: { seconds: number } } };
  securityContext?: Record<string, unknown>;
  volumeMounts?: Array<{ name: string; mountPath: string }>;
}
interface PodSpec {
  containers: Container[];
  securityContext?: { runAsUser?: number; runAsGroup?: number; runAsNonRoot?: boolean };
  terminationGracePeriodSeconds?: number;
  volumes?: Array<{ name: string; emptyDir?: unknown }>;
}
interface DeploymentSpec {
  replicas: number;
  selector: { matchLabels: Record<string, string> };
  template: {
    metadata: { labels: Record<string, string>; annotations?: Record<string, string> };
    spec: PodSpec;
  };
}

const deployment = only('Deployment');
const deploymentSpec = deployment.spec as DeploymentSpec;
const pod = deploymentSpec.template;
const container = pod.spec.containers[0] as Container;

/** The container's environment, ConfigMap references resolved from deploy/kubernetes. */
function containerEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const variable of container.env ?? []) {
    const ref = variable.valueFrom?.configMapKeyRef;
    const value =
      ref === undefined
        ? variable.value
        : manifests.find((m) => m.kind === 'ConfigMap' && m.metadata.name === ref.name)?.data?.[ref.key];
    if (value === undefined) throw new Error(`${variable.name} has no value in deploy/kubernetes`);
    env[variable.name] = value;
  }
  return env;
}

function containerPort(port: number | string | undefined): number | undefined {
  return typeof port === 'number' ? port : container.ports?.find((p) => p.name === port)?.containerPort;
}

/** The final stage of the Dockerfile: its ENV, EXPOSEd ports and USER. */
function image(): { env: Record<string, string>; exposed: string[]; user: string | undefined } {
  const instructions = DockerfileParser.parse(
    readFileSync(join(ROOT, 'Dockerfile'), 'utf8'),
  ).getInstructions();
  const finalFrom = instructions.findLastIndex((instruction) => instruction.getKeyword() === 'FROM');
  const final = instructions.slice(finalFrom + 1);
  const env: Record<string, string> = {};
  for (const instruction of final) {
    if (instruction instanceof Env)
      for (const property of instruction.getProperties()) env[property.getName()] = property.getValue() ?? '';
  }
  const exposed = final
    .filter((instruction) => instruction.getKeyword() === 'EXPOSE')
    .flatMap((instruction) => instruction.getArguments().map((argument) => argument.getValue()));
  const user = final
    .filter((instruction) => instruction.getKeyword() === 'USER')
    .at(-1)
    ?.getArgumentsContent();
  return { env, exposed, user: user ?? undefined };
}

/** The text of every TypeScript file under src/. */
function sourcesOfTheGateway(): string[] {
  return readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(join(ROOT, 'src', file), 'utf8'));
}

/** Every environment variable the gateway's sources read: `env, 'NAME'` and `env.NAME`. */
function variablesTheCodeReads(): Set<string> {
  const names = new Set<string>();
  for (const text of sourcesOfTheGateway()) {
    for (const match of text.matchAll(/\benv,\s*'([A-Z][A-Z0-9_]*)'|\benv\.([A-Z][A-Z0-9_]*)\b/g)) {
      names.add(match[1] ?? match[2] ?? '');
    }
  }
  return names;
}

describe('deploy/kubernetes', () => {
  it('holds a Deployment, Service, HorizontalPodAutoscaler and PodDisruptionBudget', () => {
    expect(manifests.map((manifest) => manifest.kind)).toEqual(
      expect.arrayContaining(['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']),
    );
  });

  it.each(manifests.map((manifest) => [manifest.file, manifest.kind, manifest] as const))(
    '%s: its %s is valid against the Kubernetes schema',
    async (_file, _kind, manifest) => {
      const Model = await modelFor(manifest.apiVersion, manifest.kind);
      expect(() => {
        new Model(withoutFile(manifest)).validate();
      }).not.toThrow();
    },
  );

  it('rejects what the Kubernetes schema rejects (the validation is not a no-op)', async () => {
    const Model = await modelFor('apps/v1', 'Deployment');
    const broken = structuredClone(withoutFile(deployment)) as { spec: { replicas: unknown } };
    broken.spec.replicas = 'two';
    expect(() => {
      new Model(broken).validate();
    }).toThrow(/replicas/);
  });

  it('sets only variables the gateway reads, and a configuration it accepts in production', () => {
    const env = containerEnv();
    const read = variablesTheCodeReads();
    for (const name of Object.keys(env)) expect(read, `${name} is read nowhere in src/`).toContain(name);
    expect(env.NODE_ENV).toBe('production');
    const config = loadConfig(env);
    expect(config).toMatchObject({ production: true, port: Number(image().env.PORT) });
    expect(config.managementPort).toBe(Number(image().env.MANAGEMENT_PORT));
  });

  it("opens the Dockerfile's PORT and MANAGEMENT_PORT, both EXPOSEd, as the http and management ports", () => {
    const { env, exposed } = image();
    expect(exposed).toEqual(expect.arrayContaining([env.PORT, env.MANAGEMENT_PORT]));
    expect(container.ports?.map(({ name, containerPort }) => ({ name, containerPort }))).toEqual([
      { name: 'http', containerPort: Number(env.PORT) },
      { name: 'management', containerPort: Number(env.MANAGEMENT_PORT) },
    ]);
  });

  it('probes /health (liveness) and /ready (readiness) on the management port, which Prometheus scrapes', () => {
    const management = Number(image().env.MANAGEMENT_PORT);
    expect(container.livenessProbe?.httpGet?.path).toBe('/health');
    expect(container.readinessProbe?.httpGet?.path).toBe('/ready');
    expect(containerPort(container.livenessProbe?.httpGet?.port)).toBe(management);
    expect(containerPort(container.readinessProbe?.httpGet?.port)).toBe(management);
    const sources = sourcesOfTheGateway().join('\n');
    expect(sources).toContain("'/health'");
    expect(sources).toContain("'/ready'");
    expect(pod.metadata.annotations).toMatchObject({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': String(management),
      'prometheus.io/path': '/metrics',
    });
  });

  it('leaves a stopping pod the preStop pause plus a whole upstream deadline to drain', () => {
    const preStop = container.lifecycle?.preStop?.sleep?.seconds ?? 0;
    expect(preStop).toBeGreaterThan(0);
    const drain = loadConfig({}).capillaryTimeoutMs / 1000;
    expect(pod.spec.terminationGracePeriodSeconds).toBeGreaterThan(preStop + drain);
  });

  it("runs as the image's non-root user, on a read-only root filesystem with a writable /tmp", () => {
    const [uid, gid] = (image().user ?? '').split(':').map(Number);
    expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: uid, runAsGroup: gid });
    expect(container.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    const tmp = container.volumeMounts?.find((mount) => mount.mountPath === '/tmp');
    expect(pod.spec.volumes?.find((volume) => volume.name === tmp?.name)?.emptyDir).toBeDefined();
  });

  it('runs 2+ replicas, which the Service, the PodDisruptionBudget and the autoscaler select', () => {
    const labels = pod.metadata.labels;
    expect(deploymentSpec.replicas).toBeGreaterThanOrEqual(2);
    expect(labels).toMatchObject(deploymentSpec.selector.matchLabels);

    const service = only('Service').spec as {
      type?: string;
      selector: Record<string, string>;
      ports: Array<{ port: number; targetPort: number | string }>;
    };
    expect(service.type ?? 'ClusterIP').toBe('ClusterIP');
    expect(labels).toMatchObject(service.selector);
    expect(service.ports.map(({ targetPort }) => containerPort(targetPort))).toEqual([
      Number(image().env.PORT),
    ]);

    const pdb = only('PodDisruptionBudget').spec as {
      minAvailable: number;
      selector: { matchLabels: Record<string, string> };
    };
    expect(pdb.minAvailable).toBe(1);
    expect(labels).toMatchObject(pdb.selector.matchLabels);

    const hpa = only('HorizontalPodAutoscaler').spec as {
      scaleTargetRef: { kind: string; name: string };
      minReplicas: number;
      metrics: Array<{ resource?: { name: string; target: { type: string } } }>;
    };
    expect(hpa.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: deployment.metadata.name });
    expect(hpa.minReplicas).toBeGreaterThanOrEqual(2);
    const cpu = hpa.metrics.find((metric) => metric.resource?.name === 'cpu');
    expect(cpu?.resource?.target.type).toBe('Utilization');
  });
});

describe('deploy/router', () => {
  const ROUTER = join(ROOT, 'deploy', 'router');
  const router = parseYaml(readFileSync(join(ROUTER, 'router.yaml'), 'utf8')) as {
    headers?: Record<string, unknown>;
    traffic_shaping?: {
      all?: { timeout?: string };
      subgraphs?: Record<string, { timeout?: string } | undefined>;
    };
  };

  /** A header rule list, in the v2 form (a list) or the later one (`operations:` around it). */
  function rules(location: unknown): unknown[] {
    const request = (location as { request?: unknown } | undefined)?.request;
    if (request === undefined) return [];
    return Array.isArray(request) ? request : ((request as { operations?: unknown[] }).operations ?? []);
  }

  it('propagates to the badges subgraph exactly the headers the gateway forwards, and x-request-id', () => {
    const headers = router.headers as { all?: unknown; subgraphs?: Record<string, unknown> };
    const applied = [...rules(headers.all), ...rules(headers.subgraphs?.badges)];
    // By name only: no pattern, rename, insert or remove, which could send or change anything else.
    const named = applied.map((rule) => {
      expect(Object.keys(rule as object)).toEqual(['propagate']);
      const { propagate } = rule as { propagate: Record<string, unknown> };
      expect(Object.keys(propagate)).toEqual(['named']);
      return String(propagate.named).toLowerCase();
    });
    expect(named.sort()).toEqual([...FORWARDED_HEADERS, 'x-request-id'].sort());
  });

  it("gives the badges subgraph longer than the gateway's own upstream deadline", () => {
    const timeout =
      router.traffic_shaping?.subgraphs?.badges?.timeout ?? router.traffic_shaping?.all?.timeout ?? '';
    const match = /^(\d+)(ms|s|m)$/.exec(timeout);
    expect(match, `traffic_shaping timeout "${timeout}"`).not.toBeNull();
    const milliseconds = Number(match?.[1]) * { ms: 1, s: 1_000, m: 60_000 }[match?.[2] as 'ms' | 's' | 'm'];
    expect(milliseconds).toBeGreaterThan(loadConfig({}).capillaryTimeoutMs);
  });

  it("routes the badges subgraph to the Service's http port, with the snapshot of its schema", () => {
    const supergraph = parseYaml(readFileSync(join(ROUTER, 'supergraph.yaml'), 'utf8')) as {
      subgraphs: Record<string, { routing_url: string; schema: { file: string } }>;
    };
    const badges = supergraph.subgraphs.badges;
    const service = only('Service');
    const port = (service.spec as { ports: Array<{ port: number }> }).ports[0]?.port;
    expect(badges?.routing_url).toBe(`http://${service.metadata.name}:${port}/graphql`);
    const schema = join(ROUTER, badges?.schema.file ?? '');
    expect(existsSync(schema)).toBe(true);
    expect(schema).toBe(join(ROOT, 'schema', 'snapshot', 'badges.subgraph.graphql'));
  });
});
