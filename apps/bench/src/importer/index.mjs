// (1) Importer throughput: ours vs postman2openapi, same process and run, at 1×, 10× and 100× the collection.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countRequests, generateCollection, loadSourceCollection } from '../generate-collection.mjs';
import * as fmt from '../lib/format.mjs';
import { cpuProfileTop, profileLines, runNodeJson } from '../lib/process.mjs';
import { growthExponent, linearFit, median } from '../lib/stats.mjs';
import { CONVERTERS, fromText } from './converters.mjs';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'child.mjs');
const SIZES = [1, 10, 100];
// Repeated runs per size (full / --quick). 100× of postman2openapi takes seconds per run.
const RUNS = { full: { 1: 15, 10: 7, 100: 3 }, quick: { 1: 3, 10: 1, 100: 1 } };
const WARMUP = { full: { 1: 3, 10: 1, 100: 0 }, quick: { 1: 1, 10: 0, 100: 0 } };
const MAX_GROWTH_EXPONENT = 1.15;

const gc = globalThis.gc ?? (() => {});

function timeOnce(convert, text) {
  gc();
  const started = performance.now();
  const document = fromText(convert, text);
  const elapsed = performance.now() - started;
  return { elapsed, paths: Object.keys(document.paths ?? {}).length };
}

export async function benchImporter({ quick, log }) {
  const mode = quick ? 'quick' : 'full';
  const rows = [];
  const notes = [];
  const dir = mkdtempSync(join(tmpdir(), 'bench-collections-'));
  try {
    const source = loadSourceCollection();
    const inputs = SIZES.map((factor) => {
      const collection = generateCollection(source, factor);
      const text = `${JSON.stringify(collection, null, 2)}\n`;
      const file = join(dir, `collection-${factor}x.json`);
      writeFileSync(file, text);
      return { factor, file, bytes: Buffer.byteLength(text), requests: countRequests(collection) };
    });

    const loaded = {};
    const missing = {};
    for (const [name, converter] of Object.entries(CONVERTERS)) {
      try {
        loaded[name] = await converter.load();
      } catch (error) {
        missing[name] = error.message;
      }
    }

    const results = { ours: [], postman2openapi: [] };
    // Per size: ours/theirs time ratio of each iteration (both converters ran back to back).
    const spreads = [];
    for (const input of inputs) {
      const text = readFileSync(input.file, 'utf8');
      const names = Object.keys(loaded);
      const samples = Object.fromEntries(names.map((name) => [name, []]));
      const paths = {};
      for (let i = 0; i < WARMUP[mode][input.factor]; i++) {
        for (const name of names) timeOnce(loaded[name], text);
      }
      const runs = RUNS[mode][input.factor];
      const pairRatios = [];
      for (let i = 0; i < runs; i++) {
        // Alternate the order so neither converter always runs right after the other's garbage.
        const order = i % 2 ? [...names].reverse() : names;
        for (const name of order) {
          const { elapsed, paths: count } = timeOnce(loaded[name], text);
          samples[name].push(elapsed);
          paths[name] = count;
        }
        if (samples.ours && samples.postman2openapi) {
          pairRatios.push(samples.ours[i] / samples.postman2openapi[i]);
        }
      }
      spreads.push(pairRatios);
      for (const name of names) {
        const memory = await runNodeJson(CHILD, [name, input.file], {
          nodeArgs: ['--max-old-space-size=4096'],
          timeoutMs: 300_000,
        });
        const ms = median(samples[name]);
        results[name].push({
          ...input,
          ms,
          runs,
          mbPerS: input.bytes / 1e6 / (ms / 1000),
          peakRss: memory.peakRssBytes,
          extraRss: memory.peakRssBytes - memory.baselineRssBytes,
          paths: paths[name],
        });
        log(
          `importer ${input.factor}× ${name}: ${fmt.ms(ms)} (${runs} runs), peak ${fmt.mb(memory.peakRssBytes)}`,
        );
      }
    }

    const describe = (result) =>
      `${fmt.ms(result.ms)} · ${(result.mbPerS).toFixed(1)} MB/s · peak RSS ${fmt.mb(result.peakRss)}`;
    const missedSizes = [];
    inputs.forEach((input, index) => {
      const ours = results.ours[index];
      const other = results.postman2openapi[index];
      const label = `Importer ${input.factor}× (${fmt.mb(input.bytes)}, ${input.requests} requests)`;
      let status;
      let ratio = '—';
      if (!ours) status = `not measured: ${missing.ours}`;
      else if (!other) status = `not measured (reference): ${missing.postman2openapi}`;
      else {
        const r = ours.ms / other.ms;
        const pairs = spreads[index] ?? [];
        const range =
          pairs.length > 1
            ? `; per-run ratios ${Math.min(...pairs).toFixed(2)}–${Math.max(...pairs).toFixed(2)}, ` +
              `${pairs.filter((p) => p < 1).length}/${pairs.length} faster`
            : '';
        ratio = `${fmt.ratio(r)} time (${r < 1 ? `${fmt.ratio(1 / r, 1)} faster` : `${fmt.ratio(r, 1)} slower`}${range})`;
        status = r < 1 ? 'met' : '**missed**';
        if (r >= 1) missedSizes.push(input);
      }
      rows.push({
        measurement: label,
        ours: ours ? describe(ours) : 'not measured',
        reference: other ? describe(other) : 'not measured',
        ratio,
        target: 'faster than postman2openapi',
        status,
      });
    });

    let exponentMissed = false;
    if (results.ours.length === SIZES.length) {
      const fitSizes = (list) => {
        const xs = list.map((r) => r.bytes / 1e6);
        const ys = list.map((r) => r.ms);
        return { line: linearFit(xs, ys), exponent: growthExponent(xs, ys) };
      };
      const ours = fitSizes(results.ours);
      const other =
        results.postman2openapi.length === SIZES.length ? fitSizes(results.postman2openapi) : null;
      const describeFit = (f) =>
        `slope ${f.line.slope.toFixed(1)} ms/MB (R² ${f.line.r2.toFixed(3)}), growth exponent ${f.exponent.toFixed(2)}`;
      exponentMissed = ours.exponent > MAX_GROWTH_EXPONENT;
      rows.push({
        measurement: 'Importer scaling, time vs size (1×→100×)',
        ours: describeFit(ours),
        reference: other ? describeFit(other) : 'not measured',
        ratio: '—',
        target: `linear (exponent of t ∝ size^k ≤ ${MAX_GROWTH_EXPONENT})`,
        status: exponentMissed ? '**missed**' : 'met',
      });
      const perMb = (list) =>
        list.map((r) => `${r.factor}×: ${(r.ms / (r.bytes / 1e6)).toFixed(1)}`).join(', ');
      notes.push(
        `Importer: ms per MB — ours ${perMb(results.ours)}; postman2openapi ${perMb(results.postman2openapi)}. ` +
          `Paths produced at 1×: ours ${results.ours[0].paths}, postman2openapi ${results.postman2openapi[0]?.paths ?? 'n/a'}. ` +
          'Both are timed from JSON text (JSON.parse included) to the OpenAPI document object, interleaved in one ' +
          'process with a forced GC before each run; peak RSS comes from a separate child process per converter ' +
          'and size (one conversion, RSS includes Node itself and the loaded input).',
      );
    }

    if (loaded.ours && (missedSizes.length || exponentMissed)) {
      const input = missedSizes.at(-1) ?? inputs.at(-1);
      log(`importer: profiling ours on ${input.factor}×`);
      // Repeat small inputs so steady-state conversion, not process start-up, fills the profile.
      const repeat = String(Math.max(1, Math.round(30 / input.factor)));
      const top = await cpuProfileTop(CHILD, ['ours', input.file, repeat], {
        attribute: '@sunshine-openapi/postman-to-openapi',
      });
      notes.push(
        `Importer target missed — CPU profile of ours on ${input.factor}× (${repeat} conversion(s) in one process):`,
        ...profileLines(top),
      );
    }
    if (missing.ours) notes.push(`Importer (ours) not measured: ${missing.ours}.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, notes };
}
