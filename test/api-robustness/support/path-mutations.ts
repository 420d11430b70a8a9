import { INVALID_PATH_VALUES } from './domain-values';
import type { Mutation } from './mutation';
import { cloneParts } from './request-parts';

/** Path parameters that name nothing (a well-formed unknown id) or cannot name anything (traversal, NUL, bad encodings, overlong). */
export const PATH_MUTATIONS: readonly Mutation[] = [
  {
    name: 'an unknown id',
    applies: (operation) => operation.pathParams.length > 0,
    apply: (valid, operation, context) => {
      const parameter = context.random.pick(operation.pathParams);
      const parts = cloneParts(valid);
      const value = parameter.name === 'id' ? context.random.uuid() : `no-such-${context.random.string(6)}`;
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
