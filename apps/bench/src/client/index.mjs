// (3) Client overhead per call, with tinybench: raw fetch, bare openapi-fetch and our client,
// (a) against a fetch stub that resolves immediately and (b) against a node:http server on 127.0.0.1.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import * as fmt from '../lib/format.mjs';
import { cpuProfileTop, killGroup, profileLines } from '../lib/process.mjs';
import { median, percentile } from '../lib/stats.mjs';
import { bareOpenapiFetch, ourClient, rawFetch } from './contenders.mjs';
import { stubFetch } from './stub.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SETTINGS = {
  full: { rounds: 4, stubTime: 800, serverTime: 1200 },
  quick: { rounds: 1, stubTime: 200, serverTime: 300 },
};
const MAX_STUB_SLOWDOWN = 0.1; // ours within 10% of bare openapi-fetch (ops/s)
const MAX_ROUND_TRIP_DIFF = 0.05; // "indistinguishable": medians within 5%

function startServer() {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(here, 'server.mjs')], {
      stdio: ['pipe', 'pipe', 'inherit'],
      detached: true,
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /^(\d+)\n/.exec(out);
      if (match) resolvePromise({ child, port: Number(match[1]) });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`bench server exited early (${code})`)));
  });
}

/** Runs the contenders for several rounds (rotating order) and returns per-round stats and all samples. */
async function measure(contenders, { rounds, time }) {
  const names = Object.keys(contenders);
  const perRound = Object.fromEntries(names.map((name) => [name, []]));
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time, warmupTime: Math.min(300, time), retainSamples: true, throws: true });
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) bench.add(name, contenders[name]);
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== 'completed')
        throw new Error(`${task.name}: ${result.error?.message ?? result.state}`);
      perRound[task.name].push({ opsPerS: 1000 / result.period, p50: result.latency.p50 });
      samples[task.name].push(...(result.latency.samples ?? []));
    }
  }
  return { perRound, samples };
}

