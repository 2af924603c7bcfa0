import { pino, type Logger } from 'pino';
import type { ServiceConfig } from '../config/service-config.ts';

/** JSON logs on stdout; tokens never reach them. */
export function createLogger(level: ServiceConfig['logLevel'], destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'sheets-sfa' },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    },
    destination,
  );
}
