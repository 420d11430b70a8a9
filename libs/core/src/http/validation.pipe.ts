import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldError, ValidationFailedError } from '../errors/domain.errors';
import { isJsonObject, MAX_INPUT_DEPTH, nestsDeeperThan, nulCharacterAt } from './input-shape';

/** Types Nest's pipe does not validate (a handler that takes the raw body declares `unknown`, which is Object). */
const UNVALIDATED_TYPES: unknown[] = [String, Boolean, Number, Array, Object, Buffer, Date];

/**
 * Nest's pipe, refusing what it cannot handle safely, in path parameters, query and body alike:
 * documents nested deep enough to overflow its recursion, a DTO body that is JSON but not an
 * object (`null` would reach the handler as null, an array or a string as itself; no body at
 * all still means `{}`), and, once the DTO's own rules have spoken, text with NUL characters.
 */
class NetkeepValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (nestsDeeperThan(value, MAX_INPUT_DEPTH)) {
      throw ValidationFailedError.forField(metadata.type, `the ${metadata.type} nests objects or lists more than ${MAX_INPUT_DEPTH} levels deep`);
    }
    const takesDto = metadata.type === 'body' && metadata.metatype !== undefined && !UNVALIDATED_TYPES.includes(metadata.metatype);
    if (takesDto && value !== undefined && !isJsonObject(value)) {
      throw ValidationFailedError.forField('body', 'the body must be a JSON object ({...})');
    }
    const transformed: unknown = await super.transform(value, metadata);
    const nul = nulCharacterAt(transformed);
    if (nul !== undefined) {
      const field = nul === '' ? (metadata.data ?? metadata.type) : nul;
      throw ValidationFailedError.forField(field, `${field} must not contain NUL characters (U+0000)`);
    }
    return transformed;
  }
}

/** The one global pipe: unknown fields rejected, bodies turned into DTO instances, every field's problems in the 400. */
export function createValidationPipe(): ValidationPipe {
  return new NetkeepValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Rejected values may be secrets (a password of the wrong type): never echo them.
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(flattenValidationErrors(errors)),
  });
}

/** Nested errors as dotted paths: `interfaces.0.name`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const fields: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const problems = Object.values(error.constraints ?? {});
    if (problems.length > 0) fields.push({ field, problems });
    if (error.children?.length) fields.push(...flattenValidationErrors(error.children, field));
  }
  return fields;
}
