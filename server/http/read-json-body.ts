import express, { type Request, type Response } from 'express';
import { ApiError } from './api-error.ts';

const parsers = new Map<number, ReturnType<typeof express.json>>();

function parserFor(limitBytes: number): ReturnType<typeof express.json> {
  let parser = parsers.get(limitBytes);
  if (parser === undefined) {
    // inflate: Apps Script may gzip a large push (Utilities.gzip) to stay under its request limit.
    parser = express.json({ limit: limitBytes, inflate: true, strict: true, type: ['application/json', 'application/*+json'] });
    parsers.set(limitBytes, parser);
  }
  return parser;
}

/**
 * Reads a JSON body only once the caller is known to be allowed: nobody without a role can make
 * the service buffer 50 MB.
 */
export async function readJsonBody(req: Request, res: Response, limitBytes: number): Promise<unknown> {
  await new Promise<void>((resolve, reject) => {
    parserFor(limitBytes)(req, res, (error?: unknown) => (error === undefined || error === null ? resolve() : reject(error)));
  });
  if (!req.is(['application/json', 'application/*+json'])) {
    throw new ApiError(415, 'unsupported_media_type', 'send the body as Content-Type: application/json');
  }
  return req.body as unknown;
}
