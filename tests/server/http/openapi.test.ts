import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openApiDocument } from '../../../server/http/openapi.ts';
import { defineRoute, type RouteDef } from '../../../server/http/route.ts';

const Run = z.object({ id: z.string(), startedAt: z.string(), rows: z.number().int() }).meta({ id: 'Run' });
const RunList = z.object({ runs: z.array(Run) }).meta({ id: 'RunList' });
const NoteRequest = z.object({ text: z.string().min(1), tag: z.string().optional() }).meta({ id: 'NoteRequest' });

const health = defineRoute({
  method: 'get',
  path: '/healthz',
  operationId: 'health',
  summary: 'Liveness',
  tags: ['health'],
  access: { kind: 'public' },
  responses: { 200: { description: 'Alive', schema: z.object({ status: z.literal('ok') }) } },
  handle: async () => ({ body: { status: 'ok' } }),
});

const listRuns = defineRoute({
  method: 'get',
  path: '/v1/spreadsheets/{spreadsheetId}/runs',
  operationId: 'listRuns',
  summary: 'Recent sync runs',
  tags: ['runs'],
  access: { kind: 'spreadsheet', role: 'manager' },
  params: z.object({ spreadsheetId: z.string().meta({ description: 'The Google spreadsheet id' }) }),
  query: z.object({ limit: z.coerce.number().int().optional(), before: z.string() }),
  responses: { 200: { description: 'The runs, newest first', schema: RunList } },
  handle: async () => ({ body: { runs: [] } }),
});

const addNote = defineRoute({
  method: 'post',
  path: '/v1/notes/{noteId}',
  operationId: 'addNote',
  summary: 'Add a note',
  tags: ['notes'],
  access: { kind: 'signedIn' },
  params: z.object({ noteId: z.string() }),
  body: { schema: NoteRequest },
  responses: { 201: { description: 'Stored', schema: Run }, 409: { description: 'Already there' } },
  handle: async () => ({ status: 201, body: {} }),
});

const deleteNote = defineRoute({
  method: 'delete',
  path: '/v1/notes/{noteId}',
  operationId: 'deleteNote',
  summary: 'Delete a note',
  tags: ['notes'],
  access: { kind: 'signedIn' },
  params: z.object({ noteId: z.string() }),
  responses: { 204: { description: 'Deleted' } },
  handle: async () => ({ status: 204, body: null }),
});

const routes: readonly RouteDef[] = [health, listRuns, addNote, deleteNote];

type Node = null | boolean | number | string | Node[] | { [key: string]: Node };

function at(doc: Node, ...path: string[]): Node {
  let node: Node = doc;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !(key in node)) throw new Error(`no ${path.join('.')} in the document`);
    node = node[key] ?? null;
  }
  return node;
}

/** Every value stored under `key` anywhere in the document. */
function collect(node: Node, key: string, found: Node[] = []): Node[] {
  if (Array.isArray(node)) for (const n of node) collect(n, key, found);
  else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === key) found.push(v);
      collect(v, key, found);
    }
  }
  return found;
}

