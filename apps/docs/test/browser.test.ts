// The built site in headless Chromium, served by the same static server as `pnpm start`: the reference
// lists every operation, search finds "Update Integration" and its TypeScript sample shows, the guides
// render, and no page asks any host but our own for anything or logs an error.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { binOf, freePort, packageDir, type Service, startService } from './helpers/processes.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const inCI = process.env.CI === 'true';
const distDir = path.join(packageDir, 'dist');
const artifacts = path.join(packageDir, 'test-artifacts');

if (!hasChromium && !inCI) {
  console.warn(
    `browser test skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH). Under CI=true it fails instead.`,
  );
}

/** The operations of the spec the site was built from, as Redoc's menu ids (`tag-slug/operationid`). */
function specOperationIds(): string[] {
  const spec = parse(readFileSync(path.join(distDir, 'reference', 'openapi.yaml'), 'utf8'));
  const ids: string[] = [];
  for (const item of Object.values<any>(spec.paths)) {
    for (const operation of Object.values<any>(item)) {
      if (operation?.operationId) ids.push(operation.operationId);
    }
  }
  return ids;
}

interface Watched {
  page: Page;
  outside: string[];
  errors: string[];
}

// Under CI the browser test must run: a missing Chromium is a failure there, not a skip.
it.runIf(!hasChromium && inCI)('has Chromium under CI=true', () => {
  expect.fail(`CI=true but Chromium is missing at ${CHROMIUM}: install it (apt-get install -y chromium)`);
});

