import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const EVENTS_PATH = '/__spec-dev/events';
const STATUS_PATH = '/__spec-dev/status';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Injected into every HTML page: reloads on `reload`, shows the build error in a banner on `failed`.
 * Talks only to the page's own origin (loopback).
 */
export const RELOAD_SCRIPT = `<script>(() => {
  const es = new EventSource('${EVENTS_PATH}');
  const banner = () => document.getElementById('__spec-dev-error');
  es.addEventListener('reload', () => location.reload());
  es.addEventListener('failed', (e) => {
    let el = banner();
    if (!el) {
      el = document.createElement('pre');
      el.id = '__spec-dev-error';
      el.style.cssText = 'position:fixed;z-index:99999;top:0;left:0;right:0;margin:0;padding:12px;max-height:40vh;overflow:auto;background:#fee;color:#900;border-bottom:2px solid #900;font:13px/1.4 monospace;white-space:pre-wrap';
      document.body.appendChild(el);
    }
    el.textContent = 'Spec build failed; showing the last good version.\\n\\n' + JSON.parse(e.data).message;
  });
  es.addEventListener('ok', () => banner()?.remove());
})();</script>`;

export function injectReload(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at === -1 ? `${html}${RELOAD_SCRIPT}` : `${html.slice(0, at)}${RELOAD_SCRIPT}${html.slice(at)}`;
}

export interface DocsServer {
  url: string;
  port: number;
  /** Serve files from `dir` from now on (swapped in one step, so a page never mixes two builds). */
  setRoot(dir: string | undefined): void;
  reload(): void;
  /** Tell open pages the latest save failed (they keep showing the last good build). */
  reportFailure(message: string): void;
  reportOk(): void;
  close(): Promise<void>;
}

/** A static file server on loopback with live reload over server-sent events. */
export function startDocsServer(opts: { port: number; host?: string }): Promise<DocsServer> {
  const host = opts.host ?? '127.0.0.1';
  let root: string | undefined;
  let failure: string | undefined;
  let buildId = 0;
  const clients = new Set<http.ServerResponse>();

  const send = (event: string, data: unknown) => {
    for (const res of clients) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === EVENTS_PATH) {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write('retry: 1000\n\n');
      if (failure) res.write(`event: failed\ndata: ${JSON.stringify({ message: failure })}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (url.pathname === STATUS_PATH) {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ ok: !failure, failure: failure ?? null, build: buildId, root: root ?? null }));
      return;
    }
    if (!root) {
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'retry-after': '1' });
      res.end(injectReload('<!doctype html><html><body><p>Building the docs…</p></body></html>'));
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end('bad path');
      return;
    }
    let file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file) && !path.extname(file) && existsSync(`${file}.html`)) file = `${file}.html`;
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${rel}`);
      return;
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers = { 'content-type': type, 'cache-control': 'no-store' };
    if (type.startsWith('text/html')) {
      res.writeHead(200, headers);
      res.end(injectReload(readFileSync(file, 'utf8')));
    } else {
      res.writeHead(200, headers);
      createReadStream(file).pipe(res);
    }
  });

  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': keep-alive\n\n');
  }, 15_000);
  heartbeat.unref();

  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      clearInterval(heartbeat);
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`port ${opts.port} on ${host} is in use; stop what runs there or pass --docs-port <n>.`)
          : err,
      );
    });
    server.listen(opts.port, host, () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${host}:${port}/`,
        port,
        setRoot(dir) {
          root = dir ? path.resolve(dir) : undefined;
        },
        reload() {
          buildId += 1;
          send('reload', { build: buildId });
        },
        reportFailure(message) {
          failure = message;
          send('failed', { message });
        },
        reportOk() {
          if (failure) send('ok', {});
          failure = undefined;
        },
        close() {
          clearInterval(heartbeat);
          for (const res of clients) res.end();
          clients.clear();
          return new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          });
        },
      });
    });
  });
}
