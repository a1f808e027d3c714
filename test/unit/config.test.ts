import { describe, expect, it } from 'vitest';
import { ConfigError, isLoopback, loadConfig } from '../../src/config.js';

/** Production as deployed: a Capillary URL is required there. */
const PRODUCTION = { NODE_ENV: 'production', CAPILLARY_BASE_URL: 'https://eu.api.capillarytech.com' };

describe('loadConfig', () => {
  it('has defaults for every setting', () => {
    expect(loadConfig({})).toEqual({
      production: false,
      host: '0.0.0.0',
      port: 4000,
      managementPort: null,
      managementHost: '0.0.0.0',
      capillaryBaseUrl: null,
      capillaryTimeoutMs: 10_000,
      capillaryMaxResponseBytes: 1_048_576,
      corsOrigins: 'any',
      maxRequestBytes: 1_048_576,
      httpRequestTimeoutMs: 30_000,
      maxUpstreamFields: 5,
      maxUpstreamCalls: 50,
      maxFields: 2_000,
      maxDepth: 10,
      maxAliases: 15,
      maxTokens: 1_000,
      maxDirectives: 50,
      graphqlExecutor: 'jit',
      logLevel: 'info',
      otlpEndpoint: null,
      introspection: true,
      sandbox: true,
      subgraphSdl: true,
      trustedDocuments: null,
      documentCacheBytes: 8_388_608,
      compiledCacheBytes: 33_554_432,
    });
  });

  it('turns the sandbox and introspection off in production unless enabled', () => {
    expect(loadConfig(PRODUCTION)).toMatchObject({ sandbox: false, introspection: false });
    expect(loadConfig({ ...PRODUCTION, GRAPHQL_SANDBOX: 'true' })).toMatchObject({
      sandbox: true,
      introspection: true,
    });
    expect(loadConfig({ ...PRODUCTION, GRAPHQL_INTROSPECTION: '1' })).toMatchObject({
      sandbox: false,
      introspection: true,
    });
  });

  it('refuses production without a Capillary URL, naming the variable (the emulator is for development only)', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      new ConfigError(
        'CAPILLARY_BASE_URL',
        'must be set when NODE_ENV=production: the embedded emulator is for development only',
      ),
    );
  });

  it('serves management endpoints on MANAGEMENT_PORT when it is set', () => {
    expect(loadConfig({ MANAGEMENT_PORT: '9090', MANAGEMENT_HOST: '127.0.0.1' })).toMatchObject({
      managementPort: 9090,
      managementHost: '127.0.0.1',
    });
    expect(() => loadConfig({ MANAGEMENT_PORT: 'x' })).toThrow(/MANAGEMENT_PORT/);
  });

  it('tells a loopback upstream from one across the network', () => {
    expect(isLoopback(new URL('http://127.0.0.1:4010'))).toBe(true);
    expect(isLoopback(new URL('http://localhost:4010'))).toBe(true);
    expect(isLoopback(new URL('http://[::1]:4010'))).toBe(true);
    expect(isLoopback(new URL('http://capillary.internal'))).toBe(false);
    expect(isLoopback(new URL('http://10.0.0.8'))).toBe(false);
  });

  it('reads the upstream URL and the numbers', () => {
    const config = loadConfig({
      CAPILLARY_BASE_URL: 'https://eu.api.capillarytech.com',
      CAPILLARY_TIMEOUT_MS: '2500',
      PORT: '8080',
    });
    expect(config.capillaryBaseUrl?.href).toBe('https://eu.api.capillarytech.com/');
    expect(config.capillaryTimeoutMs).toBe(2500);
    expect(config.port).toBe(8080);
  });

  it('allows no CORS origin in production unless listed', () => {
    expect(loadConfig(PRODUCTION).corsOrigins).toEqual([]);
    expect(
      loadConfig({ ...PRODUCTION, CORS_ORIGINS: 'https://a.example,http://localhost:3000' }).corsOrigins,
    ).toEqual(['https://a.example', 'http://localhost:3000']);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['CAPILLARY_TIMEOUT_MS', '0'],
    ['CAPILLARY_TIMEOUT_MS', '1.5'],
    ['CAPILLARY_BASE_URL', 'eu.api.capillarytech.com'],
    ['CAPILLARY_BASE_URL', 'ftp://eu.api.capillarytech.com'],
    ['CAPILLARY_BASE_URL', 'https://user:secret@eu.api.capillarytech.com'],
    ['CAPILLARY_MAX_RESPONSE_BYTES', '-1'],
    ['CORS_ORIGINS', 'app.example.com'],
    ['CORS_ORIGINS', 'https://app.example.com/path'],
    ['MAX_REQUEST_BYTES', '10'],
    ['GRAPHQL_SANDBOX', 'yes'],
    ['MAX_UPSTREAM_FIELDS', '0'],
    ['MAX_DEPTH', 'deep'],
    ['LOG_LEVEL', 'verbose'],
    ['GRAPHQL_EXECUTOR', 'fast'],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', 'collector:4318'],
    ['GRAPHQL_INTROSPECTION', 'on'],
  ])('rejects %s=%s with an error naming the variable', (variable, value) => {
    const load = () => loadConfig({ [variable]: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(new RegExp(`^${variable} `));
  });
});
