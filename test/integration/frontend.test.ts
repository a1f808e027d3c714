import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { request } from 'undici';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/emulator.js';
import { chromiumAvailable, launchChromium } from '../support/chromium.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { envelope, startStubUpstream, type StubHandler, type StubUpstream } from '../support/stubUpstream.js';

/**
 * The example frontend (examples/badges-admin: Vite, React, Apollo Client 4) built for real, served
 * on one origin, calling the gateway on another, in headless Chromium: every outcome of a save is
 * shown as a person wants it. Screenshots of each state go to test/output/frontend/. Needs
 * Debian's chromium (support/chromium.ts).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLE = join(ROOT, 'examples', 'badges-admin');
const SCREENSHOTS = join(ROOT, 'test', 'output', 'frontend');
const MANIFEST = join(EXAMPLE, 'src', 'gql', 'persisted-documents.json');

const HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding']);

function endToEnd<T>(headers: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

/** Passes every request on to `base` and its answer back: the upstream sees what Capillary would. */
function forwardTo(base: string): StubHandler {
  return async (recorded, res) => {
    const answer = await request(`${base}${recorded.path}`, {
      method: recorded.method,
      headers: endToEnd(recorded.headers),
      body: recorded.body === '' ? null : recorded.body,
    });
    const body = await answer.body.text();
    res.writeHead(answer.statusCode, endToEnd(answer.headers)).end(body);
  };
}

