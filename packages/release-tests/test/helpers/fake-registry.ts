// A tiny npm registry on loopback for the release tests: serves packuments for the versions it is told are
// published, answers 404 for anything else, and records every request (so a test can prove nothing was PUT).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRegistry {
  url: string;
  requests: { method: string; name: string }[];
  close(): Promise<void>;
}

export async function startFakeRegistry(published: Record<string, string[]>): Promise<FakeRegistry> {
  const requests: FakeRegistry['requests'] = [];
  const server: Server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').split('?')[0]!.slice(1));
    requests.push({ method: req.method ?? 'GET', name });
    req.resume();
    const versions = req.method === 'GET' ? published[name] : undefined;
    if (versions === undefined) {
      res.writeHead(req.method === 'GET' ? 404 : 405, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'Not found' }));
      return;
    }
    const latest = versions.at(-1)!;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        name,
        'dist-tags': { latest },
        versions: Object.fromEntries(
          versions.map((version) => [
            version,
            { name, version, dist: { tarball: `http://127.0.0.1/${name}-${version}.tgz`, shasum: '0'.repeat(40) } },
          ]),
        ),
        time: Object.fromEntries(versions.map((version) => [version, '2026-01-01T00:00:00.000Z'])),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}/`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => {
          if (e) reject(e);
          else resolve();
        });
      }),
  };
}
