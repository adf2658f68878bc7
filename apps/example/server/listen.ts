import { serve, type ServerType } from '@hono/node-server';

type FetchCallback = Parameters<typeof serve>[0]['fetch'];

/** What `listen` serves: a Hono app, or any Fetch-API handler. */
export interface Servable {
  fetch: FetchCallback;
}

export interface Listening {
  url: string;
  port: number;
  close: () => Promise<void>;
}

function listenOn(app: Servable, host: string, port: number): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
      resolve({ server, port: info.port });
    });
    server.once('error', reject);
  });
}

/** Listens on `port`; when it is taken, on a free port instead (port 0). */
export async function listen(app: Servable, host: string, port: number): Promise<Listening & { fellBack: boolean }> {
  let result: { server: ServerType; port: number };
  let fellBack = false;
  try {
    result = await listenOn(app, host, port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
    result = await listenOn(app, host, 0);
    fellBack = true;
  }
  const { server } = result;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${String(result.port)}`,
    port: result.port,
    fellBack,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
