import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../../schemas/mlworkflow.schema.json';

/** A schema violation: where (JSON pointer) and what, in words a user can act on. */
export interface SchemaProblem { pointer: string; message: string; onKey: boolean }

let compiled: ValidateFunction | undefined;

/** The schema's validator, compiled on first use: compiling costs tens of milliseconds that `mlw profile` need not pay. */
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true });
    // VS Code's own schema keyword (hover text for enum values); ajv need not understand it.
    ajv.addVocabulary(['enumDescriptions']);
    compiled = ajv.compile(schema);
  }
  return compiled;
}

/** Checks a parsed project file against the shipped JSON schema. */
export function checkSchema(value: unknown): SchemaProblem[] {
  const validate = validator();
  if (validate(value)) { return []; }
  const errors = (validate.errors ?? []).filter((e) => !isNoise(e));
  return errors.map(describe);
}

/** `if`/`$ref` wrappers repeat a more precise error; keep the precise one. */
function isNoise(e: ErrorObject): boolean {
  return e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf';
}

function describe(e: ErrorObject): SchemaProblem {
  const where = e.instancePath === '' ? 'The project file' : `"${e.instancePath.slice(1).replace(/\//g, '.')}"`;
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return { pointer: `${e.instancePath}/${String(p.additionalProperty)}`, onKey: true,
        message: `Unknown property "${String(p.additionalProperty)}" in ${where === 'The project file' ? 'the project file' : where}.` };
    case 'required':
      return { pointer: e.instancePath, onKey: false, message: `${where} is missing the required property "${String(p.missingProperty)}".` };
    case 'enum':
      return { pointer: e.instancePath, onKey: false, message: `${where} must be one of: ${(p.allowedValues as unknown[]).map(String).join(', ')}.` };
    case 'const':
      return { pointer: e.instancePath, onKey: false, message: `${where} must be ${JSON.stringify(p.allowedValue)}.` };
    case 'minLength':
      return { pointer: e.instancePath, onKey: false, message: p.limit === 1 ? `${where} must not be empty.` : `${where} must be at least ${String(p.limit)} characters long.` };
    case 'type':
      return { pointer: e.instancePath, onKey: false, message: `${where} must be ${article(String(p.type))}.` };
    default:
      return { pointer: e.instancePath, onKey: false, message: `${where} ${e.message ?? 'is invalid'}.` };
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
