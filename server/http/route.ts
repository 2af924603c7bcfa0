import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Role } from '../../shared/access/role.ts';
import type { Caller } from '../auth/caller.ts';

/** Who may call a route. Spreadsheet routes take the spreadsheet from the `spreadsheetId` path parameter. */
export type RouteAccess =
  | { readonly kind: 'public' }
  | { readonly kind: 'signedIn' }
  | {
      readonly kind: 'spreadsheet';
      /** Null: any role on the spreadsheet will do. */
      readonly role: Role | null;
      /** The first caller of an unclaimed spreadsheet becomes its admin (the add-on's first sync). */
      readonly claimUnclaimed?: boolean;
    };

export interface RouteResponse {
  readonly description: string;
  readonly schema?: z.ZodType;
}

export interface RouteContext<P, Q, B> {
  readonly req: Request;
  readonly res: Response;
  readonly log: Logger;
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** Null only on public routes. */
  readonly caller: Caller | null;
  /** The caller's roles on the route's spreadsheet; empty elsewhere. */
  readonly roles: readonly Role[];
}

export interface RouteResult {
  readonly status?: number;
  readonly body: unknown;
}

/** One HTTP route: its validation, its access rule, its handler and what the OpenAPI document says of it. */
export interface RouteDef<P = unknown, Q = unknown, B = unknown> {
  readonly method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI style: `/v1/spreadsheets/{spreadsheetId}`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly access: RouteAccess;
  readonly params?: z.ZodType<P>;
  readonly query?: z.ZodType<Q>;
  readonly body?: {
    readonly schema: z.ZodType;
    readonly limitBytes?: number;
    /** Replaces schema validation where a body is too large for it (the push sync's cells). */
    readonly parse?: (raw: unknown) => B;
  };
  readonly responses: Readonly<Record<number, RouteResponse>>;
  // A method, not a function property: its parameter is then bivariant, so routes of every shape
  // fit one RouteDef[] without casts.
  handle(ctx: RouteContext<P, Q, B>): Promise<RouteResult>;
}

/** Keeps a route's parameter, query and body types tied to its schemas. */
export function defineRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined>(def: RouteDef<P, Q, B>): RouteDef<P, Q, B> {
  return def;
}

/** `/v1/spreadsheets/{spreadsheetId}` → `/v1/spreadsheets/:spreadsheetId`. */
export function expressPath(path: string): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}