/** A static host on its own loopback origin, serving what is built into `dir`. */
interface StaticHost {
  readonly origin: string;
  readonly dir: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

async function startStaticHost(): Promise<StaticHost> {
  const dir = mkdtempSync(join(tmpdir(), 'badges-admin-'));
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir + sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dir,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `vite build` of the example into `host.dir`, with `env` as its VITE_* variables. Vite builds for
 * production only when NODE_ENV says so, and Vitest sets `test`.
 */
async function buildExample(host: StaticHost, env: Record<string, string>): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: EXAMPLE,
      logLevel: 'warn',
      build: { outDir: host.dir, emptyOutDir: true },
      define: Object.fromEntries(
        Object.entries(env).map(([name, value]) => [`import.meta.env.${name}`, JSON.stringify(value)]),
      ),
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

describe.skipIf(!chromiumAvailable())(
  'the example frontend, built and run in a browser against the gateway',
  () => {
    let emulator: RunningEmulator;
    let upstream: StubUpstream;
    let gateway: TestGateway;
    let app: StaticHost;
    let browser: Browser;
    const pageErrors: Error[] = [];
    let first: Page;
    let second: Page;

    beforeAll(async () => {
      emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
      upstream = await startStubUpstream(forwardTo(emulator.url));
      app = await startStaticHost();
      gateway = await startTestGateway(upstream.url, { NODE_ENV: 'production', CORS_ORIGINS: app.origin });
      await buildExample(app, { VITE_GATEWAY_URL: `${gateway.url}/graphql` });
      browser = await launchChromium();
      mkdirSync(SCREENSHOTS, { recursive: true });
      // Two tabs open on an org without org meta: the second stays behind when the first creates it.
      [first, second] = await Promise.all([
        openApp(app.origin, 'OrgMetaNotFound'),
        openApp(app.origin, 'OrgMetaNotFound'),
      ]);
    }, 60_000);

    afterAll(async () => {
      await browser.close();
      await gateway.stop();
      await upstream.stop();
      await emulator.stop();
      await app.close();
    });

    /** The app in a new tab, once it shows the stored org meta's state (a __typename). */
    async function openApp(origin: string, state: string): Promise<Page> {
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      page.on('pageerror', (error) => pageErrors.push(error));
      await page.goto(origin);
      await page.locator(`.stored[data-state="${state}"]`).waitFor();
      return page;
    }

    function screenshot(page: Page, name: string) {
      return page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    }

    function graphqlResponse(page: Page) {
      return page.waitForResponse(
        (response) => response.url() === `${gateway.url}/graphql` && response.request().method() === 'POST',
      );
    }

    it('creates the org meta from the form and shows the saved tags, with the X-Request-Id of the answer', async () => {
      const answered = graphqlResponse(first);
      await first.getByRole('button', { name: 'Create the org meta' }).click();
      const outcome = first.locator('[data-outcome="CreateBadgeOrgMetaSuccess"]');
      await outcome.waitFor();
      expect(await outcome.getByRole('heading').textContent()).toBe('Saved');
      expect(await outcome.locator('td').allTextContents()).toEqual([
        'Category',
        'string',
        'Type of badge (Exclusive, Regular)',
        'no',
      ]);
      const requestId = (await answered).headers()['x-request-id'];
      expect(requestId).toMatch(/\S/);
      expect(await outcome.getByTestId('gateway-request-id').textContent()).toBe(requestId);
      // The page now reads the stored org meta and offers to edit it.
      await first.locator('.stored[data-state="BadgeOrgMeta"]').waitFor();
      await first.getByRole('button', { name: 'Save the tags' }).waitFor();
      expect(emulator.orgMetaCount()).toBe(1);
      await screenshot(first, '1-create-saved-tags');
    });

    it('answers a second create with "edit it instead" and the tags that exist', async () => {
      await second.locator('#tags-0-key').fill('Tier');
      await second.getByRole('button', { name: 'Create the org meta' }).click();
      const outcome = second.locator('[data-outcome="OrgMetaAlreadyExists"]');
      await outcome.waitFor();
      expect(await outcome.getByRole('heading').textContent()).toBe(
        'This org already has one — edit it instead',
      );
      expect(await outcome.locator('td').first().textContent()).toBe('Category');
      await screenshot(second, '2-create-again-conflict-existing-tags');

      await outcome.getByRole('button', { name: 'Edit these tags' }).click();
      await second.getByRole('button', { name: 'Save the tags' }).waitFor();
      expect(await second.locator('#tags-0-key').inputValue()).toBe('Category');
    });

    it("shows a blank tag key's problem next to that field, and nothing reaches the upstream", async () => {
      await second.locator('#tags-0-key').fill('  ');
      const upstreamRequests = upstream.requests.length;
      await second.getByRole('button', { name: 'Save the tags' }).click();
      const problem = second.locator('#tags-0-key-problems');
      await problem.waitFor();
      expect(await problem.textContent()).toBe('must not be blank');
      expect(await second.locator('#tags-0-key').getAttribute('aria-invalid')).toBe('true');
      expect(await second.locator('[data-outcome="InvalidOrgMetaInput"] h2').textContent()).toBe(
        'Nothing was saved',
      );
      expect(upstream.requests.length).toBe(upstreamRequests);
      await screenshot(second, '3-blank-key-problem-next-to-field');
    });

    it('turns a 503 with Retry-After into a hint to try again after that many seconds', async () => {
      upstream.answerWith(
        envelope(
          503,
          { errors: [{ code: 503, message: 'Service Unavailable' }] },
          { 'retry-after': '30', 'x-cap-requestid': 'cap-req-503' },
        ),
      );
      await first.getByRole('button', { name: 'Save the tags' }).click();
      const outcome = first.locator('[data-outcome="BadgesUpstreamFailure"]');
      await outcome.waitFor();
      expect(await outcome.getByTestId('retry-hint').textContent()).toBe(
        'Capillary did not answer (HTTP 503). Try again in 30 seconds.',
      );
      expect(await outcome.getByTestId('capillary-request-id').textContent()).toBe('cap-req-503');
      await screenshot(first, '4-upstream-503-retry-hint');
    });

    it('turns an upstream that is down into a hint to try again in a moment', async () => {
      await upstream.stop();
      await first.getByRole('button', { name: 'Save the tags' }).click();
      const hint = first.getByTestId('retry-hint').filter({ hasText: 'in a moment' });
      await hint.waitFor();
      expect(await hint.textContent()).toBe('Capillary did not answer. Try again in a moment.');
      await screenshot(first, '5-upstream-down-retry-hint');
    });

    it('sends only hashes from its persisted-documents manifest to a gateway with TRUSTED_DOCUMENTS', async () => {
      const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
      const trustedApp = await startStaticHost();
      const trusted = await startTestGateway(emulator.url, {
        NODE_ENV: 'production',
        CORS_ORIGINS: trustedApp.origin,
        TRUSTED_DOCUMENTS: MANIFEST,
      });
      await buildExample(trustedApp, {
        VITE_GATEWAY_URL: `${trusted.url}/graphql`,
        VITE_TRUSTED_DOCUMENTS: 'true',
      });
      const sent: unknown[] = [];
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      page.on('request', (request) => {
        if (request.method() === 'POST') sent.push(request.postDataJSON());
      });
      await page.goto(trustedApp.origin);
      await page.locator('.stored[data-state="BadgeOrgMeta"]').waitFor();
      await page.locator('#tags-0-description').fill('Exclusive or Regular');
      await page.getByRole('button', { name: 'Save the tags' }).click();
      const outcome = page.locator('[data-outcome="UpdateBadgeOrgMetaSuccess"]');
      await outcome.waitFor();
      expect(await outcome.locator('td').nth(2).textContent()).toBe('Exclusive or Regular');
      expect(sent).toHaveLength(2);
      for (const body of sent) {
        expect(body).not.toHaveProperty('query');
        const hash = (body as { extensions: { persistedQuery: { sha256Hash: string } } }).extensions
          .persistedQuery.sha256Hash;
        expect(Object.keys(manifest)).toContain(hash);
      }
      await screenshot(page, '6-trusted-documents-saved');
      await page.close();
      await trusted.stop();
      await trustedApp.close();
      expect(pageErrors).toEqual([]);
    });
  },
);
