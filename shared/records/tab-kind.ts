import type { DealField } from './deal.ts';
import type { RequestField } from './request.ts';
import type { VisitField } from './visit.ts';

/** The kinds of tab the sync understands; every other tab is left alone. */
export const TAB_KINDS = ['deals', 'visits', 'requests'] as const;
export type TabKind = (typeof TAB_KINDS)[number];

export interface FieldsByKind {
  deals: DealField;
  visits: VisitField;
  requests: RequestField;
}
export type FieldOf<K extends TabKind> = FieldsByKind[K];
