import { INVALID_PATH_VALUES } from './domain-values';
import type { Mutation } from './mutation';
import { cloneParts } from './request-parts';
import { LOWERCASE_ALPHANUMERIC, uuidFrom } from './seeded-random';

/** Path parameters that name nothing (a well-formed unknown id) or cannot name anything (traversal, NUL, bad encodings, overlong). */
export const PATH_MUTATIONS: readonly Mutation[] = [
  {
    name: 'an unknown id',
    applies: (operation) => operation.pathParams.length > 0,
    apply: (valid, operation, context) => {
      const parameter = context.random.pick(operation.pathParams);
      const parts = cloneParts(valid);
      const value = parameter.name === 'id' ? uuidFrom(context.random) : `no-such-${context.random.chars(6, LOWERCASE_ALPHANUMERIC)}`;
      parts.pathParams[parameter.name] = value;
      return { parts, detail: `${parameter.name} = ${value}` };
    },
  },
  {
    name: 'a malformed path parameter',
    applies: (operation) => operation.pathParams.length > 0,
    apply: (valid, operation, context) => {
      const parameter = context.random.pick(operation.pathParams);
      const parts = cloneParts(valid);
      const value = context.random.pick(INVALID_PATH_VALUES);
      parts.pathParams[parameter.name] = value;
      return { parts, detail: `${parameter.name} = ${value}` };
    },
  },
];
