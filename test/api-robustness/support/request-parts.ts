import type { ApiOperation, Schema } from './openapi-operations';

/** A request before it goes on the wire; mutations edit a copy of a valid one. */
export interface RequestParts {
  /** Already percent-encoded (a mutation may send an encoding that does not decode). */
  pathParams: Record<string, string>;
  /** Decoded values in order; a key may repeat. */
  query: [string, string][];
  /** A JSON value, serialised when sent. */
  body?: unknown;
  /** Sent exactly as it is, in place of `body`. */
  rawBody?: string;
  contentType?: string;
}

/** A request as sent, with what the generator meant it to be. */
export interface GeneratedRequest {
  operation: ApiOperation;
  kind: 'valid' | 'invalid';
  /** What makes an invalid request invalid: the kind of mistake and where. */
  mutation?: { kind: string; detail: string };
  method: string;
  /** Path and query string. */
  url: string;
  contentType?: string;
  body?: string;
}

export function toGeneratedRequest(operation: ApiOperation, parts: RequestParts, kind: 'valid' | 'invalid', mutation?: GeneratedRequest['mutation']): GeneratedRequest {
  const path = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = parts.pathParams[name];
    if (value === undefined) throw new Error(`${operation.key}: no value for path parameter ${name}`);
    return value;
  });
  const query = parts.query.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
  const body = parts.rawBody ?? (parts.body === undefined ? undefined : JSON.stringify(parts.body));
  return {
    operation,
    kind,
    mutation,
    method: operation.method,
    url: query ? `${path}?${query}` : path,
    contentType: body === undefined ? undefined : (parts.contentType ?? 'application/json'),
    body,
  };
}

export function cloneParts(parts: RequestParts): RequestParts {
  return {
    pathParams: { ...parts.pathParams },
    query: parts.query.map(([name, value]) => [name, value]),
    body: parts.body === undefined ? undefined : structuredClone(parts.body),
    rawBody: parts.rawBody,
    contentType: parts.contentType,
  };
}

/** A field of a JSON body, top level or one object down (`snmp.port`). */
export interface BodyField {
  path: string[];
  schema: Schema;
  /** The schema that declares it (`CreateDeviceDto`). */
  owner?: string;
  required: boolean;
}

export function bodyFields(schema: Schema, prefix: string[] = [], depth = 0): BodyField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const field: BodyField = { path: [...prefix, name], schema: property, owner: schema.title, required: required.has(name) };
    const nested = property.type === 'object' && property.properties && depth < 1 ? bodyFields(property, field.path, depth + 1) : [];
    return [field, ...nested];
  });
}

/** Sets `value` at `path` in `body`, creating the objects on the way; returns the body. */
export function setAtPath(body: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  let target = body;
  for (const key of path.slice(0, -1)) {
    const next = target[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  target[path[path.length - 1] as string] = value;
  return body;
}

export function deleteAtPath(body: Record<string, unknown>, path: string[]): Record<string, unknown> {
  let target: unknown = body;
  for (const key of path.slice(0, -1)) target = (target as Record<string, unknown> | undefined)?.[key];
  if (typeof target === 'object' && target !== null) delete (target as Record<string, unknown>)[path[path.length - 1] as string];
  return body;
}
