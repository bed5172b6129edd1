import type { TestProject } from 'vitest/node';
import { requireSpec } from '../src/paths.js';
import { childPids, type PrismServer, pidAlive, startPrism } from '../src/prism.js';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
    specPath: string;
    /** Pids of the guard and of Prism, so a test can check they are gone after a run. */
    prismPids: number[];
  }
}

let prism: PrismServer | undefined;

function killNow(): void {
  if (!prism) return;
  // Synchronous best effort: the guard kills Prism when it gets SIGTERM or when our pipe closes.
  try {
    process.kill(prism.guardPid, 'SIGTERM');
  } catch {}
}

/** Starts one Prism mock for the whole run and guarantees it is gone afterwards. */
export default async function setup(project: TestProject) {
  const spec = requireSpec();
  prism = await startPrism({ specPath: spec, mode: 'mock' });
  const guardPid = prism.guardPid;
  const prismPids = await childPids(guardPid);
  project.provide('prismUrl', prism.url);
  project.provide('specPath', prism.specPath);
  project.provide('prismPids', [guardPid, ...prismPids]);

  const onSignal = (signal: NodeJS.Signals) => {
    killNow();
    process.exitCode = signal === 'SIGINT' ? 130 : 143;
    // vitest shuts itself down on SIGINT; if it ever does not, our listener must not keep the process alive.
    setTimeout(() => process.exit(process.exitCode), 5000).unref();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', killNow);

  return async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', killNow);
    const crash = prism?.unexpectedExit();
    const log = prism?.log() ?? '';
    await prism?.stop();
    const survivors = [guardPid, ...prismPids].filter(pidAlive);
    prism = undefined;
    if (survivors.length > 0) {
      throw new Error(`Prism processes survived teardown: ${survivors.join(', ')}`);
    }
    if (crash) {
      const tail = log.split('\n').slice(-40).join('\n');
      throw new Error(`Prism stopped during the run (${crash}); its last lines:\n${tail}`);
    }
  };
}
