import { isLoopbackHost } from '../config/loopback.ts';
import { DeliveryError, type ChatDigestMessage, type DigestDelivery } from './digest-delivery.ts';

export interface ChatWebhookOptions {
  /** A webhook URL must start with one of these (Google Chat's by default): the service posts nowhere else. */
  readonly allowedPrefixes: readonly string[];
  readonly timeoutMs: number;
}

/** A webhook URL without its query (key and token are secrets): what logs and answers may show. */
export function redactWebhookUrl(url: string): string {
  if (!URL.canParse(url)) return '(not a URL)';
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}${parsed.search === '' ? '' : '?…'}`;
}

// https only; plain http only to this machine (a local relay, the tests' stand-in).
function isSecure(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

/**
 * Whether the service may post to `url`: same origin as one allowed prefix, exactly, and a path
 * under its path. Comparing text alone would let `https://chat.googleapis.com.evil.net/…` pass a
 * prefix written without a path.
 */
export function isAllowedWebhookUrl(url: string, allowedPrefixes: readonly string[]): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  if (parsed.username !== '' || parsed.password !== '' || !isSecure(parsed)) return false;
  return allowedPrefixes.some((prefix) => {
    if (!URL.canParse(prefix)) return false;
    const allowed = new URL(prefix);
    return isSecure(allowed) && parsed.origin === allowed.origin && parsed.pathname.startsWith(allowed.pathname);
  });
}

/**
 * Posts the digest to a Google Chat space through its incoming webhook: one POST of `{ "text" }`
 * as UTF-8 JSON. Redirects are refused, so an allowed URL cannot bounce the post elsewhere.
 */
export function chatWebhookDelivery(options: ChatWebhookOptions): DigestDelivery<ChatDigestMessage> {
  return {
    async send(message) {
      if (!isAllowedWebhookUrl(message.webhookUrl, options.allowedPrefixes)) {
        throw new DeliveryError(`the Chat webhook ${redactWebhookUrl(message.webhookUrl)} is not an allowed address`);
      }
      let response: Response;
      try {
        response = await fetch(message.webhookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=UTF-8' },
          body: JSON.stringify({ text: message.text }),
          redirect: 'error',
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        throw new DeliveryError(`the Chat webhook ${redactWebhookUrl(message.webhookUrl)} could not be reached: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      if (!response.ok) {
        // Chat's error bodies say why (a deleted webhook, a malformed message) and carry no secret.
        const detail = (await response.text().catch(() => '')).slice(0, 300).replace(/\s+/g, ' ');
        throw new DeliveryError(`the Chat webhook ${redactWebhookUrl(message.webhookUrl)} answered ${response.status}${detail === '' ? '' : `: ${detail}`}`);
      }
      await response.body?.cancel();
    },
  };
}