describe.skipIf(!hasChromium)('docs site in Chromium', () => {
  let server: Service | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!hasChromium) {
      throw new Error(
        `CI=true but Chromium is missing at ${CHROMIUM}: install it (apt-get install -y chromium)`,
      );
    }
    if (!existsSync(path.join(distDir, 'reference', 'index.html'))) {
      throw new Error('dist/ is not built: run `pnpm --filter @sunshine-openapi/docs build` first');
    }
    mkdirSync(artifacts, { recursive: true });
    const port = await freePort();
    server = await startService(
      binOf('sirv-cli', 'sirv'),
      ['dist', '--host', '127.0.0.1', '--port', String(port)],
      port,
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
  });

  /** A page that records requests to other hosts (and blocks them) and every console error. */
  async function open(urlPath: string): Promise<Watched> {
    const origin = server!.url;
    const page = await browser!.newPage({ viewport: { width: 1440, height: 900 } });
    // Generous for a loaded 2-core CI machine; the whole file still finishes in well under a minute when idle.
    page.setDefaultTimeout(15_000);
    const watched: Watched = { page, outside: [], errors: [] };
    const isOwn = (url: string) =>
      url.startsWith(`${origin}/`) ||
      url.startsWith(`blob:${origin}/`) ||
      url.startsWith('data:') ||
      url === 'about:blank';
    page.on('request', (request) => {
      if (!isOwn(request.url())) watched.outside.push(request.url());
    });
    await page.route(
      (url) => !isOwn(url.href),
      (route) => route.abort(),
    );
    page.on('console', (message) => {
      if (message.type() === 'error') watched.errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => watched.errors.push(`${page.url()}: ${error.message}`));
    await page.goto(`${origin}${urlPath}`, { waitUntil: 'load' });
    return watched;
  }

  function expectClean(watched: Watched) {
    expect(watched.outside, 'requests to other hosts').toEqual([]);
    expect(watched.errors, 'console errors').toEqual([]);
  }

  it('lists every operation of the spec in the reference navigation', async () => {
    const watched = await open('/reference/index.html');
    const { page } = watched;
    const menu = page.locator('[data-component-name="Menu/Menu"]').first();
    await menu.waitFor();
    // Tag groups start collapsed and open one at a time: open each and collect the operations it shows.
    const tagHrefs = (
      await menu.locator('a:not([href^="#"])').evaluateAll((els) => els.map((e) => e.getAttribute('href')))
    )
      // Skip the overview and the description's sections (`/section/...`): they hold no operations.
      .filter((href): href is string => !!href && /^\/[^/]+$/.test(href) && !href.startsWith('/section'));
    const seen = new Set<string>();
    for (const href of tagHrefs) {
      await menu.locator(`a[href="${href}"]`).evaluate((el) => (el as HTMLElement).click());
      const group = menu.locator(`a[href^="#${href}/"]`);
      await group.first().waitFor({ state: 'attached' });
      for (const opHref of await group.evaluateAll((els) => els.map((e) => e.getAttribute('href')))) {
        const match = /^#\/[^/]+\/([^/]+)$/.exec(opHref ?? '');
        if (match) seen.add(match[1]!);
      }
    }
    const expected = specOperationIds().map((id) => id.toLowerCase());
    expect(expected).toHaveLength(68);
    expect([...seen].sort()).toEqual([...expected].sort());
    await page.screenshot({ path: path.join(artifacts, 'reference-navigation.png') });
    expectClean(watched);
  }, 60_000);

  it('finds "Update Integration" by search and shows its TypeScript sample', async () => {
    const watched = await open('/reference/index.html');
    const { page } = watched;
    await page.locator('[data-testid="search-trigger"]').click();
    await page.keyboard.type('Update Integration');
    const result = page
      .locator('[data-component-name="Search/SearchItem"]', { hasText: 'Update Integration' })
      .first();
    await result.waitFor();
    await page.screenshot({ path: path.join(artifacts, 'reference-search.png') });
    await result.click();
    await page.waitForURL(/#\/[^/]+\/updateintegration$/);
    const section = page.locator('[data-section-id$="/updateintegration"]').first();
    await expect.poll(() => section.locator('h1, h2').first().textContent()).toContain('Update Integration');
    // The right-hand panel shows our TypeScript sample first: the real program from generated/samples.
    const sample = section.locator('pre').filter({ hasText: 'await updateIntegration(client, {' }).first();
    await sample.waitFor({ state: 'visible' });
    expect(await sample.textContent()).toContain("from '@sunshine-openapi/client'");
    await expect.poll(() => section.getByText('TypeScript', { exact: true }).first().isVisible()).toBe(true);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(artifacts, 'reference-update-integration.png') });
    expectClean(watched);
  }, 60_000);

  it('renders the home page and every guide, with no broken links', async () => {
    const guides = readdirSync(path.join(distDir, 'guides')).filter((name) => name.endsWith('.html'));
    expect(guides.length).toBeGreaterThanOrEqual(6);
    const watched = await open('/index.html');
    const { page } = watched;
    for (const urlPath of ['/index.html', ...guides.map((name) => `/guides/${name}`)]) {
      await page.goto(`${server!.url}${urlPath}`, { waitUntil: 'load' });
      expect(await page.locator('h1').count(), urlPath).toBe(1);
      expect(
        await page.locator('link[rel="stylesheet"]').evaluate((el) => (el as HTMLLinkElement).sheet !== null),
      ).toBe(true);
      // Every link that stays on the site leads to a file that exists.
      const hrefs = await page
        .locator('a[href]')
        .evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).href));
      for (const href of hrefs) {
        if (!href.startsWith(server!.url)) continue;
        const file = path.join(distDir, decodeURIComponent(new URL(href).pathname));
        expect(existsSync(file), `${urlPath} links to missing ${href}`).toBe(true);
      }
      const name = urlPath === '/index.html' ? 'home' : `guide-${path.basename(urlPath, '.html')}`;
      await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
    }
    // The home page's links into the reference land on the right section.
    await page.goto(`${server!.url}/index.html`, { waitUntil: 'load' });
    await page.locator('.tag-list a', { hasText: 'Integrations' }).first().click();
    await page.waitForURL(/reference\/index\.html#\/integrations$/);
    await page.locator('[data-section-id="/integrations"]').first().waitFor();
    expectClean(watched);
  }, 60_000);
});
