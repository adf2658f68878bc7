// Compares TypeScript model interfaces with the schemas of openapi.json using the TypeScript compiler API.
//
// Rules, per compared object (recursively through nested objects, arrays and maps):
// - property names: every schema property exists in the model and every model property exists in the schema;
// - optionality: required in the schema <=> required (non-optional) in the model;
// - types: the model type accepts every value the schema allows (each enum/const value, string, number, boolean,
//   null, array element type, object shape, map value type). The model may be wider (e.g. `(string & {})` to pass
//   unknown enum values through, or an extra `| null`), never narrower.
// A `oneOf` of object shapes compared with one model interface is compared as their merge (every property of
// any shape; required only where every shape requires it).
// Deliberate differences are listed per dotted path (e.g. `Contact.attributes`) with a reason.
import ts from 'typescript';

type Schema = Record<string, unknown>;

export interface Target {
  /** Exported model type name. */
  model: string;
  /** `components.schemas` name to compare with. */
  schema?: string;
  /** Property path into the schema (e.g. `['data']` for the payload of an envelope). */
  at?: string[];
  /** Compare with the query parameters of this operation instead of a schema. */
  query?: string;
  /** Schema properties the model leaves out (dotted path → reason). */
  omit?: Record<string, string>;
  /** Model properties the schema does not have (dotted path → reason). */
  extra?: Record<string, string>;
  /** Schema-required properties the model makes optional (dotted path → reason). */
  optional?: Record<string, string>;
  /** Properties whose types are not compared (dotted path → reason). */
  skip?: Record<string, string>;
}

export interface AgreementReport {
  errors: string[];
  /** Names of the model types the comparison reached (targets and nested types). */
  visited: Set<string>;
  /** Exported object-like model types (interfaces and object type aliases). */
  exportedObjectTypes: string[];
}

