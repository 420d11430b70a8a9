/** The part of JSON Schema (as OpenAPI 3.0 and @nestjs/swagger write it) the generator reads. */
export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  /** The component a schema came from (`CreateDeviceDto`), where it came from one. */
  title?: string;
}

export interface ApiParameter {
  name: string;
  required: boolean;
  schema: Schema;
}

/** One operation of the document, its schemas resolved into plain trees. */
export interface ApiOperation {
  /** `POST /api/v1/devices` */
  key: string;
  method: string;
  /** As in the document: `/api/v1/devices/{id}`. */
  path: string;
  pathParams: ApiParameter[];
  queryParams: ApiParameter[];
  body?: { contentTypes: string[]; schema: Schema };
}

interface RawSchema extends Schema {
  $ref?: string;
  allOf?: RawSchema[];
  items?: RawSchema;
  properties?: Record<string, RawSchema>;
}

interface RawParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: RawSchema;
}

interface RawOperation {
  parameters?: RawParameter[];
  requestBody?: { content: Record<string, { schema?: RawSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, RawSchema> };
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every operation in `document`, in document order. */
export function apiOperations(document: OpenApiDocument): ApiOperation[] {
  const components = document.components?.schemas ?? {};
  const resolve = (schema: RawSchema, depth = 0): Schema => resolveSchema(schema, components, depth);
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]): ApiOperation => {
        const parameters = operation.parameters ?? [];
        const parameter = (raw: RawParameter): ApiParameter => ({ name: raw.name, required: raw.required === true, schema: resolve(raw.schema ?? {}) });
        const content = Object.entries(operation.requestBody?.content ?? {});
        const firstSchema = content[0]?.[1].schema;
        return {
          key: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase(),
          path,
          pathParams: parameters.filter((raw) => raw.in === 'path').map(parameter),
          queryParams: parameters.filter((raw) => raw.in === 'query').map(parameter),
          body: firstSchema ? { contentTypes: content.map(([type]) => type), schema: resolve(firstSchema) } : undefined,
        };
      }),
  );
}

function resolveSchema(schema: RawSchema, components: Record<string, RawSchema>, depth: number): Schema {
  if (depth > 20) throw new Error('schema nesting deeper than 20: a reference cycle?');
  const { $ref, allOf, items, properties, ...own } = schema;
  let resolved: Schema = { ...own };
  if ($ref) {
    const name = $ref.replace('#/components/schemas/', '');
    const target = components[name];
    if (!target) throw new Error(`unresolved schema reference ${$ref}`);
    resolved = { ...resolveSchema(target, components, depth + 1), ...resolved, title: name };
  }
  for (const part of allOf ?? []) {
    const inner = resolveSchema(part, components, depth + 1);
    resolved = { ...inner, ...resolved, type: inner.type ?? resolved.type, title: inner.title ?? resolved.title };
  }
  if (items) resolved.items = resolveSchema(items, components, depth + 1);
  if (properties) {
    resolved.properties = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, resolveSchema(property, components, depth + 1)]));
  }
  return resolved;
}
