import type { ApiOperation } from './openapi-operations';

/** Deletes last: every other operation still finds things to name. */
export function inRunOrder(operations: readonly ApiOperation[]): ApiOperation[] {
  return [...operations.filter((operation) => operation.method !== 'DELETE'), ...operations.filter((operation) => operation.method === 'DELETE')];
}
