// A fetch that answers immediately with the fixed app body: measures pure client overhead.
import { APP_BODY } from './fixtures.mjs';

const headers = { 'content-type': 'application/json', 'x-request-id': 'bench' };

export async function stubFetch() {
  return new Response(APP_BODY, { status: 200, headers });
}
