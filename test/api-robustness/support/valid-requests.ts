import type { ValueContext } from './domain-values';
import { IMPORT_FORMATS, importFile, type ImportFormat } from './import-files';
import type { ApiOperation, ApiParameter } from './openapi-operations';
import type { RequestParts } from './request-parts';
import { collectionOf } from './resource-pools';
import { uuidFrom } from './seeded-random';
import { validObject, validValue } from './valid-values';

export const IMPORT_OPERATION = 'POST /api/v1/devices/import';

/**
 * An `{id}` of the operation's collection: an existing one mostly, an unknown one now and then
 * (a 404 is a valid answer); for a device's configurations mostly a device that has some, and
 * for a delete mostly something no device uses.
 */
function existingId(operation: ApiOperation, context: ValueContext): string {
  const collection = collectionOf(operation.path);
  const items = collection ? context.pools.list(collection) : [];
  const archived = [...context.pools.versionRefs.keys()];
  const unused = items.filter((item) => !item.deviceCount).map((item) => item.id);
  let ids = items.map((item) => item.id);
  if (operation.path.includes('/configs') && archived.length > 0 && context.random.chance(0.8)) ids = archived;
  else if (operation.method === 'DELETE' && unused.length > 0 && context.random.chance(0.8)) ids = unused;
  return ids.length > 0 && context.random.chance(0.9) ? context.random.pick(ids) : uuidFrom(context.random);
}

function queryValues(parameter: ApiParameter, context: ValueContext): string[] {
  const value = validValue(parameter.schema, context, 'query', parameter.name);
  return (Array.isArray(value) ? value : [value]).map((item) => String(item));
}

/** A request every rule of the API accepts: path ids that exist, query values in range, a body built from the schema and the fields' known rules. */
export function validRequest(operation: ApiOperation, context: ValueContext): RequestParts {
  const pathParams: Record<string, string> = {};
  for (const parameter of operation.pathParams) {
    const value = parameter.name === 'id' ? existingId(operation, context) : String(validValue(parameter.schema, context, 'path', parameter.name));
    pathParams[parameter.name] = encodeURIComponent(value);
    if (parameter.name === 'id' && collectionOf(operation.path) === 'devices') context.deviceId = value;
  }
  const query: [string, string][] = [];
  for (const parameter of operation.queryParams) {
    if (!parameter.required && !context.random.chance(0.5)) continue;
    for (const value of queryValues(parameter, context)) query.push([parameter.name, value]);
  }
  if (operation.key === IMPORT_OPERATION) {
    const format = (query.find(([name]) => name === 'format')?.[1] ?? context.random.pick(IMPORT_FORMATS)) as ImportFormat;
    const file = importFile(format, context);
    return { pathParams, query, rawBody: file.body, contentType: file.contentType };
  }
  const body = operation.body ? validObject(operation.body.schema, context) : undefined;
  return { pathParams, query, body };
}
