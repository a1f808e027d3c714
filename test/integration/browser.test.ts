import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/emulator.js';
import { chromiumAvailable, launchChromium } from '../support/chromium.js';
import { BASIC, startTestGateway, type TestGateway } from '../support/gateway.js';

/**
 * A frontend on another origin calls the gateway from a real browser: this is
 * what proves CORS and its preflight. Needs Debian's chromium (`.ci/run`
 * installs it and sets REQUIRE_BROWSER=1, so CI cannot skip this).
 */
const available = chromiumAvailable();

function frontendPage(gatewayUrl: string): string {
  return `<!doctype html>
<html><body><h1>Badge setup</h1><p id="result">pending</p>
<script>
  fetch(${JSON.stringify(`${gatewayUrl}/graphql`)}, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: ${JSON.stringify(BASIC)} },
    body: JSON.stringify({
      query: 'mutation($input: CreateBadgeOrgMetaInput!) { createBadgeOrgMeta(input: $input) { __typename ... on CreateBadgeOrgMetaSuccess { orgMeta { orgId tags { key } } } } }',
      variables: { input: { orgId: 100458, tags: [{ key: 'Category', dataType: 'string' }] } },
    }),
  })
    .then((response) => response.json())
    .then(({ data }) => {
      const result = data.createBadgeOrgMeta;
      document.getElementById('result').textContent =
        result.__typename + ' for org ' + result.orgMeta.orgId + ' with tag ' + result.orgMeta.tags[0].key;
    })
    .catch((error) => { document.getElementById('result').textContent = 'failed: ' + error.message; });
</script></body></html>`;
}

describe.skipIf(!available)('a browser frontend on another origin', () => {
  let emulator: RunningEmulator;
  let gateway: TestGateway;
  let frontend: Server;
  let frontendOrigin: string;
  let browser: Browser;

  beforeAll(async () => {
    emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
    frontend = createServer();
    await new Promise<void>((resolve) => frontend.listen(0, '127.0.0.1', resolve));
    frontendOrigin = `http://127.0.0.1:${(frontend.address() as AddressInfo).port}`;
    gateway = await startTestGateway(emulator.url, { NODE_ENV: 'production', CORS_ORIGINS: frontendOrigin });
    frontend.on('request', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end(frontendPage(gateway.url));
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser.close();
    await gateway.stop();
    await emulator.stop();
    await new Promise((resolve) => frontend.close(resolve));
  });

  it('creates the org meta through fetch with a Basic credential, after a CORS preflight', async () => {
    // The Authorization header makes the browser send a preflight before the POST.
    const page = await browser.newPage();
    await page.goto(frontendOrigin);
    const result = page.locator('#result');
    await result.filter({ hasNotText: 'pending' }).waitFor();
    expect(await result.textContent()).toBe('CreateBadgeOrgMetaSuccess for org 100458 with tag Category');
    await page.close();
  });

  it('is blocked by the browser when its origin is not allowed', async () => {
    const other = await startTestGateway(emulator.url, {
      NODE_ENV: 'production',
      CORS_ORIGINS: 'https://elsewhere.example',
    });
    const orgMetasBefore = emulator.orgMetaCount();
    const page = await browser.newPage();
    await page.route(`${frontendOrigin}/`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: frontendPage(other.url) }),
    );
    await page.goto(frontendOrigin);
    const result = page.locator('#result');
    await result.filter({ hasNotText: 'pending' }).waitFor();
    expect(await result.textContent()).toMatch(/^failed: /);
    expect(emulator.orgMetaCount()).toBe(orgMetasBefore);
    await page.close();
    await other.stop();
  });
});
