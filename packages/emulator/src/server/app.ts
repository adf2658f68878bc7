import { Hono } from 'hono';
import type { AppEnv, EmulatorConfig } from './context.js';
import { ApiError, errorBody } from './errors.js';
import { FaultRegistry } from './faults.js';
import { auth, cors, faults, idempotency, jsonBody, rateLimit, readOnlyGuard, requestId } from './middleware.js';
import { agentRoutes } from '../routes/agents.js';
import { contactRoutes } from '../routes/contacts.js';
import { conversationRoutes } from '../routes/conversations.js';
import { dataSourceRoutes } from '../routes/data-sources.js';
import { aiSuggestionRoutes } from '../routes/ai-suggestions.js';
import { analyticsRoutes } from '../routes/analytics.js';
import { adminRoutes } from '../routes/admin.js';

/** For a concrete path, the methods the app's routes answer on it (GET implies HEAD), sorted. */
function methodTable(routes: readonly { method: string; path: string }[]): (path: string) => string[] {
  const patterns = routes
    .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
    .map((r) => ({
      method: r.method,
      regex: new RegExp(`^${r.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\/:[^/]+/g, '/[^/]+')}/?$`),
    }));
  return (path) => {
    const methods = new Set<string>();
    for (const p of patterns) {
      if (!p.regex.test(path)) continue;
      methods.add(p.method);
      if (p.method === 'GET') methods.add('HEAD');
    }
    return [...methods].sort();
  };
}

export function createApp(config: EmulatorConfig): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const registry = new FaultRegistry();

  app.use('*', requestId(config));
  // Browsers may call the local emulator directly (e.g. an SDK with dangerouslyAllowBrowser).
  app.use('*', cors());
  app.onError((err, c) => {
    if (err instanceof ApiError) {
      for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
      return c.json(errorBody(err.code, err.message), err.status);
    }
    // Never echo internals (or anything that might hold a key); log the stack for the developer.
    config.log?.(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return c.json(errorBody('internal_error', 'Internal server error'), 500);
  });
  // A wrong method on a real path is a 405 with `Allow`; a path no route knows is a 404.
  let allowedMethods: ((path: string) => string[]) | undefined;
  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    allowedMethods ??= methodTable(app.routes);
    const allow = allowedMethods(path);
    if (allow.length > 0) {
      c.header('allow', allow.join(', '));
      return c.json(
        errorBody('bad_request', `Method ${c.req.method} is not allowed on ${path} (allowed: ${allow.join(', ')})`),
        405,
      );
    }
    return c.json(errorBody('not_found', `No route for ${c.req.method} ${path}`), 404);
  });

  app.get('/openapi.json', (c) => c.json(config.openapi as object));
  app.route('/_emulator', adminRoutes(config, registry));

  const api = new Hono<AppEnv>();
  api.use('*', auth(config));
  api.use('*', faults(config, registry));
  api.use('*', rateLimit(config));
  api.use('*', readOnlyGuard());
  api.use('*', jsonBody());
  api.use('*', idempotency(config));
  const agents = agentRoutes(config);
  api.route('/agents', agents);
  api.route('/chatbots', agents);
  api.route('/contacts', contactRoutes(config));
  api.route('/conversations', conversationRoutes(config));
  api.route('/data-sources', dataSourceRoutes(config));
  api.route('/ai-suggestions', aiSuggestionRoutes(config));
  api.route('/analytics', analyticsRoutes(config));
  app.route('/api/v2', api);
  return app;
}
