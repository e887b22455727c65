/**
 * A small JSON Schema (draft-07) checker for the keywords our generated schemas
 * use, so tests can see what an editor would underline without a validator
 * dependency. An unknown keyword fails loudly rather than passing silently.
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set(['$schema', 'title', 'description', 'default', 'type', 'properties', 'required', 'additionalProperties', 'items', 'minItems', 'minLength', 'pattern', 'enum', 'const', 'anyOf']);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

export function schemaProblems(schema: Schema, value: unknown, path = '$'): string[] {
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`schema keyword ${key} at ${path} is not supported by this checker`);
  if (schema.anyOf) {
    const options = schema.anyOf as Schema[];
    return options.some((option) => schemaProblems(option, value, path).length === 0) ? [] : [`${path}: matches none of the allowed forms`];
  }
  const problems: string[] = [];
  if (schema.type) {
    const actual = typeOf(value);
    const ok = schema.type === actual || (schema.type === 'number' && actual === 'integer');
    if (!ok) return [`${path}: expected ${String(schema.type)}, got ${actual}`];
  }
  if ('const' in schema && value !== schema.const) problems.push(`${path}: must be ${JSON.stringify(schema.const)}`);
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) problems.push(`${path}: not one of ${JSON.stringify(schema.enum)}`);
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) problems.push(`${path}: too short`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) problems.push(`${path}: does not match ${schema.pattern}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) problems.push(`${path}: fewer than ${schema.minItems} items`);
    if (schema.items) value.forEach((item, i) => problems.push(...schemaProblems(schema.items as Schema, item, `${path}[${i}]`)));
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in object)) problems.push(`${path}: missing ${key}`);
    for (const [key, item] of Object.entries(object)) {
      if (properties[key]) problems.push(...schemaProblems(properties[key], item, `${path}.${key}`));
      else if (schema.additionalProperties === false) problems.push(`${path}: unknown field ${key}`);
    }
  }
  return problems;
}
