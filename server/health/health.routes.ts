import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { pendingMigrations } from '../db/migrate.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import type { InFlight } from '../service/in-flight.ts';

const Health = z.object({ status: z.literal('ok') });
const Readiness = z
  .object({
    status: z.enum(['ready', 'unavailable']),
    checks: z.object({
      database: z.enum(['ok', 'unreachable']),
      migrations: z.enum(['ok', 'pending', 'unknown']),
      shutdown: z.enum(['no', 'draining']),
    }),
  })
  .meta({ id: 'Readiness' });

/** Liveness, readiness (database reachable, schema current, not draining) and the OpenAPI document. */
export function healthRoutes(db: Db, inFlight: InFlight, openApi: () => unknown): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: '/healthz',
      operationId: 'health',
      summary: 'Liveness: the process is serving',
      tags: ['health'],
      access: { kind: 'public' },
      responses: { 200: { description: 'Alive', schema: Health } },
      handle: async () => ({ body: { status: 'ok' } }),
    }),
    defineRoute({
      method: 'get',
      path: '/readyz',
      operationId: 'readiness',
      summary: 'Readiness: the database answers and every migration is applied',
      tags: ['health'],
      access: { kind: 'public' },
      responses: {
        200: { description: 'Ready for traffic', schema: Readiness },
        503: { description: 'Not ready; `checks` says why', schema: Readiness },
      },
      handle: async ({ log }) => {
        let database: 'ok' | 'unreachable' = 'ok';
        let migrations: 'ok' | 'pending' | 'unknown' = 'unknown';
        try {
          await sql`select 1`.execute(db);
          migrations = (await pendingMigrations(db)).length === 0 ? 'ok' : 'pending';
        } catch (error) {
          log.warn({ err: error }, 'readiness check failed');
          database = 'unreachable';
        }
        const shutdown = inFlight.draining ? 'draining' : 'no';
        const ready = database === 'ok' && migrations === 'ok' && shutdown === 'no';
        return { status: ready ? 200 : 503, body: { status: ready ? 'ready' : 'unavailable', checks: { database, migrations, shutdown } } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/openapi.json',
      operationId: 'openApi',
      summary: 'This document',
      tags: ['health'],
      access: { kind: 'public' },
      responses: { 200: { description: 'The OpenAPI 3.1 document' } },
      handle: async () => ({ body: openApi() }),
    }),
  ];
}
