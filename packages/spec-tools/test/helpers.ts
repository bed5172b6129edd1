import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const testDir = path.dirname(fileURLToPath(import.meta.url));
export const fixturesDir = path.join(testDir, 'fixtures');

function wrap(part: any, version: string) {
  return { openapi: '3.1.0', info: { title: 'Fixture', version }, ...part };
}

/** A before/after pair from test/fixtures/diff/<name>.yaml, each wrapped into a full 3.1 document. */
export function loadPair(name: string, versions: [string, string] = ['1.0.0', '1.0.0']) {
  const raw = parse(readFileSync(path.join(fixturesDir, 'diff', `${name}.yaml`), 'utf8'));
  return { before: wrap(raw.before, versions[0]), after: wrap(raw.after, versions[1]) };
}

/** A port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Whether a process with this id still exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
