// Profiling target: our client against the stub fetch, in a loop for a few seconds.
import { ourClient } from './contenders.mjs';
import { stubFetch } from './stub.mjs';

const call = await ourClient('https://api.smooch.io', stubFetch);
const until = performance.now() + Number(process.argv[2] ?? 3000);
let calls = 0;
while (performance.now() < until) {
  for (let i = 0; i < 100; i++) await call();
  calls += 100;
}
console.log(JSON.stringify({ calls }));
