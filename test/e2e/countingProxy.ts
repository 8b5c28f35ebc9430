/**
 * A plain HTTP proxy in front of a preview server that counts the body bytes it forwards,
 * request by request. The browser talks to the proxy as if it were the app's origin, so
 * every byte a first visit costs crosses it, whoever asks (the page, its workers, or the
 * service worker filling its precache), and a test can also stop the proxy to take the
 * network away for real.
 */
import { createServer, request as forward, type Server } from 'node:http';
import { freePort } from './harness';

/** One response the proxy forwarded. */
export interface ForwardedResponse {
  /** Path and query, as the browser asked. */
  readonly url: string;
  readonly status: number;
  /** Body bytes sent to the browser (as the server sent them: compressed if it compressed). */
  readonly bytes: number;
}

/** A running counting proxy. */
export interface CountingProxy {
  /** The proxy's address, ending in "/": the origin the browser sees. */
  readonly url: string;
  /** Every response forwarded so far, in the order they finished. */
  readonly responses: readonly ForwardedResponse[];
  /** Stops accepting connections and drops the open ones. */
  close(): Promise<void>;
}

/**
 * Starts a proxy on `wanted` (or a free port when another process holds it) that forwards
 * every request to `target` ("http://127.0.0.1:4531/").
 */
export async function startCountingProxy(wanted: number, target: string): Promise<CountingProxy> {
  const port = await freePort(wanted);
  const upstream = new URL(target);
  const responses: ForwardedResponse[] = [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    const outgoing = forward(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        let bytes = 0;
        answer.on('data', (chunk: Buffer) => (bytes += chunk.length));
        answer.on('end', () => responses.push({ url, status: answer.statusCode ?? 0, bytes }));
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    outgoing.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(outgoing);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    responses,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
