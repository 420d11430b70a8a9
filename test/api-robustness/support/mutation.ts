import type { ValueContext } from './domain-values';
import type { ApiOperation } from './openapi-operations';
import type { RequestParts } from './request-parts';

export interface MutationResult {
  parts: RequestParts;
  /** Which field and how, for a failure message: `port = 65536`. */
  detail: string;
}

/** One way of breaking a valid request so that the API must refuse it. */
export interface Mutation {
  /** The kind, as the summary counts it. */
  name: string;
  /** Whether the operation has what this mutation breaks. */
  applies(operation: ApiOperation): boolean;
  /** A broken copy of `valid`, or undefined when this request offers nothing to break. */
  apply(valid: RequestParts, operation: ApiOperation, context: ValueContext): MutationResult | undefined;
}

/** A short, printable form of a value for failure messages. */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 40)}…(${text.length} chars)` : text;
}
