// Guide pages: Markdown files in content/guides, rendered into the shared layout.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Marked } from 'marked';
import { highlight } from './highlight.mjs';
import { escapeHtml, page } from './layout.mjs';
import { tagSlug } from './samples.mjs';

const marked = new Marked({
  gfm: true,
  renderer: {
    code({ text, lang }) {
      const language = (lang ?? '').split(/\s/)[0];
      const label = language ? ` data-lang="${escapeHtml(language)}"` : '';
      return `<pre${label}><code>${highlight(text, language)}</code></pre>\n`;
    },
  },
});

function slugify(text) {
  return text
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Markdown to HTML, with ids on h2/h3 so sections can be linked. */
export function renderMarkdown(markdown) {
  const html = marked.parse(markdown);
  return html.replace(/<h([23])>(.*?)<\/h\1>/g, (_, level, inner) => {
    const id = slugify(inner);
    return `<h${level} id="${id}"><a class="docs-anchor" href="#${id}" aria-hidden="true">#</a>${inner}</h${level}>`;
  });
}

/**
 * Reads `NN-slug.md` files in order. The first `# ` line is the title; `{{TOKENS}}` are replaced from `vars`.
 * @returns {{ slug: string, title: string, markdown: string }[]}
 */
export function readGuides(dir, vars = {}) {
  return readdirSync(dir)
    .filter((name) => /^\d+-[\w-]+\.md$/.test(name))
    .sort()
    .map((name) => {
      const raw = readFileSync(path.join(dir, name), 'utf8');
      const markdown = raw.replace(/\{\{(\w+)\}\}/g, (match, key) =>
        key in vars ? String(vars[key]) : match,
      );
      const title = /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim() ?? name;
      const blurb = /\n\n([^#\n`<|-][^\n]+)/.exec(markdown)?.[1]?.replace(/[`*_[\]]|\(.*?\)/g, '') ?? '';
      return { slug: name.replace(/^\d+-/, '').replace(/\.md$/, ''), title, markdown, blurb };
    });
}

/** The client's changelog (written by changesets), if there is one yet. */
export function readChangelog(file) {
  if (!existsSync(file)) return undefined;
  const markdown = readFileSync(file, 'utf8');
  // changesets titles the file with the package name; the page has its own title.
  const body = markdown.replace(/^#\s+.*\n/, '');
  return {
    slug: 'changelog',
    title: 'Changelog',
    markdown: `# Changelog\n\nReleases of \`@sunshine-openapi/client\`, newest first.\n\n${body}`,
  };
}

/** HTML for every guide page, keyed by file name under dist/guides. */
export function renderGuidePages(guides, { changelog }) {
  const nav = guides.map(({ slug, title }) => ({ slug, title }));
  if (changelog) nav.push({ slug: changelog.slug, title: changelog.title });
  const files = {};
  for (const guide of changelog ? [...guides, changelog] : guides) {
    files[`${guide.slug}.html`] = page({
      title: guide.title,
      description: guide.blurb || guide.title,
      depth: 1,
      current: guide.slug === 'changelog' ? 'changelog' : 'guides',
      hasChangelog: Boolean(changelog),
      guides: nav,
      activeSlug: guide.slug,
      body: `<article class="prose">${renderMarkdown(guide.markdown)}</article>`,
    });
  }
  return files;
}

/** The home page: what this is, where to start, and the reference grouped by tag. */
export function renderHome({ guides, changelog, operations, title, version, tagOrder = [] }) {
  const byTag = new Map(tagOrder.map((tag) => [tag, []]));
  for (const op of operations) {
    const tag = op.operation.tags?.[0] ?? 'Other';
    if (!byTag.has(tag)) byTag.set(tag, []);
    byTag.get(tag).push(op);
  }
  const cards = guides
    .map(
      (g) =>
        `<a class="docs-card" href="guides/${g.slug}.html"><span class="docs-card-title">${escapeHtml(g.title)}</span><span class="docs-card-text">${escapeHtml(g.blurb ?? '')}</span></a>`,
    )
    .join('\n');
  const tags = [...byTag.entries()]
    .filter(([, ops]) => ops.length > 0)
    .map(
      ([tag, ops]) =>
        `<li><a href="reference/index.html#/${tagSlug(tag)}">${escapeHtml(tag)}</a> <span class="docs-count">${ops.length}</span></li>`,
    )
    .join('');
  const body = `<section class="docs-hero">
<h1>${escapeHtml(title)}</h1>
<p class="docs-lead">Messaging between your business and your customers on every channel: apps, users, conversations,
messages, integrations and webhooks. Version ${escapeHtml(version)}, ${operations.length} operations, one typed
TypeScript client, and code samples that are compiled and run against a mock of the API in CI.</p>
<p class="docs-hero-actions"><a class="docs-button docs-primary" href="guides/getting-started.html">Get started</a>
<a class="docs-button" href="reference/index.html">Browse the API reference</a></p>
</section>
<h2>Guides</h2>
<div class="docs-cards">
${cards}
${changelog ? '<a class="docs-card" href="guides/changelog.html"><span class="docs-card-title">Changelog</span><span class="docs-card-text">What changed in each release of the client.</span></a>' : ''}
</div>
<h2>Reference by area</h2>
<ul class="tag-list">${tags}</ul>`;
  return page({ title: 'Home', depth: 0, current: 'home', hasChangelog: Boolean(changelog), body });
}
