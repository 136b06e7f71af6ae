import { createRequire } from 'node:module';
import type { TSchema } from '@sinclair/typebox';
import type * as AjvModule from 'ajv';
import type { Ajv as AjvInstance, ErrorObject, ValidateFunction } from 'ajv';

// ajv and ajv-formats ship CommonJS: required on first use, so that an audit with nothing to
// validate (no config file, no goal tracker) does not load them (~35 ms).
const require = createRequire(import.meta.url);

const compiled = new WeakMap<TSchema, ValidateFunction>();

function validatorFor(schema: TSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    const { Ajv } = require('ajv') as typeof AjvModule;
    const addFormats = require('ajv-formats') as (ajv: AjvInstance) => AjvInstance;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Validates data against a JSON Schema; returns readable errors that name the key path (`simulate.port`). */
export function validateAgainst(schema: TSchema, data: unknown): string[] {
  const validate = validatorFor(schema);
  if (validate(data)) return [];
  return describeErrors(validate.errors ?? []);
}

function describeErrors(errors: ErrorObject[]): string[] {
  // Union branches report one error each; keep the most specific ones per path.
  const byPath = new Map<string, { messages: string[]; allowed: unknown[] }>();
  for (const error of errors) {
    const path = keyPath(error);
    const entry = byPath.get(path) ?? { messages: [], allowed: [] };
    byPath.set(path, entry);
    if (error.keyword === 'const') entry.allowed.push((error.params as { allowedValue: unknown }).allowedValue);
    else if (error.keyword !== 'anyOf' && !entry.messages.includes(describe(error))) entry.messages.push(describe(error));
  }
  return [...byPath.entries()].map(([path, { messages, allowed }]) => {
    const all = allowed.length > 0 ? [`must be one of ${allowed.map((value) => JSON.stringify(value)).join(', ')}`, ...messages] : messages;
    return `${path || '(top level)'}: ${(all.length > 0 ? all : ['is not valid']).join('; or ')}`;
  });
}

function keyPath(error: ErrorObject): string {
  const segments = error.instancePath.split('/').slice(1).map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'additionalProperties') segments.push(String((error.params as { additionalProperty: string }).additionalProperty));
  return segments.map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : segment)).join('.').replace(/\.\[/g, '[');
}

function describe(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties':
      return 'unknown key';
    case 'enum':
      return `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}`;
    case 'required':
      return `missing required key "${(error.params as { missingProperty: string }).missingProperty}"`;
    case 'type':
      return `must be ${(error.params as { type: string }).type}`;
    case 'format':
      return `must be a ${(error.params as { format: string }).format}${(error.params as { format: string }).format === 'date' ? ' (YYYY-MM-DD)' : ''}`;
    case 'anyOf':
      return 'does not match any allowed form';
    default:
      return error.message ?? error.keyword;
  }
}