export function compareModels(options: {
  entry: string;
  document: { components: { schemas: Record<string, Schema> }; paths: Record<string, Record<string, unknown>> };
  targets: Target[];
}): AgreementReport {
  const program = ts.createProgram([options.entry], {
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  const checker = program.getTypeChecker();
  const errors: string[] = [];
  const visited = new Set<string>();

  const diagnostics = ts.getPreEmitDiagnostics(program);
  for (const d of diagnostics) errors.push(`compile: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);

  const source = program.getSourceFile(options.entry);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) return { errors: [...errors, `cannot load ${options.entry}`], visited, exportedObjectTypes: [] };

  const exported = new Map<string, ts.Type>();
  const exportedObjectTypes: string[] = [];
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    if (!(target.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias))) continue;
    const type = checker.getDeclaredTypeOfSymbol(target);
    exported.set(symbol.name, type);
    if (!type.isUnion() && type.flags & ts.TypeFlags.Object) exportedObjectTypes.push(symbol.name);
  }

  const schemas = options.document.components.schemas;
  const resolve = (schema: Schema): Schema => {
    let current = schema;
    const seen = new Set<string>();
    while (typeof current.$ref === 'string') {
      const ref = current.$ref;
      if (seen.has(ref)) throw new Error(`circular ${ref}`);
      seen.add(ref);
      const resolved = schemas[ref.replace('#/components/schemas/', '')];
      if (!resolved) throw new Error(`unresolvable ${ref}`);
      current = resolved;
    }
    return current;
  };

  /** The alternatives a schema allows, each with a single `type` (or const/enum). */
  const alternatives = (input: Schema): Schema[] => {
    const schema = resolve(input);
    const branches = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
    if (branches && schema.type === undefined && schema.properties === undefined) return branches.flatMap(alternatives);
    if (Array.isArray(schema.type)) return (schema.type as string[]).map((type) => ({ ...schema, type }));
    return [schema];
  };

  const parts = (type: ts.Type): ts.Type[] =>
    (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
  const isOpenString = (t: ts.Type) =>
    Boolean(t.flags & ts.TypeFlags.String) ||
    (t.isIntersection() && t.types.some((m) => Boolean(m.flags & ts.TypeFlags.String)));
  const isArray = (t: ts.Type) => checker.isArrayType(t) || checker.isTupleType(t);
  const isObject = (t: ts.Type) => Boolean(t.flags & ts.TypeFlags.Object) && !isArray(t);
  const name = (t: ts.Type) => t.aliasSymbol?.name ?? t.getSymbol()?.name;

  const acceptsValue = (type: ts.Type, value: unknown): boolean =>
    parts(type).some((t) => {
      if (typeof value === 'string') return isOpenString(t) || (t.isStringLiteral() && t.value === value);
      if (typeof value === 'number')
        return Boolean(t.flags & ts.TypeFlags.Number) || (t.isNumberLiteral() && t.value === value);
      if (typeof value === 'boolean')
        return Boolean(t.flags & ts.TypeFlags.BooleanLiteral) && checker.typeToString(t) === String(value);
      if (value === null) return Boolean(t.flags & ts.TypeFlags.Null);
      return false;
    });

  /**
   * A `oneOf`/`anyOf` of object shapes (e.g. `id`, `ids` or both) read by one model interface: the model must
   * have every property of any branch and may require only what every branch requires.
   */
  const mergeObjects = (objects: Schema[]): Schema => {
    const properties: Record<string, Schema> = {};
    for (const o of objects)
      for (const [k, v] of Object.entries((o.properties ?? {}) as Record<string, Schema>)) properties[k] ??= v;
    const required = ((objects[0]?.required ?? []) as string[]).filter((k) =>
      objects.every((o) => ((o.required ?? []) as string[]).includes(k)),
    );
    return { type: 'object', properties, required };
  };

  function compareType(type: ts.Type, schema: Schema, path: string, target: Target): void {
    const alts = alternatives(schema);
    if (alts.length > 1 && alts.every((a) => a.type === 'object') && parts(type).filter(isObject).length === 1) {
      compareObject(parts(type).find(isObject)!, mergeObjects(alts), path, target);
      return;
    }
    for (const alt of alts) {
      const values = alt.const !== undefined ? [alt.const] : (alt.enum as unknown[] | undefined);
      if (values) {
        const missing = values.filter((v) => !acceptsValue(type, v));
        if (missing.length > 0) {
          errors.push(
            `${path}: the model type \`${checker.typeToString(type)}\` lacks ${missing.map((v) => JSON.stringify(v)).join(', ')}`,
          );
        }
        continue;
      }
      const kind = alt.type as string | undefined;
      const fail = (what: string) => {
        errors.push(`${path}: the schema allows ${what}, the model type \`${checker.typeToString(type)}\` does not`);
      };
      switch (kind) {
        case 'string':
          if (!parts(type).some(isOpenString)) fail('any string');
          break;
        case 'integer':
        case 'number':
          if (!parts(type).some((t) => Boolean(t.flags & ts.TypeFlags.Number))) fail('a number');
          break;
        case 'boolean':
          if (!acceptsValue(type, true) || !acceptsValue(type, false)) fail('a boolean');
          break;
        case 'null':
          if (!acceptsValue(type, null)) fail('null');
          break;
        case 'array': {
          const array = parts(type).find(isArray);
          if (!array) fail('an array');
          else
            compareType(
              checker.getTypeArguments(array as ts.TypeReference)[0]!,
              alt.items as Schema,
              `${path}[]`,
              target,
            );
          break;
        }
        case 'object': {
          const object = parts(type).find(isObject);
          if (!object) fail('an object');
          else compareObject(object, alt, path, target);
          break;
        }
        case undefined:
        default:
          errors.push(`${path}: unsupported schema ${JSON.stringify(alt).slice(0, 80)}`);
      }
    }
  }

  function compareObject(type: ts.Type, schema: Schema, path: string, target: Target): void {
    const typeName = name(type);
    if (typeName && typeName !== '__type') visited.add(typeName);
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const required = new Set((schema.required ?? []) as string[]);
    const modelProps = new Map(checker.getPropertiesOfType(type).map((p) => [p.name, p]));
    for (const key of Object.keys(properties)) {
      if (!modelProps.has(key) && !target.omit?.[`${path}.${key}`])
        errors.push(`${path}.${key}: in the schema, missing in the model`);
    }
    for (const [key, symbol] of modelProps) {
      const at = `${path}.${key}`;
      const propSchema = properties[key];
      if (!propSchema) {
        if (!target.extra?.[at]) errors.push(`${at}: in the model, not in the schema`);
        continue;
      }
      const optional = Boolean(symbol.flags & ts.SymbolFlags.Optional);
      if (required.has(key) && optional && !target.optional?.[at])
        errors.push(`${at}: required in the schema, optional in the model`);
      if (!required.has(key) && !optional) errors.push(`${at}: optional in the schema, required in the model`);
      if (!target.skip?.[at]) compareType(checker.getTypeOfSymbol(symbol), propSchema, at, target);
    }
    const additional = schema.additionalProperties;
    if (additional && typeof additional === 'object') {
      const index = checker.getIndexInfosOfType(type).find((info) => Boolean(info.keyType.flags & ts.TypeFlags.String));
      if (!index) errors.push(`${path}: the schema allows any property name, the model has no string index signature`);
      else compareType(index.type, additional as Schema, `${path}[key]`, target);
    }
  }

  const querySchema = (operationId: string): Schema => {
    for (const item of Object.values(options.document.paths)) {
      for (const operation of Object.values(item) as { operationId?: string; parameters?: Schema[] }[]) {
        if (operation.operationId !== operationId) continue;
        const params = (operation.parameters ?? []).filter((p) => p.in === 'query');
        return {
          type: 'object',
          properties: Object.fromEntries(params.map((p) => [p.name as string, p.schema as Schema])),
          required: params.filter((p) => p.required === true).map((p) => p.name as string),
        };
      }
    }
    throw new Error(`unknown operation ${operationId}`);
  };

  for (const target of options.targets) {
    const type = exported.get(target.model);
    if (!type) {
      errors.push(`${target.model}: not exported by the models`);
      continue;
    }
    visited.add(target.model);
    let schema: Schema;
    if (target.query) schema = querySchema(target.query);
    else {
      schema = resolve({ $ref: `#/components/schemas/${target.schema ?? target.model}` });
      for (const key of target.at ?? []) schema = resolve((schema.properties as Record<string, Schema>)[key]!);
    }
    compareType(type, schema, target.model, target);
  }

  return { errors, visited, exportedObjectTypes };
}
