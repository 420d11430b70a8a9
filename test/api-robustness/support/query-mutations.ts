import { INTEGER_FIELDS, INVALID_QUERY_VALUES, QUERY_MAX_LENGTHS, type ValueContext } from './domain-values';
import { shown, type Mutation, type MutationResult } from './mutation';
import type { ApiParameter } from './openapi-operations';
import { cloneParts, type RequestParts } from './request-parts';
import { LOWERCASE_ALPHANUMERIC } from './seeded-random';

/** The valid request with `name` given `values` in place of whatever it had. */
function withQuery(valid: RequestParts, name: string, values: string[]): MutationResult {
  const parts = cloneParts(valid);
  parts.query = [...parts.query.filter(([key]) => key !== name), ...values.map((value): [string, string] => [name, value])];
  return { parts, detail: `${name}=${values.map(shown).join('&')}` };
}

function parameterMutation(name: string, accept: (parameter: ApiParameter) => boolean, values: (parameter: ApiParameter, context: ValueContext) => string[] | undefined): Mutation {
  return {
    name,
    applies: (operation) => operation.queryParams.some(accept),
    apply: (valid, operation, context) => {
      const candidates = operation.queryParams.filter(accept);
      if (candidates.length === 0) return undefined;
      const parameter = context.random.pick(candidates);
      const broken = values(parameter, context);
      return broken ? withQuery(valid, parameter.name, broken) : undefined;
    },
  };
}

const isNumber = (parameter: ApiParameter) => parameter.schema.type === 'number' || parameter.schema.type === 'integer' || INTEGER_FIELDS.has(parameter.name);
const isArray = (parameter: ApiParameter) => parameter.schema.type === 'array';

function badNumber(parameter: ApiParameter, context: ValueContext): string[] {
  const { minimum, maximum } = parameter.schema;
  const candidates = ['abc', '', '1.5', '1e3', '0x10', 'NaN', 'Infinity', '9'.repeat(30), ' 7'];
  if (minimum !== undefined) candidates.push(String(minimum - 1), '-99999999999');
  if (maximum !== undefined) candidates.push(String(maximum + 1));
  return [context.random.pick(candidates)];
}

export const QUERY_MUTATIONS: readonly Mutation[] = [
  {
    name: 'a required query parameter missing',
    applies: (operation) => operation.queryParams.some((parameter) => parameter.required),
    apply: (valid, operation, context) => {
      const parameter = context.random.pick(operation.queryParams.filter((candidate) => candidate.required));
      const parts = cloneParts(valid);
      parts.query = parts.query.filter(([key]) => key !== parameter.name);
      return { parts, detail: `without ${parameter.name}` };
    },
  },
  parameterMutation('a query number that is no number in range', isNumber, badNumber),
  parameterMutation('a query boolean that is no boolean', (parameter) => parameter.schema.type === 'boolean', (_parameter, context) => [context.random.pick(['maybe', 'yes', '2', '', 'TRUE '])]),
  parameterMutation('a query value outside the enum', (parameter) => Boolean(parameter.schema.enum ?? parameter.schema.items?.enum), () => ['not-a-choice']),
  parameterMutation('a scalar query parameter repeated', (parameter) => !isArray(parameter), (parameter, context) => {
    const value = parameter.schema.enum ? String(context.random.pick(parameter.schema.enum)) : '1';
    return [value, value];
  }),
  parameterMutation('a query value too long', (parameter) => QUERY_MAX_LENGTHS[parameter.name] !== undefined, (parameter) => ['x'.repeat((QUERY_MAX_LENGTHS[parameter.name] as number) + 1)]),
  parameterMutation('a rule of the query parameter broken', (parameter) => INVALID_QUERY_VALUES[parameter.name] !== undefined, (parameter, context) => [
    context.random.pick(INVALID_QUERY_VALUES[parameter.name] ?? []),
  ]),
  parameterMutation('a NUL character in a query value', (parameter) => !isNumber(parameter) && parameter.schema.type !== 'boolean' && !parameter.schema.enum, (_parameter, context) => [
    `${context.random.chars(3, LOWERCASE_ALPHANUMERIC)}\u0000`,
  ]),
  parameterMutation('too many values for a list parameter', (parameter) => parameter.name === 'tag', () => Array.from({ length: 17 }, (_unused, index) => `t${index}`)),
  {
    name: 'an unknown query parameter',
    applies: (operation) => operation.queryParams.length > 0,
    apply: (valid, _operation, context) => {
      // Not __proto__ or constructor: Nest drops those before validation, which is the safe answer too.
      const name = context.random.pick(['isAdmin', 'tokenHash', `x${context.random.chars(5, LOWERCASE_ALPHANUMERIC)}`, 'limit[]', 'q.x']);
      return withQuery(valid, name, ['1']);
    },
  },
];
