import { z } from 'zod';
import { ROLES } from '../../shared/access/role.ts';

// Google spreadsheet ids are URL-safe base64 (44 characters today); the bounds leave room.
export const SpreadsheetId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{10,128}$/, 'must be a Google spreadsheet id')
  .meta({ description: 'The Google spreadsheet id, as in its URL', example: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCd' });

export const SpreadsheetParams = z.object({ spreadsheetId: SpreadsheetId });

export const RoleSchema = z.enum(ROLES).meta({ description: 'member: sync and log; manager: runs, team views and the second approval step; approver: decide requests; director: the last approval step of the costliest requests; admin: everything and roles (but no approval step it does not hold)' });

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email())
  .meta({ description: 'A Google account email' });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable code a client may branch on' }),
      message: z.string().meta({ description: 'For people; may change' }),
    }),
  })
  .meta({ id: 'Error' });
