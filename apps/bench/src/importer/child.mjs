// One conversion in a fresh process, for a clean peak-RSS reading.
// Usage: node child.mjs <ours|postman2openapi> <collection.json> [repeat]
// Prints { baselineRssBytes, peakRssBytes, ms, paths } as JSON on its last stdout line.
import { readFileSync } from 'node:fs';
import { CONVERTERS, fromText } from './converters.mjs';

const [name, file, repeatArg] = process.argv.slice(2);
const converter = CONVERTERS[name];
if (!converter) {
  console.error(`unknown converter "${name}"; use one of ${Object.keys(CONVERTERS).join(', ')}`);
  process.exit(2);
}
const convert = await converter.load();
const text = readFileSync(file, 'utf8');
const baselineRssBytes = process.resourceUsage().maxRSS * 1024;
const repeat = Number(repeatArg ?? 1);
let paths = 0;
let ms = 0;
for (let i = 0; i < repeat; i++) {
  const started = performance.now();
  const document = fromText(convert, text);
  ms = performance.now() - started;
  paths = Object.keys(document.paths ?? {}).length;
}
const peakRssBytes = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({ baselineRssBytes, peakRssBytes, ms, paths }));
