#!/usr/bin/env node
// Builds the docs site into dist/: the Redoc API reference (with tested code samples added to every
// operation), the guides and the home page. Nothing under spec/ is written. Everything is produced in
// temporary folders first and renamed into place, so a failed build never leaves half a site behind.
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { readChangelog, readGuides, renderGuidePages, renderHome } from '../src/guides.mjs';
import { siteHeader } from '../src/layout.mjs';
import { externalFetches, externalImagesInSpec, makeOffline, runBuildDocs } from '../src/reference.mjs';
import {
  buildSamples,
  DEFAULT_BASE_URL,
  referenceLink,
  SAMPLE_HEADER,
  withCodeSamples,
} from '../src/samples.mjs';
import { DocsInputError, listOperations, loadSpec, specPath } from '../src/spec.mjs';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.join(packageDir, 'dist');
const generatedDir = path.join(packageDir, 'generated');
const samplesDir = path.join(generatedDir, 'samples');
const guideSnippetsDir = path.join(generatedDir, 'guides');
const changelogFile = path.resolve(packageDir, '../../packages/client/CHANGELOG.md');

/** Replaces `finalDir` with the fully written `tempDir` in one rename. */
function swapInto(tempDir, finalDir) {
  const old = `${finalDir}.old-${process.pid}`;
  if (existsSync(finalDir)) renameSync(finalDir, old);
  renameSync(tempDir, finalDir);
  rmSync(old, { recursive: true, force: true });
}

function writeSamples(samples) {
  const temp = `${samplesDir}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  const index = [];
  for (const sample of samples) {
    writeFileSync(path.join(temp, `${sample.operationId}.ts`), SAMPLE_HEADER + sample.typescript);
    index.push({
      operationId: sample.operationId,
      functionName: sample.functionName,
      method: sample.method,
      route: sample.route,
      auth: sample.auth,
      file: `${sample.operationId}.ts`,
    });
  }
  writeFileSync(path.join(temp, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  mkdirSync(generatedDir, { recursive: true });
  swapInto(temp, samplesDir);
}

/** Markdown list of the operations that take a `page` query parameter, linked to the reference. */
function paginatedOperationsList(operations) {
  const lines = operations
    .filter((op) =>
      op.parameters.some((p) => p.in === 'query' && (p.name === 'page' || p.name.startsWith('page['))),
    )
    .map(
      (op) => `- [${op.operation.summary ?? op.operationId}](${referenceLink(op)}): \`${op.operationId}\``,
    );
  return lines.length > 0 ? lines.join('\n') : '- (none in this version)';
}

/**
 * The TypeScript blocks of the guides, as files next to the samples, so that `pnpm test` type-checks the
 * guides' code against the client as well.
 */
function writeGuideSnippets(guides) {
  const temp = `${guideSnippetsDir}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  for (const guide of guides) {
    let n = 0;
    for (const match of guide.markdown.matchAll(/```ts\n([\s\S]*?)```/g)) {
      n += 1;
      const code =
        match[1].includes('import ') || match[1].includes('export ') ? match[1] : `${match[1]}export {};\n`;
      writeFileSync(
        path.join(temp, `${guide.slug}-${n}.ts`),
        `${SAMPLE_HEADER.replace('bundled spec', `guide ${guide.slug}`)}${code}`,
      );
    }
  }
  swapInto(temp, guideSnippetsDir);
}

function main() {
  const started = Date.now();
  const source = specPath();
  const doc = loadSpec(source);
  const operations = listOperations(doc);
  if (operations.length === 0)
    throw new DocsInputError(`${source} has no operations under "paths": nothing to document`);

  const samples = buildSamples(doc);

  const temp = `${distDir}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(path.join(temp, 'reference'), { recursive: true });
  mkdirSync(path.join(temp, 'guides'), { recursive: true });
  try {
    const changelog = readChangelog(changelogFile);
    const hasChangelog = Boolean(changelog);

    // The reference: spec + x-codeSamples → Redoc, then stripped of everything it would fetch outside.
    const augmented = withCodeSamples(doc, samples);
    const specWithSamples = path.join(temp, 'reference', 'openapi.yaml');
    writeFileSync(specWithSamples, stringify(augmented, { lineWidth: 0 }));
    const title = `${doc.info?.title ?? 'API'} reference`;
    const raw = runBuildDocs({
      specFile: specWithSamples,
      outFile: path.join(temp, 'reference', 'redoc.html'),
      title,
    });
    rmSync(path.join(temp, 'reference', 'redoc.html'));
    const html = makeOffline(raw, {
      stylesheetHref: '../assets/site.css',
      headerHtml: siteHeader({ depth: 1, current: 'reference', hasChangelog }),
    });
    const leaks = [...externalFetches(html), ...externalImagesInSpec(doc)];
    if (leaks.length > 0) {
      throw new Error(`the reference page would load from outside hosts: ${leaks.slice(0, 3).join(', ')}`);
    }
    writeFileSync(path.join(temp, 'reference', 'index.html'), html);

    // Guides and home page.
    const vars = {
      OPERATION_COUNT: operations.length,
      API_VERSION: doc.info?.version ?? '',
      DEFAULT_BASE_URL,
      PAGINATED_OPERATIONS: paginatedOperationsList(operations),
      CHANGELOG: hasChangelog ? '[changelog](changelog.html)' : 'changelog',
    };
    const guides = readGuides(path.join(packageDir, 'content', 'guides'), vars);
    for (const [name, content] of Object.entries(renderGuidePages(guides, { changelog }))) {
      writeFileSync(path.join(temp, 'guides', name), content);
    }
    writeFileSync(
      path.join(temp, 'index.html'),
      renderHome({
        guides,
        changelog,
        operations,
        title: doc.info?.title ?? 'API documentation',
        version: doc.info?.version ?? '',
        tagOrder: (doc.tags ?? []).map((tag) => tag?.name).filter(Boolean),
      }),
    );
    cpSync(path.join(packageDir, 'content', 'assets'), path.join(temp, 'assets'), { recursive: true });
    for (const file of [
      'index.html',
      ...Object.keys(renderGuidePages(guides, { changelog })).map((n) => `guides/${n}`),
    ]) {
      const leaksInPage = externalFetches(readFileSync(path.join(temp, file), 'utf8'));
      if (leaksInPage.length > 0) throw new Error(`${file} would load from outside hosts: ${leaksInPage[0]}`);
    }
    // The samples and guide snippets that the tests check go in place together with the site.
    writeSamples(samples);
    writeGuideSnippets(guides);
    swapInto(temp, distDir);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `docs: ${operations.length} operation${operations.length === 1 ? '' : 's'} with TypeScript and curl samples from ${path.relative(process.cwd(), source) || source} → dist/ in ${seconds}s`,
  );
}

try {
  main();
} catch (error) {
  const message = error instanceof DocsInputError ? error.message : `build failed: ${error.message}`;
  console.error(`docs: ${message}`);
  process.exit(1);
}
