import type { ColumnType, Generated } from 'kysely';
import type { Locale } from '../../shared/i18n/locale.ts';
import type { DateColumn, Timestamp } from '../db/column-types.ts';
import type { DigestChannel } from './digest-delivery.ts';

export interface DigestSubscriptionTable {
  spreadsheet_id: string;
  email: string;
  email_enabled: ColumnType<boolean, boolean | undefined, boolean>;
  chat_webhook_url: string | null;
  locale: ColumnType<Locale, Locale | undefined, Locale>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface DigestRunTable {
  spreadsheet_id: string;
  digest_date: DateColumn;
  started_at: ColumnType<Date, Date | string | undefined, never>;
  finished_at: Timestamp | null;
}

export type DigestDeliveryStatus = 'sending' | 'sent' | 'failed';

export interface DigestDeliveryTable {
  id: Generated<string>;
  spreadsheet_id: string;
  recipient: string;
  channel: DigestChannel;
  digest_date: DateColumn;
  entry_count: number;
  subject: string | null;
  status: DigestDeliveryStatus;
  attempted_at: ColumnType<Date, Date | string | undefined, Date | string>;
  sent_at: Timestamp | null;
  error: string | null;
}

export interface DigestDeliveryEntryTable {
  delivery_id: ColumnType<string, string | number, never>;
  entry_id: ColumnType<string, string | number, never>;
  recipient: string;
  channel: DigestChannel;
}
