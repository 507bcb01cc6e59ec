import { z } from 'zod';
import type { RouteDefinition } from './route-table';

const toOpenApiPath = (path: string) => path.replace(/\{\/:(\w+)\}/g, '/{$1}').replace(/:(\w+)/g, '{$1}');

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

const problem = { description: 'RFC 9457 problem details', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };

/**
 * The OpenAPI 3.1 document of every /api route, generated from the same route table (audience) and zod
 * schemas (bodies, queries) the app validates with, so it cannot drift from the code.
 */
export function openApiDocument(routes: readonly RouteDefinition[], baseUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes.filter((r) => r.path.startsWith('/api/'))) {
    const path = toOpenApiPath(route.path);
    const parameters = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (route.docs?.query) {
      const query = jsonSchema(route.docs.query) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(query.properties ?? {})) parameters.push({ name, in: 'query', required: (query.required ?? []).includes(name), schema } as never);
    }
    const isPublic = route.allow.includes('public');
    (paths[path] ??= {})[route.method] = {
      summary: route.docs?.summary ?? `${route.method.toUpperCase()} ${route.path}`,
      tags: [route.docs?.tag ?? path.split('/')[3] ?? 'api'],
      'x-allowed-roles': route.allow,
      security: isPublic ? [] : [{ bearer: [] }],
      parameters,
      ...(route.docs?.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.docs.body) } } } } : {}),
      responses: { default: { description: 'Success' }, '4XX': problem, '5XX': problem },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Hai Phong DOIT green compliance API', version: '1', description: 'Dossiers on the one-stop workflow, certificates, PGI, dialogue.' },
    servers: [{ url: baseUrl }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Personal access token from POST /api/v1/auth/tokens' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'code'],
          properties: {
            type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, instance: { type: 'string' },
            code: { type: 'string' }, requestId: { type: 'string' },
            errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
      },
    },
    paths,
  };
}
