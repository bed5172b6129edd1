// The HTML shell shared by the home page and the guides: header, guide navigation, stylesheet.

export function escapeHtml(text) {
  return String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );
}

/** Relative prefix from a page at `depth` folders below the site root back to the root. */
export function rootPrefix(depth) {
  return depth === 0 ? './' : '../'.repeat(depth);
}

/** The top bar on every page, the reference included. `current` is 'home' | 'guides' | 'reference' | 'changelog'. */
export function siteHeader({ depth, current, hasChangelog }) {
  const root = rootPrefix(depth);
  const link = (href, label, key) =>
    `<a href="${root}${href}"${current === key ? ' aria-current="page"' : ''}>${label}</a>`;
  const links = [
    link('guides/getting-started.html', 'Guides', 'guides'),
    link('reference/index.html', 'API reference', 'reference'),
    hasChangelog ? link('guides/changelog.html', 'Changelog', 'changelog') : '',
  ].join('');
  return `<header class="site-header">
  <a class="docs-brand" href="${root}index.html" aria-label="Sunshine Conversations: home"><span class="docs-brand-mark" aria-hidden="true"></span><span class="docs-brand-text">Sunshine Conversations</span></a>
  <nav class="site-links" aria-label="Site">${links}</nav>
</header>`;
}

/** A complete guide-style page. `guides` is the ordered list of { slug, title } for the side navigation. */
export function page({ title, depth, current, hasChangelog, guides, activeSlug, body, description }) {
  const root = rootPrefix(depth);
  const sideNav = guides
    ? `<nav class="guide-nav" aria-label="Guides"><p class="guide-nav-title">Guides</p><ul>${guides
        .map(
          (g) =>
            `<li><a href="${root}guides/${g.slug}.html"${g.slug === activeSlug ? ' aria-current="page"' : ''}>${escapeHtml(g.title)}</a></li>`,
        )
        .join(
          '',
        )}</ul><p class="guide-nav-title">Reference</p><ul><li><a href="${root}reference/index.html">All operations</a></li></ul></nav>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Sunshine Conversations API</title>
<meta name="description" content="${escapeHtml(description ?? title)}">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${root}assets/site.css">
</head>
<body class="${guides ? 'guide-page' : 'home-page'}">
${siteHeader({ depth, current, hasChangelog })}
<div class="docs-layout">
${sideNav}
<main class="docs-content">
${body}
</main>
</div>
<footer class="site-footer">Built from the OpenAPI spec in this repository. The samples in the API reference are compiled and run against a mock of the API in CI; the code in the guides is type-checked.</footer>
</body>
</html>
`;
}
