// A minimal JSON server for the round-trip benchmark: 127.0.0.1, a free port, one fixed body for every request.
// Prints the port on stdout once listening; exits when its parent closes stdin.
import { createServer } from 'node:http';
import { APP_BODY } from './fixtures.mjs';

const body = Buffer.from(APP_BODY);
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': body.length,
      'x-request-id': 'bench',
    });
    response.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${server.address().port}\n`);
});
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();