export async function benchClient({ quick, log }) {
  const settings = SETTINGS[quick ? 'quick' : 'full'];
  const rows = [];
  const notes = [];
  let oursMissing = null;

  // (a) stub
  const stubBase = 'https://api.smooch.io';
  const stubContenders = {
    'raw fetch': rawFetch(stubBase, stubFetch),
    'bare openapi-fetch': bareOpenapiFetch(stubBase, stubFetch),
  };
  try {
    stubContenders.ours = await ourClient(stubBase, stubFetch);
    await stubContenders.ours();
  } catch (error) {
    oursMissing = error.message;
    delete stubContenders.ours;
  }
  const stub = await measure(stubContenders, { rounds: settings.rounds, time: settings.stubTime });
  const stubOps = (name) => median(stub.perRound[name].map((r) => r.opsPerS));
  log(
    `client stub: ${Object.keys(stubContenders)
      .map((name) => `${name} ${fmt.ops(stubOps(name))}`)
      .join(', ')}`,
  );
  let stubMissed = false;
  if (stubContenders.ours) {
    // Ratio per round (same round = same machine state), then the median across rounds.
    const ratios = stub.perRound.ours.map(
      (r, i) => r.opsPerS / stub.perRound['bare openapi-fetch'][i].opsPerS,
    );
    const r = median(ratios);
    stubMissed = r < 1 - MAX_STUB_SLOWDOWN;
    rows.push({
      measurement: 'Client overhead (a): fetch stub, GET /v2/apps/{appId}',
      ours: `${fmt.ops(stubOps('ours'))}`,
      reference: `bare openapi-fetch ${fmt.ops(stubOps('bare openapi-fetch'))} · raw fetch ${fmt.ops(stubOps('raw fetch'))}`,
      ratio: `${fmt.ratio(r)} of openapi-fetch ops/s (${fmt.signedMs(1000 / stubOps('ours') - 1000 / stubOps('bare openapi-fetch'))} per call)`,
      target: 'within 10% of bare openapi-fetch',
      status: stubMissed ? '**missed**' : 'met',
    });
  } else {
    rows.push({
      measurement: 'Client overhead (a): fetch stub, GET /v2/apps/{appId}',
      ours: 'not measured',
      reference: `bare openapi-fetch ${fmt.ops(stubOps('bare openapi-fetch'))} · raw fetch ${fmt.ops(stubOps('raw fetch'))}`,
      ratio: '—',
      target: 'within 10% of bare openapi-fetch',
      status: `not measured: ${oursMissing}`,
    });
  }

  // (b) local server
  const { child, port } = await startServer();
  try {
    const base = `http://127.0.0.1:${port}`;
    const serverContenders = {
      'raw fetch': rawFetch(base, globalThis.fetch),
      'bare openapi-fetch': bareOpenapiFetch(base, globalThis.fetch),
    };
    if (!oursMissing) serverContenders.ours = await ourClient(base, globalThis.fetch);
    const server = await measure(serverContenders, { rounds: settings.rounds, time: settings.serverTime });
    const stat = (name) => ({ p50: median(server.samples[name]), p99: percentile(server.samples[name], 99) });
    const describe = (name) => `median ${fmt.ms(stat(name).p50)} · p99 ${fmt.ms(stat(name).p99)}`;
    log(
      `client server: ${Object.keys(serverContenders)
        .map((name) => `${name} ${describe(name)}`)
        .join(', ')}`,
    );
    if (serverContenders.ours) {
      const diff = stat('ours').p50 / stat('bare openapi-fetch').p50 - 1;
      const p99diff = stat('ours').p99 / stat('bare openapi-fetch').p99 - 1;
      const missed = Math.abs(diff) > MAX_ROUND_TRIP_DIFF;
      rows.push({
        measurement: 'Client overhead (b): node:http on 127.0.0.1, GET /v2/apps/{appId}',
        ours: describe('ours'),
        reference: `bare openapi-fetch ${describe('bare openapi-fetch')} · raw fetch ${describe('raw fetch')}`,
        ratio: `median ${fmt.percent(diff)} · p99 ${fmt.percent(p99diff)} vs openapi-fetch`,
        target: `indistinguishable from bare openapi-fetch (medians within ${MAX_ROUND_TRIP_DIFF * 100}%)`,
        status: missed ? '**missed**' : 'met',
      });
      if (missed) {
        notes.push(
          `Client round trip: ours differs from bare openapi-fetch by ${fmt.percent(diff)} at the median; ` +
            'see the stub profile below for where our per-call time goes.',
        );
      }
    } else {
      rows.push({
        measurement: 'Client overhead (b): node:http on 127.0.0.1, GET /v2/apps/{appId}',
        ours: 'not measured',
        reference: `bare openapi-fetch ${describe('bare openapi-fetch')} · raw fetch ${describe('raw fetch')}`,
        ratio: '—',
        target: `indistinguishable from bare openapi-fetch (medians within ${MAX_ROUND_TRIP_DIFF * 100}%)`,
        status: `not measured: ${oursMissing}`,
      });
    }
  } finally {
    child.stdin.end();
    setTimeout(() => killGroup(child), 2000).unref();
  }

  notes.push(
    `Client: tinybench, ${settings.rounds} round(s) with the order rotated; (a) ops/s = 1000 / mean latency per ` +
      'round, ratio = median of per-round ratios; (b) median and p99 over all samples of all rounds, server in a ' +
      'child process, keep-alive fetch (undici). Every call builds a Request, awaits the response and parses JSON.',
  );
  if (stubContenders.ours && (stubMissed || rows.at(-1).status === '**missed**')) {
    log('client: profiling ours against the stub');
    const top = await cpuProfileTop(join(here, 'profile-stub.mjs'), [quick ? '1000' : '3000'], {
      attribute: '@sunshine-openapi/client',
    });
    notes.push(
      'Client overhead target missed — CPU profile of ours against the stub (top self time):',
      ...profileLines(top),
    );
  }
  return { rows, notes };
}
