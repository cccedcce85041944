// Shared harness for the browser tests (citizen widget and editors).
//
// API (kept stable: other test files import it):
//   const h = await startHarness({ mounts })   -> { origin, browser, close() }
//       Serves the demo exactly as www/serve.mjs does (same handler, same CSP), on an ephemeral
//       loopback port, plus test-only mounts { prefix: absoluteDir } (default TEST_MOUNTS: tests/fixtures/www/
//       at /__test__/, tests/fixtures/ at /__fixtures__/). HTML from a test mount gets the strict CSP too.
//   const s = await openPage(h, path, { device: 'desktop' | 'phone', ...contextOptions })
//       -> { context, page, log, url }   log = { requests, consoleErrors, pageErrors, axeNoise, cookies() }
//       (the inline-style CSP reports axe-core itself causes while it scans go to log.axeNoise)
//   await axeScan(page, { include })       -> violations (array; each { id, impact, help, nodes })
//   formatViolations(violations)           -> readable string for assertion messages
//   await shot(page, name)                 -> path of a PNG in test-artifacts/
//   thirdPartyRequests(log, origin)        -> requests that did not go to origin
//   VIEWPORTS                              -> { desktop, phone } context options
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from '../../www/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 },
  phone: {
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    userAgent:
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36',
  },
};

export const TEST_MOUNTS = {
  '/__test__/': path.join(ROOT, 'tests/fixtures/www'),
  '/__fixtures__/': path.join(ROOT, 'tests/fixtures'),
};

/** Starts the demo server (with test mounts) and Chromium. */
export async function startHarness({ mounts = TEST_MOUNTS } = {}) {
  // The real demo server, so the tests see exactly what the demo serves, plus the test mounts.
  const server = createServer({ extraMounts: mounts });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return {
    origin,
    browser,
    server,
    async close() {
      await browser.close().catch(() => {});
      server.closeAllConnections?.();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** Opens `urlPath` in a fresh context, recording requests, console errors and page errors. */
export async function openPage(h, urlPath, { device = 'desktop', waitUntil = 'load', ...options } = {}) {
  const context = await h.browser.newContext({ ...VIEWPORTS[device], ...options });
  const page = await context.newPage();
  const log = {
    requests: [],
    consoleErrors: [],
    pageErrors: [],
    axeNoise: [],
    cookies: () => context.cookies(),
  };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    // Only what axe-core's probes cause (inline styles); any other CSP report is the page's own.
    if (axeBusy.has(page) && /inline style .*Content Security Policy directive 'style-src/.test(text)) log.axeNoise.push(text);
    else log.consoleErrors.push(text);
  });
  page.on('pageerror', (e) => log.pageErrors.push(String(e)));
  const url = new URL(urlPath, h.origin).href;
  await page.goto(url, { waitUntil });
  return { context, page, log, url };
}

let axeSource;
const axeBusy = new Set();
/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA) on the page, shadow roots included.
 * The pages are served with a strict CSP that forbids inline scripts, so axe is not added as a
 * <script> tag: page.evaluate runs it through the DevTools protocol, which CSP does not govern.
 * The page itself keeps its CSP for everything else.
 */
export async function axeScan(page, { include } = {}) {
  axeSource ??= fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  // axe-core's own probes (it tries inline styles) trip the page's CSP: those reports are not the page's.
  axeBusy.add(page);
  try {
    const loaded = await page.evaluate(() => typeof window.axe === 'object');
    if (!loaded) await page.evaluate(axeSource);
    return await runAxe(page, include);
  } finally {
    await page.waitForTimeout(50).catch(() => {});
    axeBusy.delete(page);
  }
}

function runAxe(page, include) {
  return page.evaluate(async (inc) => {
    const result = await window.axe.run(inc ? { include: inc } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
    }));
  }, include ?? null);
}

export function formatViolations(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.summary}`).join('\n')}`)
    .join('\n');
}

/** Saves a full-page screenshot into test-artifacts/ and returns its path. */
export async function shot(page, name) {
  const file = path.join(ARTIFACTS, `${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Requests that left the origin serving the page (data: and blob: URLs are local). */
export function thirdPartyRequests(log, origin) {
  return log.requests.filter((u) => !u.startsWith(origin + '/') && !/^(data|blob):/.test(u));
}
