import type { TransformFnParams } from 'class-transformer';

// Query values are read from the raw object (`obj[key]`), so the result does not depend on
// whether the global ValidationPipe converts implicitly (Boolean("false") is true).

/** "true"/"false"/"1"/"0" to a boolean; anything else passes through for IsBoolean to reject. */
export function queryBoolean({ obj, key }: TransformFnParams): unknown {
  const raw: unknown = (obj as Record<string, unknown>)[key];
  if (raw === 'true' || raw === '1' || raw === true) return true;
  if (raw === 'false' || raw === '0' || raw === false) return false;
  return raw;
}

/** A decimal integer string to a number; anything else passes through for IsInt to reject. */
export function queryInteger({ obj, key }: TransformFnParams): unknown {
  const raw: unknown = (obj as Record<string, unknown>)[key];
  if (typeof raw === 'string' && /^-?\d{1,15}$/.test(raw)) return Number(raw);
  return raw;
}

/** A repeatable parameter (?tag=a&tag=b) to a list. */
export function queryList({ obj, key }: TransformFnParams): unknown {
  const raw: unknown = (obj as Record<string, unknown>)[key];
  if (raw === undefined) return undefined;
  return Array.isArray(raw) ? raw : [raw];
}
