import { IsDefined, ValidateIf } from 'class-validator';

/**
 * How a field may be absent: `required` (must be present and non-null), `optional` (may be
 * absent, never null) or `nullable` (may be absent or null; null clears it on PATCH).
 */
export type FieldPresence = 'required' | 'optional' | 'nullable';

/** Applies several property decorators in order; contracts may not depend on @nestjs/common. */
export function composeProperty(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };
}

export function presence(mode: FieldPresence): PropertyDecorator {
  switch (mode) {
    case 'required':
      return IsDefined({ message: '$property is required' });
    case 'optional':
      // null is not "absent": it reaches the type validators and fails there.
      return ValidateIf((_object, value) => value !== undefined);
    case 'nullable':
      return ValidateIf((_object, value) => value !== undefined && value !== null);
  }
}
