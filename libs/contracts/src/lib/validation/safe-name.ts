import { ValidateBy, type ValidationOptions } from 'class-validator';

export const SAFE_NAME_MAX_LENGTH = 128;

// Device and site names become file and directory names in the backup archive.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** Why a name cannot be used as a file name, or undefined when it can. */
export function unsafeNameReason(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.length > SAFE_NAME_MAX_LENGTH) return `must be at most ${SAFE_NAME_MAX_LENGTH} characters`;
  if (name.includes('/') || name.includes('\\')) return 'must not contain path separators (/ or \\)';
  if (name.includes('..')) return 'must not contain ".."';
  if (CONTROL_CHARACTERS.test(name)) return 'must not contain control characters';
  if (name.startsWith('.')) return 'must not start with a dot';
  if (name.trim() !== name) return 'must not start or end with whitespace';
  return undefined;
}

/** A name that is safe as a file name: no separators, "..", control characters or leading dot. */
export function IsSafeName(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSafeName',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && unsafeNameReason(value) === undefined,
        defaultMessage: (args) => {
          const value: unknown = args?.value;
          if (typeof value !== 'string') return `${args?.property ?? 'name'} must be a string`;
          return `${args?.property ?? 'name'} ${unsafeNameReason(value) ?? 'is not allowed'}`;
        },
      },
    },
    options,
  );
}
