import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isScalar, parseDocument } from 'yaml';
import { snapshotPath } from '../diff/base.js';
import { readJson, UserError, writeFileAtomic } from '../io.js';

/** info.version as written in the spec's root file. */
export function readSpecVersion(specEntry: string): string | undefined {
  const doc = parseDocument(readFileSync(specEntry, 'utf8'));
  const v = doc.getIn(['info', 'version']);
  return v === undefined || v === null ? undefined : String(v);
}

/**
 * Sets info.version in the spec's root YAML file, editing only that value's text so comments and
 * layout stay as the designers wrote them. Returns true when the file changed.
 */
export function setSpecVersion(specEntry: string, version: string): boolean {
  const text = readFileSync(specEntry, 'utf8');
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new UserError(
      `${specEntry} is not valid YAML (${doc.errors[0]!.message.split('\n')[0]}); fix it first.`,
    );
  }
  const node = doc.getIn(['info', 'version'], true);
  if (!isScalar(node) || !node.range) {
    throw new UserError(`${specEntry} has no info.version; add \`version: ${version}\` under info.`);
  }
  if (String(node.value) === version) return false;
  const [start, end] = node.range;
  const quote = text[start] === '"' || text[start] === "'" ? text[start] : '';
  const next = `${text.slice(0, start)}${quote}${version}${quote}${text.slice(end)}`;
  writeFileAtomic(specEntry, next);
  return true;
}

/**
 * Stores the bundled spec as the snapshot of `version` (spec/releases/openapi-<version>.json), the
 * base spec:diff compares against. Refuses to overwrite a different snapshot unless `force`.
 */
export function storeSnapshot(opts: {
  bundledJson: string;
  releasesDir: string;
  version: string;
  force?: boolean;
}) {
  const { bundledJson, releasesDir, version } = opts;
  if (!existsSync(bundledJson)) {
    throw new UserError(
      `${bundledJson} not found; build the spec first (pnpm --filter @sunshine-openapi/spec build).`,
    );
  }
  const bundledVersion = readJson(bundledJson)?.info?.version;
  if (String(bundledVersion) !== version) {
    throw new UserError(
      `the bundled spec says info.version ${bundledVersion}, not ${version}; rebuild the spec after syncing the version.`,
    );
  }
  const target = snapshotPath(releasesDir, version);
  if (existsSync(target) && !opts.force) {
    if (readFileSync(target, 'utf8') === readFileSync(bundledJson, 'utf8'))
      return { file: target, changed: false };
    throw new UserError(
      `${path.basename(target)} already exists with other content; a released version is frozen — bump the version, or pass --force to replace an unpublished snapshot.`,
    );
  }
  mkdirSync(releasesDir, { recursive: true });
  writeFileAtomic(target, readFileSync(bundledJson, 'utf8'));
  return { file: target, changed: true };
}
