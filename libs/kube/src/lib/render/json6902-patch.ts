import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { KustomizationError } from './kustomization.error';

/** One RFC 6902 operation. */
export type PatchOperation =
  | { op: 'add' | 'replace' | 'test'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  | { op: 'move' | 'copy'; from: string; path: string };

const OPERATIONS = ['add', 'remove', 'replace', 'move', 'copy', 'test'];

/** The operations of a patch written in YAML or JSON; a mapping (a strategic-merge patch) is refused. */
export function parsePatchOperations(text: string, source: string): PatchOperation[] {
  let content: unknown;
  try {
    content = parse(text);
  } catch (error) {
    throw new KustomizationError(`${source}: not valid YAML: ${(error as Error).message}`);
  }
  if (!Array.isArray(content)) {
    throw new KustomizationError(`${source}: strategic-merge patches are not supported by netkeep's renderer; write a JSON 6902 patch (a list of op/path/value)`);
  }
  return content.map((item, index) => {
    const where = `${source}: operation ${index + 1}`;
    if (typeof item !== 'object' || item === null) throw new KustomizationError(`${where} must be a mapping with op and path`);
    const { op, path, from } = item as Record<string, unknown>;
    if (typeof op !== 'string' || !OPERATIONS.includes(op)) throw new KustomizationError(`${where}: op must be one of ${OPERATIONS.join(', ')}`);
    if (typeof path !== 'string') throw new KustomizationError(`${where}: path must be a JSON pointer such as /spec/replicas`);
    if ((op === 'move' || op === 'copy') && typeof from !== 'string') throw new KustomizationError(`${where}: ${op} needs from`);
    if ((op === 'add' || op === 'replace' || op === 'test') && !('value' in item)) throw new KustomizationError(`${where}: ${op} needs value`);
    return item as PatchOperation;
  });
}

/** Applies the operations in order to a copy of `document` (RFC 6902: a failing operation fails the patch). */
export function applyPatchOperations<T>(document: T, operations: readonly PatchOperation[]): T {
  let result: unknown = structuredClone(document);
  for (const operation of operations) {
    try {
      result = applyOperation(result, operation);
    } catch (error) {
      throw new KustomizationError(`${operation.op} ${operation.path}: ${(error as Error).message}`);
    }
  }
  return result as T;
}

function applyOperation(document: unknown, operation: PatchOperation): unknown {
  switch (operation.op) {
    case 'add':
      return add(document, operation.path, structuredClone(operation.value));
    case 'remove':
      return remove(document, operation.path).document;
    case 'replace':
      get(document, operation.path);
      return add(remove(document, operation.path).document, operation.path, structuredClone(operation.value));
    case 'move': {
      if (operation.path.startsWith(`${operation.from}/`)) throw new Error(`cannot move ${operation.from} into itself`);
      const removed = remove(document, operation.from);
      return add(removed.document, operation.path, removed.value);
    }
    case 'copy':
      return add(document, operation.path, structuredClone(get(document, operation.from)));
    case 'test':
      if (!isDeepStrictEqual(get(document, operation.path), operation.value)) throw new Error('test failed: the value differs');
      return document;
  }
}

function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`"${pointer}" is not a JSON pointer (it starts with /)`);
  return pointer.slice(1).split('/').map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function get(document: unknown, pointer: string): unknown {
  let node = document;
  for (const token of tokens(pointer)) {
    node = child(node, token, pointer);
  }
  return node;
}

function child(node: unknown, token: string, pointer: string): unknown {
  if (Array.isArray(node)) return node[arrayIndex(node, token, pointer, false)];
  if (typeof node === 'object' && node !== null && Object.hasOwn(node, token)) return (node as Record<string, unknown>)[token];
  throw new Error(`${pointer} does not exist`);
}

function arrayIndex(array: unknown[], token: string, pointer: string, forInsert: boolean): number {
  if (forInsert && token === '-') return array.length;
  if (!/^(0|[1-9][0-9]*)$/.test(token)) throw new Error(`${pointer}: "${token}" is not an array index`);
  const index = Number(token);
  if (index > array.length || (!forInsert && index === array.length)) throw new Error(`${pointer}: index ${index} is out of range`);
  return index;
}

function parentOf(document: unknown, pointer: string): { parent: unknown; last: string } {
  const all = tokens(pointer);
  if (all.length === 0) throw new Error('the whole document cannot be the target');
  const last = all[all.length - 1];
  const parentPointer = pointer.slice(0, pointer.lastIndexOf('/'));
  return { parent: get(document, parentPointer), last };
}

function add(document: unknown, pointer: string, value: unknown): unknown {
  if (pointer === '') return value;
  const { parent, last } = parentOf(document, pointer);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, last, pointer, true), 0, value);
  else if (typeof parent === 'object' && parent !== null) (parent as Record<string, unknown>)[last] = value;
  else throw new Error(`the parent of ${pointer} is not an object or array`);
  return document;
}

function remove(document: unknown, pointer: string): { document: unknown; value: unknown } {
  const { parent, last } = parentOf(document, pointer);
  const value = child(parent, last, pointer);
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete (parent as Record<string, unknown>)[last];
  return { document, value };
}
