import { INTEGER_FIELDS, INVALID_FIELD_VALUES, NULL_MEANS_ABSENT, type ValueContext } from './domain-values';
import { shown, type Mutation, type MutationResult } from './mutation';
import type { ApiOperation, Schema } from './openapi-operations';
import { bodyFields, cloneParts, deleteAtPath, setAtPath, type BodyField, type RequestParts } from './request-parts';
import { LOWERCASE_ALPHANUMERIC, uuidFrom } from './seeded-random';
import { validObject } from './valid-values';

/** The body limit of the app under test (NETKEEP_BODY_LIMIT_MB, default 5). */
export const BODY_LIMIT_BYTES = 5 * 1024 * 1024;

const hasJsonBody = (operation: ApiOperation) => operation.body !== undefined && operation.body.schema.type === 'object' && operation.body.contentTypes.includes('application/json');

function objectBody(parts: RequestParts): Record<string, unknown> {
  const body = parts.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** A copy of the valid request whose body field at `field.path` is `value`; a nested field's object is made whole first. */
function withField(valid: RequestParts, operation: ApiOperation, context: ValueContext, field: BodyField, value: unknown): MutationResult {
  const parts = cloneParts(valid);
  const body = objectBody(parts);
  ensureParent(body, operation.body?.schema as Schema, field, context);
  parts.body = setAtPath(body, field.path, value);
  return { parts, detail: `${field.path.join('.')} = ${shown(value)}` };
}

/** A nested field only breaks its object when the object is there: put a valid one in place first. */
function ensureParent(body: Record<string, unknown>, schema: Schema, field: BodyField, context: ValueContext): void {
  if (field.path.length < 2) return;
  const parentName = field.path[0] as string;
  const parent = body[parentName];
  if (typeof parent === 'object' && parent !== null && !Array.isArray(parent)) return;
  const parentSchema = schema.properties?.[parentName];
  if (parentSchema) body[parentName] = validObject(parentSchema, context);
}

function pickField(operation: ApiOperation, context: ValueContext, accept: (field: BodyField) => boolean): BodyField | undefined {
  const fields = bodyFields(operation.body?.schema ?? {}).filter(accept);
  return fields.length > 0 ? context.random.pick(fields) : undefined;
}

function fieldMutation(name: string, accept: (field: BodyField) => boolean, value: (field: BodyField, context: ValueContext) => unknown): Mutation {
  return {
    name,
    applies: (operation) => hasJsonBody(operation) && bodyFields(operation.body?.schema ?? {}).some(accept),
    apply: (valid, operation, context) => {
      const field = pickField(operation, context, accept);
      return field ? withField(valid, operation, context, field, value(field, context)) : undefined;
    },
  };
}

function rawBodyMutation(name: string, body: (valid: RequestParts, context: ValueContext) => { rawBody: string; contentType?: string; detail: string }): Mutation {
  return {
    name,
    applies: hasJsonBody,
    apply: (valid, _operation, context) => {
      const parts = cloneParts(valid);
      const broken = body(valid, context);
      parts.body = undefined;
      parts.rawBody = broken.rawBody;
      parts.contentType = broken.contentType ?? 'application/json';
      return { parts, detail: broken.detail };
    },
  };
}

/** A value of a JSON type the field does not take. */
function wrongType(schema: Schema, context: ValueContext): unknown {
  const byType: Record<string, unknown[]> = {
    string: [42, 0, true, ['text'], { text: 'x' }],
    number: ['12', '', true, [1], { value: 1 }],
    integer: ['12', true, [1]],
    boolean: ['true', 1, 0, 'yes', [true]],
    array: ['item', 7, { 0: 'item' }, true],
    object: ['{}', 7, true, [], [{}]],
  };
  return context.random.pick(byType[schema.type ?? 'string'] ?? byType['string'] ?? []);
}

function nullAllowed(field: BodyField): boolean {
  return field.schema.nullable === true || NULL_MEANS_ABSENT.has(`${field.owner}.*`) || NULL_MEANS_ABSENT.has(`${field.owner}.${field.path[field.path.length - 1]}`);
}

function invalidValuesOf(field: BodyField): readonly unknown[] | undefined {
  const name = field.path[field.path.length - 1];
  return INVALID_FIELD_VALUES[`${field.owner}.${name}`] ?? INVALID_FIELD_VALUES[`*.${name}`];
}

function outOfRange(field: BodyField, context: ValueContext): number {
  const { minimum, maximum } = field.schema;
  const candidates = [
    ...(minimum === undefined ? [] : [minimum - 1, -1e308]),
    ...(maximum === undefined ? [] : [maximum + 1, 1e308, Number.MAX_SAFE_INTEGER + 2]),
    ...(INTEGER_FIELDS.has(field.path[field.path.length - 1] as string) ? [1.5] : []),
  ];
  return context.random.pick(candidates);
}

/** `depth` arrays inside each other: JSON parsers and validators that recurse may overflow the stack. */
function nestedArrays(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

export const BODY_MUTATIONS: readonly Mutation[] = [
  {
    name: 'a required field missing',
    applies: (operation) => hasJsonBody(operation) && bodyFields(operation.body?.schema ?? {}).some((field) => field.required),
    apply: (valid, operation, context) => {
      const field = pickField(operation, context, (candidate) => candidate.required);
      if (!field) return undefined;
      const parts = cloneParts(valid);
      const body = objectBody(parts);
      ensureParent(body, operation.body?.schema as Schema, field, context);
      parts.body = deleteAtPath(body, field.path);
      return { parts, detail: `without ${field.path.join('.')}` };
    },
  },
  fieldMutation('a field of the wrong type', () => true, (field, context) => wrongType(field.schema, context)),
  fieldMutation('null where null is not allowed', (field) => !nullAllowed(field), () => null),
  fieldMutation('a number out of range', (field) => field.schema.minimum !== undefined || field.schema.maximum !== undefined, outOfRange),
  fieldMutation('a string too long', (field) => field.schema.type === 'string' && field.schema.maxLength !== undefined && !field.schema.enum, (field, context) =>
    'x'.repeat(context.random.chance(0.5) ? (field.schema.maxLength as number) + 1 : 64 * 1024),
  ),
  fieldMutation('a string too short', (field) => (field.schema.minLength ?? 0) > 0, (field) => 'x'.repeat((field.schema.minLength as number) - 1)),
  fieldMutation('a value outside the enum', (field) => Boolean(field.schema.enum ?? field.schema.items?.enum), (field) =>
    field.schema.type === 'array' ? ['not-a-choice'] : 'not-a-choice',
  ),
  fieldMutation('a malformed format', (field) => field.schema.format === 'uuid' || field.schema.format === 'date-time', (field, context) =>
    field.schema.format === 'uuid' ? context.random.pick(['not-a-uuid', '1234', `${uuidFrom(context.random)}x`]) : context.random.pick(['yesterday', '2024-13-45T99:00:00Z']),
  ),
  fieldMutation('a NUL character in text', (field) => field.schema.type === 'string' && !field.schema.enum && field.schema.format === undefined, (_field, context) =>
    `${context.random.chars(4, LOWERCASE_ALPHANUMERIC)}\u0000${context.random.chars(4, LOWERCASE_ALPHANUMERIC)}`,
  ),
  fieldMutation('a rule of the field broken', (field) => invalidValuesOf(field) !== undefined, (field, context) => context.random.pick(invalidValuesOf(field) ?? [])),
  {
    name: 'an unknown field',
    applies: hasJsonBody,
    apply: (valid, _operation, context) => {
      const parts = cloneParts(valid);
      const name = context.random.pick(['isAdmin', 'id', 'createdAt', 'tokenHash', `x${context.random.chars(6, LOWERCASE_ALPHANUMERIC)}`]);
      parts.body = { ...objectBody(parts), [name]: true };
      return { parts, detail: `extra field ${name}` };
    },
  },
  rawBodyMutation('prototype pollution', (valid, context) => {
    const fields = JSON.stringify(objectBody(valid)).slice(1, -1);
    const polluter = context.random.pick(['"__proto__": {"polluted": true}', '"constructor": {"prototype": {"polluted": true}}']);
    return { rawBody: `{${polluter}${fields ? `, ${fields}` : ''}}`, detail: polluter };
  }),
  rawBodyMutation('a body that is not an object', (_valid, context) => {
    const body = context.random.pick(['[]', '[{}]', '"text"', '42', 'true', 'null']);
    return { rawBody: body, detail: body };
  }),
  rawBodyMutation('deeply nested JSON', (valid, context) => {
    const depth = context.random.pick([1_000, 20_000, 200_000]);
    const fields = JSON.stringify(objectBody(valid)).slice(1, -1);
    return { rawBody: `{"nested": ${nestedArrays(depth)}${fields ? `, ${fields}` : ''}}`, detail: `arrays ${depth} deep` };
  }),
  rawBodyMutation('malformed JSON', (valid, context) => {
    const text = JSON.stringify(objectBody(valid));
    const body = context.random.pick([text.slice(0, Math.max(1, Math.floor(text.length / 2))), '{"a":}', "{'single': 'quotes'}", '{"a": 1,}', 'NaN', '\u0000']);
    return { rawBody: body, detail: shown(body) };
  }),
  rawBodyMutation('an empty body', () => ({ rawBody: '', detail: 'empty body with Content-Type application/json' })),
  rawBodyMutation('an unsupported content type', (valid, context) => {
    const [contentType, rawBody] = context.random.pick([
      ['application/xml', '<device><name>x</name></device>'],
      ['application/x-www-form-urlencoded', 'name=x&host=10.0.0.1'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--x--\r\n'],
      ['text/plain', JSON.stringify(objectBody(valid))],
      ['application/octet-stream', '\u0000\u0001\u0002'],
    ] as const);
    return { rawBody, contentType, detail: `Content-Type ${contentType}` };
  }),
  rawBodyMutation('a body over the size limit', (valid) => {
    const filler = 'x'.repeat(BODY_LIMIT_BYTES + 1024);
    return { rawBody: JSON.stringify({ ...objectBody(valid), filler }), detail: `${Math.round(filler.length / 1024)} KiB` };
  }),
];
