// A small configurable HTTP server on loopback for the transport tests (the emulator is a separate package).
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
export type Handler = (req: Received, res: ServerResponse, raw: IncomingMessage) => unknown;

export interface TestServer {
  /** Base URL ending in /api/v2. */
  url: string;
  origin: string;
  requests: Received[];
  /** Replace the handler. */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): ServerResponse {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_${status}`, ...headers });
  return res.end(text);
}

export async function startServer(
  handler: Handler = (_q, res) => json(res, 200, { status: 'success', data: {} }),
): Promise<TestServer> {
  let current = handler;
  const requests: Received[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    // recorded on arrival, so a request the client aborts early is still counted
    const received = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: '' };
    requests.push(received);
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.body = Buffer.concat(chunks).toString();
      void Promise.resolve(current(received, res, req)).catch((e: unknown) => {
        res.destroy(e as Error);
      });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => {
    server.listen(0, '127.0.0.1', r);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/api/v2`,
    origin,
    requests,
    handle(h) {
      current = h;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => {
          r();
        });
      }),
  };
}
