/** Where a digest can go. */
export type DigestChannel = 'email' | 'chat';

export interface EmailDigestMessage {
  readonly channel: 'email';
  readonly to: string;
  readonly subject: string;
  /** Plain text, `\n` line ends. */
  readonly text: string;
}

export interface ChatDigestMessage {
  readonly channel: 'chat';
  /** The manager's own Chat space's incoming webhook. */
  readonly webhookUrl: string;
  readonly text: string;
}

export type DigestMessage = EmailDigestMessage | ChatDigestMessage;

/** Sends one rendered digest; rejects when it was not accepted, so it is tried again next time. */
export interface DigestDelivery<M extends DigestMessage = DigestMessage> {
  send(message: M): Promise<void>;
}

/** The deliveries a deployment has; null where a channel is not set up (nothing is sent there). */
export interface DigestDeliveries {
  readonly email: DigestDelivery<EmailDigestMessage> | null;
  readonly chat: DigestDelivery<ChatDigestMessage> | null;
}

/** Nothing goes anywhere: the default. */
export const NO_DELIVERIES: DigestDeliveries = Object.freeze({ email: null, chat: null });

/** A delivery the far end refused or never answered; the message is safe to log (no secrets). */
export class DeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DeliveryError';
  }
}
