import { VALID_FIELD_VALUES, type ValueContext } from './domain-values';
import type { Schema } from './openapi-operations';
import { LOWERCASE_ALPHANUMERIC, uuidFrom } from './seeded-random';

/** `<schema>.<field>` first, then `*.<field>`: a value source the document cannot imply. */
export function fieldValueSource(owner: string | undefined, field: string) {
  return VALID_FIELD_VALUES[`${owner ?? '*'}.${field}`] ?? VALID_FIELD_VALUES[`*.${field}`];
}

/** A value `schema` accepts: its enum, bounds, lengths, formats and required fields; a field's known rules where the document says only "string". */
export function validValue(schema: Schema, context: ValueContext, owner?: string, field?: string): unknown {
  if (schema.enum && schema.enum.length > 0) return context.random.pick(schema.enum);
  const source = field === undefined ? undefined : fieldValueSource(owner, field);
  if (source) return source(context);
  switch (schema.type) {
    case 'object':
      return validObject(schema, context);
    case 'array':
      return validArray(schema, context, owner, field);
    case 'integer':
    case 'number':
      return validNumber(schema, context);
    case 'boolean':
      return context.random.chance(0.5);
    default:
      return validString(schema, context);
  }
}

/** Every required field, each optional one half the time, null now and then where null is allowed. */
export function validObject(schema: Schema, context: ValueContext): Record<string, unknown> {
  const whole = schema.title ? VALID_FIELD_VALUES[`${schema.title}.*`] : undefined;
  if (whole) return whole(context) as Record<string, unknown>;
  const required = new Set(schema.required ?? []);
  const value: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (!required.has(name) && !context.random.chance(0.5)) continue;
    value[name] = property.nullable && !required.has(name) && context.random.chance(0.15) ? null : validValue(property, context, schema.title, name);
  }
  return value;
}

function validArray(schema: Schema, context: ValueContext, owner?: string, field?: string): unknown[] {
  const min = schema.minItems ?? 0;
  const max = Math.min(schema.maxItems ?? 4, min + 4);
  const count = context.random.int(min, max);
  const items = Array.from({ length: count }, () => validValue(schema.items ?? { type: 'string' }, context, owner, field));
  // Enumerated lists (events, statuses) are sets: a repeated choice is a different mistake.
  return [...new Set(items)];
}

function validNumber(schema: Schema, context: ValueContext): number {
  const min = schema.minimum ?? 0;
  const max = schema.maximum ?? min + 1000;
  return context.random.int(min, max);
}

function validString(schema: Schema, context: ValueContext): string {
  if (schema.format === 'uuid') return uuidFrom(context.random);
  if (schema.format === 'date-time') return new Date(Date.UTC(2031 + context.random.int(0, 20), 0, 1)).toISOString();
  const min = schema.minLength ?? 1;
  const max = Math.min(schema.maxLength ?? 40, min + 40);
  return context.random.chars(context.random.int(min, max), LOWERCASE_ALPHANUMERIC);
}
