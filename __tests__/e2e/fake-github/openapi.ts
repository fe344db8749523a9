// Validates requests against GitHub's own OpenAPI description (@octokit/openapi), one operation at a time.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import * as ajvFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// ajv-formats is CommonJS: under ESM its plugin is `default`, or `default.default` depending on the loader.
type FormatsPlugin = (ajv: Ajv) => Ajv;
const formatsExport = (ajvFormats as unknown as { default: FormatsPlugin | { default: FormatsPlugin } }).default;
const addFormats: FormatsPlugin = typeof formatsExport === 'function' ? formatsExport : formatsExport.default;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: object;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: object }> };
}
type Spec = { paths: Record<string, Record<string, Operation>> };

export interface ValidationProblem {
  operationId: string;
  where: 'body' | 'params';
  errors: ErrorObject[];
}

let specCache: Spec | null = null;

/** The dereferenced api.github.com description, read once per module registry (the package index loads ~400 MB). */
function loadSpec(templates: Iterable<string>): Spec {
  if (specCache) return specCache;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.deref.json');
  const full = JSON.parse(readFileSync(file, 'utf8')) as Spec;
  // Keep only the operations the fake serves, so the 70 MB document can be collected.
  const paths: Spec['paths'] = {};
  for (const t of templates) if (full.paths[t]) paths[t] = full.paths[t];
  specCache = { paths };
  return specCache;
}

export class OpenApiValidator {
  private readonly spec: Spec;
  private readonly bodyAjv = new Ajv({ strict: false, allErrors: true });
  private readonly paramAjv = new Ajv({ strict: false, allErrors: true, coerceTypes: true });
  private readonly bodyValidators = new Map<string, ValidateFunction | null>();
  private readonly paramValidators = new Map<string, ValidateFunction | null>();

  constructor(templates: Iterable<string>) {
    const list = [...templates];
    this.spec = loadSpec(list);
    addFormats(this.bodyAjv);
    addFormats(this.paramAjv);
    for (const t of list) if (!this.spec.paths[t]) throw new Error(`fake-github: ${t} is not in GitHub's OpenAPI description`);
  }

  operation(template: string, method: string): Operation {
    const op = this.spec.paths[template]?.[method.toLowerCase()];
    if (!op) throw new Error(`fake-github: ${method} ${template} is not in GitHub's OpenAPI description`);
    return op;
  }

  /** Checks path and query parameters (strings coerced to the declared types) and the JSON body. */
  validate(template: string, method: string, params: Record<string, string>, body: unknown): ValidationProblem | null {
    const op = this.operation(template, method);
    const key = `${method.toUpperCase()} ${template}`;
    let validateParams = this.paramValidators.get(key);
    if (validateParams === undefined) {
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query');
      const schema = {
        type: 'object',
        properties: Object.fromEntries(declared.map((p) => [p.name, jsonSchemaOf(p.schema ?? {})])),
        required: declared.filter((p) => p.required).map((p) => p.name),
      };
      validateParams = this.paramAjv.compile(schema);
      this.paramValidators.set(key, validateParams);
    }
    // Coercion rewrites the object: validate a copy.
    if (validateParams && !validateParams({ ...params })) {
      return { operationId: op.operationId, where: 'params', errors: validateParams.errors ?? [] };
    }

    let validateBody = this.bodyValidators.get(key);
    if (validateBody === undefined) {
      const schema = op.requestBody?.content['application/json']?.schema;
      validateBody = schema ? this.bodyAjv.compile(jsonSchemaOf(schema)) : null;
      this.bodyValidators.set(key, validateBody);
    }
    if (validateBody) {
      if (body === undefined) {
        if (op.requestBody?.required) return { operationId: op.operationId, where: 'body', errors: [missingBody()] };
      } else if (!validateBody(body)) {
        return { operationId: op.operationId, where: 'body', errors: validateBody.errors ?? [] };
      }
    }
    return null;
  }
}

function missingBody(): ErrorObject {
  return { instancePath: '', schemaPath: '#/requestBody/required', keyword: 'required', params: {}, message: 'a request body is required' };
}

/** OpenAPI 3.0 → JSON Schema: `nullable: true` becomes "or null" (Ajv only accepts `nullable` beside `type`). */
function jsonSchemaOf(schema: unknown): object {
  if (Array.isArray(schema)) return schema.map(jsonSchemaOf);
  if (!schema || typeof schema !== 'object') return schema as object;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'nullable' || k === 'example' || k === 'examples' || k === 'description') continue;
    out[k] = k === 'enum' || k === 'required' ? v : jsonSchemaOf(v);
  }
  if (!(schema as { nullable?: boolean }).nullable) return out;
  if (typeof out.type === 'string') {
    const nullableEnum = Array.isArray(out.enum) ? { enum: [...out.enum, null] } : {};
    return { ...out, type: [out.type, 'null'], ...nullableEnum };
  }
  return { anyOf: [out, { type: 'null' }] };
}
