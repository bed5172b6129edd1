// Examples must not carry anything that looks like a real credential: values under secret-ish keys
// (secret, password, *token, *apiKey, *privateKey, ...) must be placeholders such as `<app-secret>` (or
// contain one, as in `Bearer <token>`),
// and no value anywhere may look like a JWT, a private key, a filled Basic/Bearer header or a
// well-known vendor key format.
const SENSITIVE_ANYWHERE = /(secret|password|passwd|passphrase|credential)/;
const SENSITIVE_SUFFIX =
  /(token|apikey|privatekey|serverkey|accesskey|signingkey|tokenkey|certificate|authorization)$/;
const PLACEHOLDER =
  /^$|<[^<>]+>|^\{\{[^{}]+\}\}$|^\$\{[^{}]+\}$|\.\.\.|…|^[x*•#]{3,}$|^(your|my|example|sample|dummy|fake|placeholder|redacted|changeme|replace)([\s_-]|$)/i;
const CREDENTIAL_PATTERNS = [
  ['a JWT', /eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/],
  ['a private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['a Basic auth header', /^Basic\s+[A-Za-z0-9+/=]{12,}$/],
  ['a Bearer token', /^Bearer\s+[A-Za-z0-9._~+/=-]{16,}$/],
  ['an AWS access key', /\bAKIA[0-9A-Z]{16}\b/],
  ['a Slack token', /\bxox[abprs]-[A-Za-z0-9-]{10,}/],
  ['a live Stripe key', /\b[sr]k_live_[A-Za-z0-9]{16,}/],
  ['a GitHub token', /\bgh[pousr]_[A-Za-z0-9]{36}\b/],
  ['a Google API key', /\bAIza[0-9A-Za-z_-]{35}\b/],
];

export function isSensitiveKey(key) {
  const k = String(key)
    .toLowerCase()
    .replace(/[-_\s]/g, '');
  return SENSITIVE_ANYWHERE.test(k) || SENSITIVE_SUFFIX.test(k);
}

function findings(value, path, key, out) {
  if (typeof value === 'string') {
    for (const [what, pattern] of CREDENTIAL_PATTERNS) {
      if (pattern.test(value)) {
        out.push({ path, message: `Example value looks like ${what}: use a placeholder such as "<token>".` });
        return out;
      }
    }
    if (key !== undefined && isSensitiveKey(key) && !PLACEHOLDER.test(value.trim())) {
      out.push({
        path,
        message: `Example value of "${key}" looks like a real credential: use a placeholder such as "<${key}>".`,
      });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      findings(item, [...path, i], key, out);
    });
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) findings(v, [...path, k], k, out);
  }
  return out;
}

function check(value, basePath, ctx, key) {
  if (value === undefined) return;
  for (const f of findings(value, basePath, key, [])) {
    ctx.report({ message: f.message, location: ctx.location.child(f.path) });
  }
}

export function CredentialFreeExamples() {
  return {
    Example: {
      enter(example, ctx) {
        check(example.value, ['value'], ctx);
      },
    },
    MediaType: {
      enter(media, ctx) {
        check(media.example, ['example'], ctx);
      },
    },
    Parameter: {
      enter(param, ctx) {
        check(param.example, ['example'], ctx, param.name);
      },
    },
    Schema: {
      enter(schema, ctx) {
        // A property schema's key is the property name, which tells whether its example is sensitive.
        const key = typeof ctx.key === 'string' ? ctx.key : undefined;
        check(schema.example, ['example'], ctx, key);
        check(schema.examples, ['examples'], ctx, key);
      },
    },
  };
}
