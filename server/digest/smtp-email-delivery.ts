import { randomUUID } from 'node:crypto';
import type { SmtpConfig } from './digest-config.ts';
import type { DigestDelivery, EmailDigestMessage } from './digest-delivery.ts';
import { addressOf, buildTextMail } from './mime-message.ts';
import { sendSmtp, type SmtpTransport } from './smtp-client.ts';

export interface SmtpEmailOptions {
  readonly smtp: SmtpConfig;
  readonly timeoutMs: number;
  readonly clock?: () => Date;
  /** Extra TLS settings (a test's own CA). */
  readonly tls?: SmtpTransport['tls'];
}

/** Mails the digest as plain text through the configured SMTP server, speaking SMTP itself. */
export function smtpEmailDelivery(options: SmtpEmailOptions): DigestDelivery<EmailDigestMessage> {
  const { smtp } = options;
  const clock = options.clock ?? (() => new Date());
  const sender = addressOf(smtp.from);
  const domain = sender.split('@')[1] ?? smtp.heloName;
  const transport: SmtpTransport = {
    host: smtp.host,
    port: smtp.port,
    security: smtp.security,
    user: smtp.user,
    password: smtp.password,
    heloName: smtp.heloName,
    timeoutMs: options.timeoutMs,
    ...(options.tls === undefined ? {} : { tls: options.tls }),
  };
  return {
    async send(message) {
      const data = buildTextMail({ from: smtp.from, to: message.to, subject: message.subject, text: message.text, date: clock(), messageId: `${randomUUID()}@${domain}` });
      await sendSmtp(transport, { from: sender, to: [message.to] }, data);
    },
  };
}
