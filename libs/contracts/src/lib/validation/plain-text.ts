import { ValidateBy, type ValidationOptions } from 'class-validator';

const CONTROL_CHARACTERS_BUT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A one-line label (role, username): no control characters, no line breaks. */
export function IsSingleLine(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSingleLine',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !/[\u0000-\u001f\u007f]/.test(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a single line without control characters`,
      },
    },
    options,
  );
}

/** Free text (notes, keys): line breaks and tabs allowed, other control characters not. */
export function IsPrintableText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPrintableText',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !CONTROL_CHARACTERS_BUT_WHITESPACE.test(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must not contain control characters`,
      },
    },
    options,
  );
}
