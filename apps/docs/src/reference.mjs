// The API reference page: Redoc via `redocly build-docs --inlineBundle`, then made fully offline.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Redoc options: tabs for our tested samples only (no untested generated snippets), no telemetry. */
export const REDOC_OPTIONS = {
  codeSamples: {
    languages: [
      { lang: 'TypeScript', label: 'TypeScript' },
      { lang: 'curl', label: 'curl' },
    ],
  },
  hideDownloadButtons: false,
  jsonSamplesExpandLevel: 3,
  sortRequiredPropsFirst: true,
  disableTelemetry: true,
  // Height of our site header (site.css --header-h), so links scroll the target below it.
  scrollYOffset: 56,
};

function redoclyBin() {
  const pkg = require.resolve('@redocly/cli/package.json');
  return path.join(path.dirname(pkg), 'bin', 'cli.js');
}

/** Runs redocly build-docs; throws with Redocly's own message when it fails. */
export function runBuildDocs({ specFile, outFile, title }) {
  const result = spawnSync(
    process.execPath,
    [
      redoclyBin(),
      'build-docs',
      specFile,
      '--inlineBundle',
      '--output',
      outFile,
      '--title',
      title,
      '--openapi',
      JSON.stringify(REDOC_OPTIONS),
      '--lint-config',
      'off',
    ],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
        NO_COLOR: '1',
      },
    },
  );
  if (result.status !== 0) {
    const detail = `${result.stderr}\n${result.stdout}`
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !/[╔╚║═]/.test(line))
      .slice(-3)
      .join(' ');
    throw new Error(`redocly build-docs failed for ${specFile}: ${detail}`);
  }
  return readFileSync(outFile, 'utf8');
}

// Redocly's attribution badge in the sidebar shows a logo from their CDN. We swap the image for an
// empty inline SVG and hide the badge with CSS (see site.css), so the page requests nothing outside.
const BLANK_SVG = 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E';
// The bundle also names an icon CDN and a telemetry endpoint; neither is used with our options, and we
// neutralise them so that no later option change can make the page reach out.
const OUTSIDE_ASSETS = [
  [/https:\/\/cdn\.redoc\.ly\/redoc\/[\w.-]+\.svg/g, BLANK_SVG],
  [/https:\/\/cdn\.redocly\.com\/icons\/[\w./-]+/g, 'data:,'],
  [/https:\/\/otel\.[\w.-]+\/v1\/traces/g, 'data:,'],
];

/** Removes what Redoc would fetch from outside and adds our stylesheet and site header. */
export function makeOffline(html, { stylesheetHref, headerHtml }) {
  let out = html;
  for (const [pattern, replacement] of OUTSIDE_ASSETS) out = out.replace(pattern, replacement);
  const head = `<link rel="stylesheet" href="${stylesheetHref}">\n<link rel="icon" href="data:,">\n`;
  out = out.replace('</head>', `${head}</head>`);
  out = out.replace(/<body([^>]*)>/, `<body$1 class="reference-page">\n${headerHtml}\n`);
  return out;
}

/**
 * URLs in an HTML page that a browser would fetch by itself: src/srcset, <link href>, CSS url()
 * and @import, and CDN hosts anywhere (even inside scripts). Plain links (<a href>) and strings such as
 * XML namespaces are not fetched and are ignored.
 */
export function externalFetches(html) {
  const found = new Set();
  const url = String.raw`((?:https?:)?\/\/[^"'\s>)\x60]+)`;
  const patterns = [
    new RegExp(String.raw`\b(?:src|srcset|poster|data)\s*=\s*["']?\s*` + url, 'gi'),
    new RegExp(String.raw`<link\b[^>]*\bhref\s*=\s*["']?` + url, 'gi'),
    new RegExp(String.raw`url\(\s*["']?` + url, 'gi'),
    new RegExp(String.raw`@import\s+["']` + url, 'gi'),
    /(https?:\/\/(?:cdn\.[\w.-]+|fonts\.(?:googleapis|gstatic)\.com|unpkg\.com|[\w.-]*jsdelivr\.net|otel\.[\w.-]+)[^\s"'`)]*)/gi,
  ];
  for (const pattern of patterns) {
    for (const match of html.matchAll(pattern))
      found.add(match[1].replace(/^\/\//, 'https://').slice(0, 160));
  }
  return [...found];
}

/**
 * Images in the spec's Markdown (descriptions) that point at other hosts: Redoc would load them when the
 * section scrolls into view, so the static check of the page alone would miss them.
 */
export function externalImagesInSpec(doc) {
  const found = new Set();
  const walk = (value) => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(/!\[[^\]]*\]\(\s*<?((?:https?:)?\/\/[^)\s>]+)/g))
        found.add(match[1]);
      for (const match of value.matchAll(/<img\b[^>]*\bsrc\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi))
        found.add(match[1]);
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        // Examples are shown as text, never loaded; x-logo is loaded, so it is checked like the rest.
        if (key !== 'example' && key !== 'examples') walk(inner);
      }
    }
  };
  walk(doc);
  const logo = doc?.info?.['x-logo']?.url;
  if (typeof logo === 'string' && /^(https?:)?\/\//.test(logo)) found.add(logo);
  return [...found];
}

export function writeReference(file, html) {
  writeFileSync(file, html);
}
