// The OpenAPI document must describe exactly what Express serves: a route added without its
// document entry (or the reverse) fails here.
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServiceConfig } from '../../../server/config/service-config.ts';
import { createDb, type Db } from '../../../server/db/database.ts';
import { createApp } from '../../../server/service/create-app.ts';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every method + path Express will match, found by walking its routers. */
function expressRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: readonly Layer[]) => {
    for (const layer of stack) {
      if (layer.route !== undefined) {
        for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') found.push(`${method.toUpperCase()} ${layer.route.path}`);
      } else if (layer.handle?.stack !== undefined) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return found.sort();
}

describe('openApiDocument', () => {
  let db: Db;
  let app: Express;
  let doc: { openapi: string; paths: Record<string, Record<string, { operationId: string; parameters?: { name: string; in: string }[] }>>; components: { schemas: Record<string, unknown> } };

  beforeAll(async () => {
    db = createDb({ kind: 'pglite', dataDir: null });
    const config = loadServiceConfig({ GOOGLE_OAUTH_CLIENT_ID: 'x.apps.googleusercontent.com', SHEETS_SFA_DATA_DIR: '/nonexistent' });
    const created = createApp(config, { db, logger: pino({ level: 'silent' }) });
    app = created.app;
    // The document as /openapi.json serves it.
    const res = await new Promise<unknown>((resolve, reject) => {
      const server = app.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        fetch(`http://127.0.0.1:${port}/openapi.json`)
          .then((r) => r.json())
          .then(resolve, reject)
          .finally(() => server.close());
      });
    });
    doc = res as typeof doc;
  });

  afterAll(async () => {
    await db.destroy();
  });

  it('lists every route Express serves, and nothing else', () => {
    const documented = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
      .sort();
    expect(expressRoutes(app)).toEqual(documented);
    expect(documented.length).toBeGreaterThanOrEqual(9);
  });

  it('is OpenAPI 3.1 with unique operation ids and a parameter for every path template', () => {
    expect(doc.openapi).toBe('3.1.0');
    const ids = Object.values(doc.paths).flatMap((m) => Object.values(m).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    for (const [path, methods] of Object.entries(doc.paths)) {
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const op of Object.values(methods)) {
        expect((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name).sort(), path).toEqual(templated);
      }
    }
  });

  it('keeps named schemas in components, referenced from where they are used', () => {
    const text = JSON.stringify(doc);
    expect(text).not.toContain('#/$defs/');
    for (const ref of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) expect(doc.components.schemas).toHaveProperty(ref[1] as string);
    expect(doc.components.schemas).toHaveProperty('Error');
    expect(doc.components.schemas).toHaveProperty('WritePlan');
  });
});
