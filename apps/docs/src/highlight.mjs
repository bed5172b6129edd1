// A small syntax highlighter for the guides' code blocks (TypeScript, shell, JSON): comments, strings,
// keywords and numbers get a class; everything else stays plain text. No runtime script is needed.
import { escapeHtml } from './layout.mjs';

const KEYWORDS = new Set(
  'import export from const let var await async function return if else for of in while do try catch finally throw new typeof instanceof true false null undefined'.split(
    ' ',
  ),
);

const RULES = {
  ts: [
    ['comment', /\/\/[^\n]*|\/\*[\s\S]*?\*\//y],
    ['string', /'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/y],
    ['number', /\b\d[\d_]*(?:\.\d+)?\b/y],
    ['word', /[A-Za-z_$][\w$]*/y],
  ],
  sh: [
    ['comment', /(?<=^|\s)#[^\n]*/y],
    ['string', /'[^']*'|"(?:\\.|[^"\\])*"/y],
    ['word', /[A-Za-z_][\w-]*/y],
  ],
  json: [
    ['key', /"(?:\\.|[^"\\])*"(?=\s*:)/y],
    ['string', /"(?:\\.|[^"\\])*"/y],
    ['number', /-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b/y],
    ['word', /[a-z]+/y],
  ],
};
const ALIASES = { typescript: 'ts', js: 'ts', javascript: 'ts', shell: 'sh', bash: 'sh', console: 'sh' };

/** HTML for `code` in `lang`; unknown languages are escaped only. */
export function highlight(code, lang) {
  const rules = RULES[ALIASES[lang] ?? lang];
  if (!rules) return escapeHtml(code);
  let out = '';
  let plain = '';
  let i = 0;
  const flush = () => {
    out += escapeHtml(plain);
    plain = '';
  };
  while (i < code.length) {
    let matched = false;
    for (const [kind, pattern] of rules) {
      pattern.lastIndex = i;
      const match = pattern.exec(code);
      if (!match || match[0].length === 0) continue;
      const text = match[0];
      const cls = kind === 'word' ? (isKeyword(text, lang) ? 'keyword' : undefined) : kind;
      if (cls) {
        flush();
        out += `<span class="hl-${cls}">${escapeHtml(text)}</span>`;
      } else {
        plain += text;
      }
      i += text.length;
      matched = true;
      break;
    }
    if (!matched) {
      plain += code[i];
      i += 1;
    }
  }
  flush();
  return out;
}

function isKeyword(word, lang) {
  if ((ALIASES[lang] ?? lang) === 'sh') return ['curl', 'npm', 'pnpm', 'npx', 'export'].includes(word);
  if ((ALIASES[lang] ?? lang) === 'json') return ['true', 'false', 'null'].includes(word);
  return KEYWORDS.has(word);
}
