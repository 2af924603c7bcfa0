/** Canonical pipeline stages (DESIGN.md); a team's own labels map onto these. */
export const STAGE_CODES = [
  'lead',
  'nurturing',
  'proposal',
  'quote',
  'closing',
  'won',
  'expansion',
  'lost',
] as const;
export type StageCode = (typeof STAGE_CODES)[number];

export const TEAMS = ['IS', 'FS', 'CS'] as const;
export type Team = (typeof TEAMS)[number];

export interface StageDefinition {
  readonly code: StageCode;
  readonly label: string;
  readonly team: Team | null;
  /** Days in stage at which a deal is stale; null for terminal stages that never age. */
  readonly staleAfterDays: number | null;
}

export const DEFAULT_STAGES: readonly StageDefinition[] = Object.freeze([
  { code: 'lead', label: 'リード', team: 'IS', staleAfterDays: 14 },
  { code: 'nurturing', label: '育成', team: 'IS', staleAfterDays: 30 },
  { code: 'proposal', label: '提案', team: 'FS', staleAfterDays: 21 },
  { code: 'quote', label: '見積提出', team: 'FS', staleAfterDays: 14 },
  { code: 'closing', label: 'クロージング', team: 'FS', staleAfterDays: 14 },
  { code: 'won', label: '受注', team: 'CS', staleAfterDays: null },
  { code: 'expansion', label: 'アップセル・クロスセル', team: 'CS', staleAfterDays: 60 },
  { code: 'lost', label: '失注', team: null, staleAfterDays: null },
]);

/** Stages where the deal is over and aging, ball and next-action flags no longer apply. */
export const TERMINAL_STAGES: ReadonlySet<StageCode> = new Set<StageCode>(['won', 'lost']);

export function isStageCode(value: string): value is StageCode {
  return (STAGE_CODES as readonly string[]).includes(value);
}
