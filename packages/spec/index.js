// @livechatai/spec: the OpenAPI 3.1 document of the LiveChatAI REST API v2 and a validator built on it.
// Plain ESM without a build step; types are in index.d.ts.
import { readFileSync } from 'node:fs';
import { URL, URLSearchParams, fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/** @type {typeof import('ajv-formats').default} */
// ajv-formats is CommonJS; depending on the loader its function is the default export or `.default` of it.
const addFormats = /** @type {any} */ (addFormatsModule).default ?? addFormatsModule;

export const openapiPath = fileURLToPath(new URL('./openapi.json', import.meta.url));
export const openapiDocument = JSON.parse(readFileSync(openapiPath, 'utf8'));

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const SCHEMAS_ID = 'urn:livechatai:openapi:schemas';
const API_PREFIX = '/api/v2';

/** Every operation of the document, in document order (the `/chatbots` alias operations included). */
export const operations = Object.freeze(
  Object.entries(openapiDocument.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) =>
      Object.freeze({
        method: m.toUpperCase(),
        path,
        operationId: item[m].operationId,
        aliasOf: item[m]['x-alias-of'] ?? null,
      }),
    ),
  ),
);

/** Rewrites `#/components/schemas/X` references to the id under which the schemas are registered in ajv. */
function rewriteRefs(value) {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === '$ref' && typeof inner === 'string' && inner.startsWith('#/components/schemas/')) {
      out.$ref = `${SCHEMAS_ID}#/$defs/${inner.slice('#/components/schemas/'.length)}`;
    } else if (key === 'example' || key === 'discriminator' || key.startsWith('x-')) {
      // annotations ajv does not know (the OpenAPI discriminator only helps code generators: each branch's
      // `const` already tells the branches apart); not part of validation
    } else {
      out[key] = rewriteRefs(inner);
    }
  }
  return out;
}

/** Resolves a local `#/components/...` reference of the document (responses, parameters, headers). */
function deref(value) {
  let current = value;
  while (current && typeof current.$ref === 'string' && current.$ref.startsWith('#/')) {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce((node, part) => node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], openapiDocument);
  }
  return current;
}