describe('openApiDocument', () => {
  const doc = openApiDocument(routes, '1.2.3') as Node;

  it('declares OpenAPI 3.1 with the given version and Google ID tokens as the default security', () => {
    expect(at(doc, 'openapi')).toBe('3.1.0');
    expect(at(doc, 'info', 'version')).toBe('1.2.3');
    expect(at(doc, 'security')).toEqual([{ googleIdToken: [] }]);
    expect(at(doc, 'components', 'securitySchemes', 'googleIdToken')).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  });

  it('lists every route under its path and method, two methods sharing one path', () => {
    expect(Object.keys(at(doc, 'paths') as object)).toEqual(['/healthz', '/v1/spreadsheets/{spreadsheetId}/runs', '/v1/notes/{noteId}']);
    expect(Object.keys(at(doc, 'paths', '/v1/notes/{noteId}') as object)).toEqual(['post', 'delete']);
    expect(at(doc, 'paths', '/healthz', 'get', 'operationId')).toBe('health');
    expect(at(doc, 'paths', '/v1/notes/{noteId}', 'delete', 'operationId')).toBe('deleteNote');
    expect(at(doc, 'paths', '/v1/spreadsheets/{spreadsheetId}/runs', 'get', 'tags')).toEqual(['runs']);
  });

  it('documents path parameters as required and query parameters as their schema says', () => {
    expect(at(doc, 'paths', '/v1/spreadsheets/{spreadsheetId}/runs', 'get', 'parameters')).toEqual([
      { name: 'spreadsheetId', in: 'path', required: true, description: 'The Google spreadsheet id', schema: { type: 'string' } },
      { name: 'limit', in: 'query', required: false, schema: expect.objectContaining({ type: 'integer' }) },
      { name: 'before', in: 'query', required: true, schema: { type: 'string' } },
    ]);
    expect(at(doc, 'paths', '/v1/notes/{noteId}', 'post', 'parameters')).toEqual([{ name: 'noteId', in: 'path', required: true, schema: { type: 'string' } }]);
  });

  it('leaves parameters out when a route has none', () => {
    expect(at(doc, 'paths', '/healthz', 'get')).not.toHaveProperty('parameters');
  });

  it('marks a public route with an empty security list and no 401 or 403', () => {
    const op = at(doc, 'paths', '/healthz', 'get');
    expect(op).toHaveProperty('security', []);
    expect(Object.keys(at(op, 'responses') as object).sort()).toEqual(['200', '500']);
  });

  it('documents 401 and 403 when a route is about a spreadsheet', () => {
    const op = at(doc, 'paths', '/v1/spreadsheets/{spreadsheetId}/runs', 'get');
    expect(op).not.toHaveProperty('security');
    expect(Object.keys(at(op, 'responses') as object).sort()).toEqual(['200', '400', '401', '403', '500', '503']);
    expect(at(op, 'responses', '403', 'content', 'application/json', 'schema')).toEqual({ $ref: '#/components/schemas/Error' });
  });

  it('documents 401 but not 403, and 413 for the body, when a route only needs sign-in', () => {
    const op = at(doc, 'paths', '/v1/notes/{noteId}', 'post');
    expect(Object.keys(at(op, 'responses') as object).sort()).toEqual(['201', '400', '401', '409', '413', '415', '500', '503']);
    expect(at(op, 'responses', '409', 'content', 'application/json', 'schema')).toEqual({ $ref: '#/components/schemas/Error' });
  });

  it('documents a response without a schema as a bare description when it is a success', () => {
    expect(at(doc, 'paths', '/v1/notes/{noteId}', 'delete', 'responses', '204')).toEqual({ description: 'Deleted' });
  });

  it('refers to named schemas in components when requests and responses use them', () => {
    expect(at(doc, 'paths', '/v1/spreadsheets/{spreadsheetId}/runs', 'get', 'responses', '200', 'content', 'application/json', 'schema')).toEqual({
      $ref: '#/components/schemas/RunList',
    });
    expect(at(doc, 'paths', '/v1/notes/{noteId}', 'post', 'requestBody')).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/NoteRequest' } } },
    });
    expect(at(doc, 'components', 'schemas', 'RunList', 'properties', 'runs', 'items')).toEqual({ $ref: '#/components/schemas/Run' });
    expect(at(doc, 'components', 'schemas', 'Run', 'properties', 'rows')).toMatchObject({ type: 'integer' });
    expect(at(doc, 'components', 'schemas', 'NoteRequest', 'required')).toEqual(['text']);
  });

  it('keeps an unnamed schema inline when a route uses one', () => {
    expect(at(doc, 'paths', '/healthz', 'get', 'responses', '200', 'content', 'application/json', 'schema')).toEqual({
      type: 'object',
      properties: { status: { type: 'string', const: 'ok' } },
      required: ['status'],
      additionalProperties: false,
    });
  });

  it('leaves no $defs or $schema anywhere and every $ref resolves to a component', () => {
    expect(collect(doc, '$defs')).toEqual([]);
    expect(collect(doc, '$schema')).toEqual([]);
    const components = at(doc, 'components', 'schemas') as object;
    const refs = collect(doc, '$ref');
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(Object.keys(components)).toContain(String(ref).replace('#/components/schemas/', ''));
    }
  });

  it('holds the Error component even when no route names it', () => {
    expect(Object.keys(at(doc, 'components', 'schemas') as object).sort()).toEqual(['Error', 'NoteRequest', 'Run', 'RunList']);
    expect(at(doc, 'components', 'schemas', 'Error', 'properties', 'error', 'required')).toEqual(['code', 'message']);
  });

  it('has the Error component and no paths when there are no routes', () => {
    const empty = openApiDocument([], '0.0.0') as Node;
    expect(at(empty, 'paths')).toEqual({});
    expect(Object.keys(at(empty, 'components', 'schemas') as object)).toEqual(['Error']);
  });
});
