import { z } from 'zod';
import { ErrorSchema } from './common-schemas.ts';
import type { RouteDef } from './route.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/**
 * zod emits named schemas (`.meta({ id })`) under `$defs` with `#/$defs/…` refs; an OpenAPI
 * document keeps them in components, so the refs are moved there.
 */
function hoistDefs(schema: Json, components: JsonObject): Json {
  if (Array.isArray(schema)) return schema.map((s) => hoistDefs(s, components));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$defs' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [name, def] of Object.entries(value)) components[name] = hoistDefs(def, components);
    } else if (key === '$ref' && typeof value === 'string') {
      out[key] = value.replace(/^#\/\$defs\//, '#/components/schemas/');
    } else if (key !== '$schema') {
      out[key] = hoistDefs(value, components);
    }
  }
  return out;
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output', components: JsonObject): Json {
  return hoistDefs(z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json, components);
}

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query', components: JsonObject): Json[] {
  if (schema === undefined || !(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, property]) => {
    const described = jsonSchema(property, 'input', components) as JsonObject;
    const { description, ...rest } = described;
    return {
      name,
      in: where,
      required: where === 'path' || !property.safeParse(undefined).success,
      ...(description === undefined ? {} : { description }),
      schema: rest,
    };
  });
}

const errorResponse = (description: string): JsonObject => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function operationOf(route: RouteDef, components: JsonObject): JsonObject {
  const responses: JsonObject = {};
  for (const [status, response] of Object.entries(route.responses)) {
    responses[status] =
      response.schema === undefined
        ? Number(status) >= 400
          ? errorResponse(response.description)
          : { description: response.description }
        : { description: response.description, content: { 'application/json': { schema: jsonSchema(response.schema, 'output', components) } } };
  }
  const hasInput = route.params !== undefined || route.query !== undefined || route.body !== undefined;
  if (hasInput && responses['400'] === undefined) responses['400'] = errorResponse('The request is malformed; the message names what is wrong');
  if (route.access.kind !== 'public') {
    responses['401'] ??= errorResponse('No valid Google ID token');
    responses['503'] ??= errorResponse('Sign-in cannot be checked right now (Google\'s keys unreachable, or sign-in not configured), or the service is shutting down');
    if (route.access.kind === 'spreadsheet') responses['403'] ??= errorResponse('No role, or not the needed role, on this spreadsheet');
  }
  if (route.body !== undefined) {
    responses['413'] ??= errorResponse('The body is larger than the limit');
    responses['415'] ??= errorResponse('The body is not sent as application/json');
  }
  responses['500'] ??= errorResponse('Internal error; details are in the service log under the request id');
  const parameters = [...parametersOf(route.params, 'path', components), ...parametersOf(route.query, 'query', components)];
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [...route.tags],
    ...(route.access.kind === 'public' ? { security: [] } : {}),
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(route.body === undefined
      ? {}
      : { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body.schema, 'input', components) } } } }),
    responses,
  };
}

/** The OpenAPI 3.1 document of exactly the routes the app serves. */
export function openApiDocument(routes: readonly RouteDef[], version: string): JsonObject {
  const components: JsonObject = {};
  jsonSchema(ErrorSchema, 'output', components);
  const paths: JsonObject = {};
  for (const route of routes) {
    const item = (paths[route.path] ?? {}) as JsonObject;
    item[route.method] = operationOf(route, components);
    paths[route.path] = item;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'sheets-sfa',
      version,
      description: 'Sync service for the sheets-sfa Google Sheets add-on. Every /v1 route takes the Google ID token from ScriptApp.getIdentityToken() as a bearer token.',
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    security: [{ googleIdToken: [] }],
    paths,
    components: {
      securitySchemes: {
        googleIdToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A Google ID token issued to the add-on\'s OAuth client' },
      },
      schemas: components,
    },
  };
}