function normalisePath(path) {
  let p = String(path);
  const q = p.search(/[?#]/);
  if (q >= 0) p = p.slice(0, q);
  if (/^https?:\/\//i.test(p)) p = new URL(p).pathname;
  if (p === API_PREFIX || p.startsWith(`${API_PREFIX}/`)) p = p.slice(API_PREFIX.length);
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p || '/';
}

const templates = Object.keys(openapiDocument.paths).map((template) => ({
  template,
  segments: template.split('/').slice(1),
}));

/**
 * Finds the operation for a concrete request path. Static segments win over templated ones, segment by segment
 * from the left, so `/conversations/views` matches before `/conversations/{conversationId}`.
 */
export function matchOperation(method, path) {
  const concrete = normalisePath(path);
  const parts = concrete.split('/').slice(1);
  let best = null;
  for (const { template, segments } of templates) {
    if (segments.length !== parts.length) continue;
    const params = {};
    const score = [];
    let ok = true;
    for (let i = 0; i < segments.length; i += 1) {
      const seg = segments[i];
      const part = parts[i];
      if (seg.startsWith('{') && seg.endsWith('}')) {
        if (part === '') {
          ok = false;
          break;
        }
        params[seg.slice(1, -1)] = safeDecode(part);
        score.push(0);
      } else if (seg === part) {
        score.push(1);
      } else {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    if (!best || compareScores(score, best.score) > 0) best = { template, params, score };
  }
  if (!best) return null;
  const item = openapiDocument.paths[best.template];
  const operation = item[String(method).toLowerCase()];
  if (!operation) return null;
  return {
    method: String(method).toUpperCase(),
    path: best.template,
    operationId: operation.operationId,
    params: best.params,
    operation,
  };
}

function safeDecode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function compareScores(a, b) {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function mediaType(contentType) {
  return String(contentType ?? 'application/json')
    .split(';')[0]
    .trim()
    .toLowerCase();
}

function formatErrors(errors, prefix = '') {
  return (errors ?? []).map((e) => {
    const where = `${prefix}${e.instancePath}` || '/';
    let text = `${where} ${e.message ?? 'is invalid'}`;
    if (e.keyword === 'enum' && Array.isArray(e.params.allowedValues))
      text += ` (${e.params.allowedValues.join(', ')})`;
    if (e.keyword === 'additionalProperties') text += ` (\`${e.params.additionalProperty}\`)`;
    if (e.keyword === 'const') text += ` (${JSON.stringify(e.params.allowedValue)})`;
    return text;
  });
}

/** Parses a `text/event-stream` body into its events (`event`, `data`, `id`), ignoring comments. */
export function parseEventStream(text) {
  const events = [];
  for (const block of String(text).replace(/\r\n?/g, '\n').split('\n\n')) {
    const event = { event: 'message', data: '', id: undefined };
    const data = [];
    let fields = 0;
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      fields += 1;
      if (field === 'event') event.event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') event.id = value;
    }
    if (fields === 0) continue;
    event.data = data.join('\n');
    events.push(event);
  }
  return events;
}

/**
 * The `data` schema of each event name of a `text/event-stream` media type: from its `contentSchema` (an array of
 * `oneOf` event objects, each with an `event` const and a `data` schema).
 */
function eventDataSchemas(media) {
  const items = deref(media.schema?.contentSchema?.items ?? {});
  const out = {};
  for (const branch of items?.oneOf ?? []) {
    const event = deref(branch);
    const name = event?.properties?.event?.const;
    if (typeof name === 'string' && event.properties.data) out[name] = event.properties.data;
  }
  return out;
}

/**
 * Creates a validator over the document. The result is a function (same as its `validateResponse` method) with
 * `validateResponse`, `validateRequestBody` and `matchOperation` methods.
 */
export function createResponseValidator() {
  const ajv = new Ajv2020({
    allErrors: true,
    strictSchema: true,
    strictNumbers: true,
    strictTuples: true,
    strictTypes: false,
    strictRequired: false,
    allowUnionTypes: true,
    validateFormats: true,
  });
  addFormats(ajv);
  ajv.addSchema({ $id: SCHEMAS_ID, $defs: rewriteRefs(openapiDocument.components.schemas) });
  const cache = new Map();
  /** `operationId status` of every response given to validateResponse that matched an operation. */
  const seen = new Set();
  const compile = (key, schema) => {
    let fn = cache.get(key);
    if (!fn) {
      fn = ajv.compile(rewriteRefs(schema));
      cache.set(key, fn);
    }
    return fn;
  };
  const check = (key, schema, value, prefix) => {
    const fn = compile(key, schema);
    return fn(value) ? [] : formatErrors(fn.errors, prefix);
  };

  function validateResponse({ method, path, status, body, contentType }) {
    const match = matchOperation(method, path);
    if (!match)
      return {
        valid: false,
        errors: [`no documented operation for ${String(method).toUpperCase()} ${path}`],
        operationId: null,
      };
    const { operationId, operation } = match;
    const result = (errors) => ({ valid: errors.length === 0, errors, operationId });
    seen.add(`${operationId} ${status}`);
    const response = deref(operation.responses[String(status)]);
    if (!response) {
      return result([
        `status ${status} is not documented for ${operationId} (documented: ${Object.keys(operation.responses).join(', ')})`,
      ]);
    }
    const type = mediaType(contentType);
    const media = response.content?.[type];
    if (!media) {
      return result([
        `content type ${type} is not documented for ${operationId} ${status} (documented: ${Object.keys(response.content ?? {}).join(', ') || 'none'})`,
      ]);
    }
    const key = `${operationId} ${status} ${type}`;
    if (type === 'text/event-stream') return result(checkEventStream(key, media, body));
    let value = body;
    if (typeof body === 'string' && type.endsWith('json')) {
      try {
        value = JSON.parse(body);
      } catch {
        return result([`body is not valid JSON`]);
      }
    }
    return result(check(key, media.schema, value, 'body'));
  }

  function checkEventStream(key, media, body) {
    if (typeof body !== 'string') return ['body: an event stream must be given as text'];
    const events = parseEventStream(body);
    const schemas = eventDataSchemas(media);
    const errors = [];
    if (events.length === 0) errors.push('stream has no events');
    events.forEach((ev, index) => {
      const schema = schemas[ev.event];
      const at = `event[${index}] (${ev.event})`;
      if (!schema) {
        errors.push(`${at}: undocumented event type (documented: ${Object.keys(schemas).join(', ')})`);
        return;
      }
      if (ev.id === undefined) errors.push(`${at}: missing id`);
      let data;
      try {
        data = JSON.parse(ev.data);
      } catch {
        errors.push(`${at}: data is not JSON`);
        return;
      }
      errors.push(...check(`${key} ${ev.event}`, schema, data, `${at} data`));
      const terminal = ev.event === 'done' || ev.event === 'error';
      if (terminal && index !== events.length - 1) errors.push(`${at}: events follow the terminal event`);
    });
    const last = events.at(-1);
    if (last && last.event !== 'done' && last.event !== 'error')
      errors.push('stream does not end with a done or error event');
    return errors;
  }

  function validateRequestBody({ method, path, body, contentType }) {
    const match = matchOperation(method, path);
    if (!match)
      return {
        valid: false,
        errors: [`no documented operation for ${String(method).toUpperCase()} ${path}`],
        operationId: null,
      };
    const { operationId, operation } = match;
    const result = (errors) => ({ valid: errors.length === 0, errors, operationId });
    const requestBody = deref(operation.requestBody);
    if (!requestBody) return result(body === undefined ? [] : [`${operationId} takes no request body`]);
    if (body === undefined) return result(requestBody.required ? [`${operationId} requires a request body`] : []);
    const type = mediaType(contentType);
    const media = requestBody.content?.[type];
    if (!media) return result([`content type ${type} is not accepted by ${operationId}`]);
    let value = body;
    if (typeof body === 'string') {
      try {
        value = JSON.parse(body);
      } catch {
        return result(['body is not valid JSON']);
      }
    }
    return result(check(`${operationId} request ${type}`, media.schema, value, 'body'));
  }

  function validateQuery({ method, path, query }) {
    const match = matchOperation(method, path);
    if (!match)
      return {
        valid: false,
        errors: [`no documented operation for ${String(method).toUpperCase()} ${path}`],
        operationId: null,
      };
    const { operationId, operation } = match;
    const params = (operation.parameters ?? []).map(deref).filter((p) => p.in === 'query');
    const entries = queryEntries(query ?? queryOf(path));
    const errors = [];
    for (const [name] of entries) {
      if (!params.some((p) => p.name === name))
        errors.push(`query parameter \`${name}\` is not documented for ${operationId}`);
    }
    for (const param of params) {
      const values = entries.filter(([name]) => name === param.name).map(([, value]) => value);
      if (values.length === 0) {
        if (param.required) errors.push(`query parameter \`${param.name}\` is required by ${operationId}`);
        continue;
      }
      if (values.length > 1) errors.push(`query parameter \`${param.name}\` is repeated`);
      const value = coerce(values[0], param.schema);
      errors.push(...check(`${operationId} query ${param.name}`, param.schema, value, `query.${param.name}`));
    }
    return { valid: errors.length === 0, errors, operationId };
  }

  const validator = (input) => validateResponse(input);
  validator.validateResponse = validateResponse;
  validator.validateRequestBody = validateRequestBody;
  validator.validateQuery = validateQuery;
  validator.coverage = () => {
    const responses = [...seen].map((entry) => {
      const [operationId, status] = entry.split(' ');
      return { operationId, status: Number(status) };
    });
    const operationIds = [...new Set(responses.map((r) => r.operationId))];
    return {
      operationIds,
      responses,
      missing: operations.filter((o) => !operationIds.includes(o.operationId)).map((o) => o.operationId),
    };
  };
  validator.matchOperation = matchOperation;
  return validator;
}

function queryOf(path) {
  const text = String(path);
  const q = text.indexOf('?');
  return q < 0 ? '' : text.slice(q + 1).split('#')[0];
}

/** Query as [name, value] pairs from a string, URLSearchParams or a plain object (arrays repeat a name). */
function queryEntries(query) {
  if (typeof query === 'string') return [...new URLSearchParams(query)];
  if (query instanceof URLSearchParams) return [...query];
  return Object.entries(query).flatMap(([name, value]) =>
    value === undefined ? [] : Array.isArray(value) ? value.map((v) => [name, String(v)]) : [[name, String(value)]],
  );
}

/** Converts a query string value to the JSON type its schema expects, leaving it as is when it does not parse. */
function coerce(value, schema) {
  const type = deref(schema)?.type;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

let defaultValidator;
const getDefault = () => (defaultValidator ??= createResponseValidator());

/** Validates a response with a shared validator (see `createResponseValidator`). */
export function validateResponse(input) {
  return getDefault().validateResponse(input);
}

/** Validates query parameters with a shared validator (see `createResponseValidator`). */
export function validateQuery(input) {
  return getDefault().validateQuery(input);
}

/** Validates a request body with a shared validator (see `createResponseValidator`). */
export function validateRequestBody(input) {
  return getDefault().validateRequestBody(input);
}
