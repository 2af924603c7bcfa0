import type { Role } from '../../../shared/access/role.ts';
import type { RequestState } from '../../../shared/requests/request-state.ts';

/** `GET …/requests/{id}` (and the answer to filing and acting) as the service answers it. */
export interface RequestDetailJson {
  readonly request: {
    readonly id: string;
    readonly requestedOn: string | null;
    readonly type: string | null;
    readonly typeLabel: string | null;
    readonly account: string | null;
    readonly dealTitle: string | null;
    readonly requester: string | null;
    readonly requesterEmail: string | null;
    readonly state: RequestState | null;
    readonly route: readonly Role[] | null;
    readonly awaitingRole: Role | null;
    readonly version: number;
    readonly background: string | null;
    readonly description: string | null;
    readonly alternative: string | null;
  };
  readonly cost: {
    readonly total: number | null;
    readonly lines: readonly { readonly label: string; readonly detail: string; readonly amount: number }[];
  };
  readonly route: readonly { readonly role: Role; readonly status: string; readonly at: string | null }[];
  readonly account: {
    readonly winWin: {
      readonly months: number;
      readonly specialCost: number;
      readonly pendingCost: number;
      readonly wonRevenue: number;
      readonly projectedRatio: number | null;
      readonly overShareIfApproved: boolean;
      readonly share: number;
    };
  } | null;
  readonly flags: readonly { readonly code: string; readonly label: string; readonly reason: string }[];
  readonly allowedActions: readonly string[];
}

/** `GET …/requests` as the service answers it: summaries, newest first. */
export interface RequestListJson {
  readonly requests: readonly { readonly id: string }[];
  readonly nextCursor: string | null;
}
