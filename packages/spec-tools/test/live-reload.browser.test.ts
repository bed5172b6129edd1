import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevSession, startDev } from '../src/dev/dev.js';
import { fixturesDir } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';

// The open page in a real browser: reloads after a good save, shows a banner after a broken one.
describe.skipIf(!existsSync(CHROMIUM))('live reload in the browser', () => {
  let tmp: string;
  let session: DevSession;
  let browser: Browser;
  let page: Page;
  const pathFile = () => path.join(tmp, 'spec', 'paths', 'v2_apps_{appId}.yaml');

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'spec-tools-browser-test-'));
    cpSync(path.join(fixturesDir, 'dev-spec'), path.join(tmp, 'spec'), { recursive: true });
    const bundleDir = path.join(tmp, 'spec', 'dist');
    session = await startDev({
      specDir: path.join(tmp, 'spec'),
      entry: path.join(tmp, 'spec', 'openapi.yaml'),
      bundleDir,
      docsCommand: [
        process.execPath,
        path.join(fixturesDir, 'fake-docs-build.mjs'),
        path.join(bundleDir, 'openapi.json'),
        path.join(tmp, 'site'),
      ],
      docsDist: path.join(tmp, 'site'),
      docsPort: 0,
      cwd: tmp,
      displayRoot: tmp,
      debounceMs: 50,
      log: () => undefined,
    });
    expect((await session.lastBuild()).ok).toBe(true);
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
    page = await browser.newPage();
    await page.goto(session.docsUrl!);
  });

  afterAll(async () => {
    await browser?.close();
    await session?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('reloads the open page after a save', async () => {
    await expect.poll(() => page.textContent('body')).toContain('Get App');
    // A marker on the window disappears only when the page really reloads.
    await page.evaluate(() => {
      (window as any).__beforeSave = true;
    });
    const next = session.nextBuild();
    writeFileSync(
      pathFile(),
      readFileSync(pathFile(), 'utf8').replace('summary: Get App', 'summary: Read App'),
    );
    expect((await next).ok).toBe(true);
    await expect.poll(() => page.textContent('body'), { timeout: 10_000 }).toContain('Read App');
    expect(await page.evaluate(() => (window as any).__beforeSave)).toBeUndefined();
  });

  it('shows the error of a broken save in a banner and keeps the page', async () => {
    const next = session.nextBuild();
    writeFileSync(pathFile(), 'get:\n  summary: [Broken\n');
    expect((await next).ok).toBe(false);
    const banner = page.locator('#__spec-dev-error');
    await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toContain('v2_apps_{appId}.yaml');
    expect(await page.textContent('ul')).toContain('Read App');
  });

  it('removes the banner once the spec is fixed', async () => {
    const next = session.nextBuild();
    cpSync(path.join(fixturesDir, 'dev-spec', 'paths', 'v2_apps_{appId}.yaml'), pathFile());
    expect((await next).ok).toBe(true);
    await expect.poll(() => page.textContent('body'), { timeout: 10_000 }).toContain('Get App');
    await expect.poll(() => page.locator('#__spec-dev-error').count()).toBe(0);
  });
});
