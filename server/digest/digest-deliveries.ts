import { chatWebhookDelivery } from './chat-webhook-delivery.ts';
import type { DigestConfig } from './digest-config.ts';
import { NO_DELIVERIES, type DigestDeliveries } from './digest-delivery.ts';
import { smtpEmailDelivery } from './smtp-email-delivery.ts';

/** The deliveries the configuration sets up: none unless the digest is enabled. */
export function deliveriesFromConfig(config: DigestConfig, clock?: () => Date): DigestDeliveries {
  if (!config.enabled) return NO_DELIVERIES;
  return {
    email: config.smtp === null ? null : smtpEmailDelivery({ smtp: config.smtp, timeoutMs: config.sendTimeoutMs, ...(clock === undefined ? {} : { clock }) }),
    chat: config.chatUrlPrefixes.length === 0 ? null : chatWebhookDelivery({ allowedPrefixes: config.chatUrlPrefixes, timeoutMs: config.sendTimeoutMs }),
  };
}
