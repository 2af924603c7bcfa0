import type { IsoDate } from '../../shared/calendar/iso-date.ts';
import { serialFromIsoDate } from '../../shared/calendar/iso-date.ts';
import type { DealMemory, DealStatus } from '../../shared/flags/flag.ts';
import { renderFlags } from '../../shared/flags/flag-messages.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import type { Deal } from '../../shared/records/deal.ts';
import type { SyncSettings } from '../../shared/settings/sync-settings.ts';
import { stageDefinition } from '../../shared/settings/stage-definition.ts';
import type { ServiceColumnKey } from '../../shared/write-plan/service-columns.ts';
import type { PlanValue } from '../../shared/write-plan/write-plan.ts';
import { shownValuesHash } from '../../shared/rows/content-hash.ts';

/** The service cells a deal row shows besides its id, in a fixed order. */
export const STATUS_KEYS = ['stageEnteredOn', 'daysInStage', 'ballDays', 'flags', 'flagReasons'] as const satisfies readonly ServiceColumnKey[];
export type StatusKey = (typeof STATUS_KEYS)[number];

/** A deal's status as stored beside it: what was written back, for when, and what managers query. */
export interface PersistedStatus {
  readonly asOf: IsoDate;
  /** Hash of the service cells written (see statusHash), to tell whether the sheet still shows them. */
  readonly hash: string;
  readonly flagCodes: string | null;
  readonly daysInStage: number | null;
  readonly ballDays: number | null;
  readonly staleThreshold: number | null;
}

/** The service values a deal row should show, rendered in the sheet's language. */
export function dealServiceValues(deal: Deal, memory: DealMemory, status: DealStatus, locale: Locale): Record<StatusKey, PlanValue> {
  const rendered = renderFlags(status.flags, locale);
  return {
    stageEnteredOn: deal.stage === null || memory.stageEnteredOn === null ? null : serialFromIsoDate(memory.stageEnteredOn),
    daysInStage: status.daysInStage,
    ballDays: status.ballDays,
    flags: rendered.labels === '' ? null : rendered.labels,
    flagReasons: rendered.reasons === '' ? null : rendered.reasons,
  };
}


export function persistedStatus(
  deal: Deal,
  status: DealStatus,
  values: Record<StatusKey, PlanValue>,
  settings: SyncSettings,
  now: IsoDate,
  /** What else the status was computed from and the sheet does not show in full (a cost review's key). */
  hashExtra: readonly PlanValue[] = [],
): PersistedStatus {
  const threshold = stageDefinition(settings, deal.stage)?.staleAfterDays ?? null;
  return {
    asOf: now,
    hash: shownValuesHash([...STATUS_KEYS.map((k) => values[k]), ...hashExtra]),
    flagCodes: status.flags.length === 0 ? null : status.flags.map((f) => f.code).join(','),
    daysInStage: status.daysInStage,
    ballDays: status.ballDays,
    staleThreshold: threshold,
  };
}
