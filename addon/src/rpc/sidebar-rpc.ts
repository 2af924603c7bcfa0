// The one typed surface between the sidebar (browser, google.script.run) and the add-on (Apps
// Script). Only JSON-safe values cross it: dates are ISO strings (YYYY-MM-DD for calendar dates),
// money is integer yen. Failures are data (RpcResult), not thrown errors, so the sidebar can show
// a localised error state and act on the code (a 409 reloads the request, `unreachable` says the
// service could not be reached and nothing was written).
import type { Role } from '../../../shared/access/role.ts';
import type { CostInput } from '../../../shared/cost/cost-estimate.ts';
import type { RequestPolicy } from '../../../shared/cost/request-policy.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import type { RequestType } from '../../../shared/records/request.ts';
import type { TabKind } from '../../../shared/records/tab-kind.ts';
import type { RequestAction, RequestState } from '../../../shared/requests/request-state.ts';
import type { StageCode } from '../../../shared/stages/stage.ts';

export type RpcErrorCode =
  | 'unreachable' // the service could not be reached: nothing was written
  | 'unauthenticated'
  | 'forbidden' // no role on this spreadsheet, or not the step's role
  | 'not_found'
  | 'invalid' // the service or the add-on refused the input; message says what
  | 'conflict' // someone changed it first (a racing decision): reload
  | 'busy' // another sync holds the document lock
  | 'not_set_up' // no mapping stored yet: run set-up
  | 'no_deal_row' // the active row is not a deal
  | 'too_large' // the push would exceed Apps Script's 50 MB UrlFetch limit
  | 'timeout' // Apps Script's 6-minute budget ran out
  | 'internal';

export interface RpcError {
  readonly code: RpcErrorCode;
  /** In the user's language, ready to show. */
  readonly message: string;
  /** Field-level problems (form field name → message), when the input was refused. */
  readonly fields?: Readonly<Record<string, string>>;
}

export type RpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: RpcError };

export const SIDEBAR_VIEWS = ['deal', 'visit', 'request', 'approvals', 'setup', 'settings'] as const;
export type SidebarView = (typeof SIDEBAR_VIEWS)[number];

/** The current user's own automatic syncs on this spreadsheet: installable triggers are per user. */
export interface AutoSyncState {
  readonly hourlySync: boolean;
  readonly syncOnChange: boolean;
}

export interface SidebarBootstrap {
  readonly locale: Locale;
  readonly userEmail: string;
  readonly spreadsheetId: string;
  readonly spreadsheetName: string;
  readonly timeZone: string;
  /** Today in the spreadsheet's time zone, YYYY-MM-DD. */
  readonly today: string;
  /** The view the menu item asked for (open sidebar → deal; set up → setup; settings → settings). */
  readonly initialView: SidebarView;
  /** The caller's roles on this spreadsheet; empty before its first sync. */
  readonly roles: readonly Role[];
  /** Whether a confirmed mapping is stored for this spreadsheet. */
  readonly setUp: boolean;
  /** For the live cost estimate (shared/cost); null when the service could not be asked. */
  readonly requestPolicy: RequestPolicy | null;
  /** Whether the service answered; false means the sidebar works offline (set-up only). */
  readonly serviceReachable: boolean;
  /** The caller's own triggers on this spreadsheet; null when they could not be read. */
  readonly autoSync: AutoSyncState | null;
}

export interface FlagView {
  readonly code: string;
  /** Short label as the flags cell shows it, e.g. 停滞. */
  readonly label: string;
  /** Why, as the reason cell shows it, e.g. 見積提出 で 15日 (基準 14日). */
  readonly reason: string;
  readonly tone: 'stale' | 'warning' | 'info';
}

export interface VisitSummary {
  readonly id: string;
  readonly visitedOn: string | null;
  readonly owner: string | null;
  readonly met: string | null;
  readonly discussed: string | null;
  readonly customerAsked: string | null;
  readonly nextAction: string | null;
  readonly nextActionOn: string | null;
}

export interface FeedItem {
  readonly id: string;
  readonly at: string;
  readonly actor: string | null;
  readonly text: string;
}

export interface DealCard {
  readonly dealId: string;
  readonly sheet: string;
  readonly row: number;
  readonly title: string | null;
  readonly account: string | null;
  readonly owner: string | null;
  readonly stage: { readonly code: StageCode; readonly label: string } | null;
  readonly enteredStageOn: string | null;
  readonly daysInStage: number | null;
  readonly ball: 'us' | 'customer' | null;
  readonly ballSince: string | null;
  readonly ballDays: number | null;
  readonly nextAction: string | null;
  readonly nextActionOn: string | null;
  readonly flags: readonly FlagView[];
  readonly recentVisits: readonly VisitSummary[];
  readonly feed: readonly FeedItem[];
}

export interface VisitPrefill {
  readonly visitedOn: string;
  readonly dealId: string | null;
  readonly dealTitle: string | null;
  readonly account: string | null;
  readonly ball: 'us' | 'customer' | null;
}

export interface VisitForm {
  readonly visitedOn: string;
  readonly dealId?: string | null;
  readonly dealTitle?: string | null;
  readonly account?: string | null;
  readonly met?: string | null;
  readonly attendees?: string | null;
  readonly discussed?: string | null;
  readonly customerAsked?: string | null;
  readonly nextAction?: string | null;
  readonly nextActionOn?: string | null;
  readonly ballAfter?: 'us' | 'customer' | null;
}

export interface VisitSaved {
  readonly visitId: string;
  /** The deal's card after the visit, with its flags recomputed; null when no deal was named. */
  readonly card: DealCard | null;
  readonly cellsWritten: number;
  /** Cells the add-on could not place (the sheet was sorted meanwhile); the next sync writes them. */
  readonly deferred: number;
}

export interface RequestPrefill {
  readonly dealId: string | null;
  readonly dealTitle: string | null;
  readonly account: string | null;
}

export interface RequestForm {
  readonly type: RequestType;
  readonly background: string;
  readonly description: string;
  readonly alternative: string | null;
  readonly dealId?: string | null;
  readonly account?: string | null;
  readonly cost: CostInput;
  /** Submit for approval at once, or keep as a draft. */
  readonly submit: boolean;
}

export interface RequestFiled {
  readonly requestId: string;
  readonly state: RequestState;
  readonly total: number;
  /** The approval steps its cost routes it through, in order. */
  readonly steps: readonly Role[];
  readonly cellsWritten: number;
}

export interface CostLineView {
  readonly label: string;
  readonly detail: string;
  readonly amount: number;
}

export interface WinWinView {
  readonly months: number;
  /** Special-handling cost of the account over the window, including this request. */
  readonly specialCost: number;
  readonly wonRevenue: number;
  /** specialCost / wonRevenue; null when nothing was won. */
  readonly share: number | null;
  readonly threshold: number;
  readonly over: boolean;
}

export interface ApprovalItem {
  readonly requestId: string;
  readonly version: number;
  readonly type: RequestType;
  readonly typeLabel: string;
  readonly state: RequestState;
  readonly account: string | null;
  readonly dealTitle: string | null;
  readonly requester: string | null;
  readonly submittedAt: string | null;
  readonly background: string | null;
  readonly description: string | null;
  readonly alternative: string | null;
  readonly costLines: readonly CostLineView[];
  readonly total: number;
  /** The step awaiting a decision now, and all steps in order. */
  readonly step: Role | null;
  readonly steps: readonly Role[];
  readonly winWin: WinWinView | null;
  readonly flags: readonly FlagView[];
}

export type DecisionAction = Extract<RequestAction, 'approve' | 'reject' | 'return'>;

export interface DecisionForm {
  readonly requestId: string;
  readonly action: DecisionAction;
  /** Required to reject or return. */
  readonly comment: string | null;
  /** The version the approver saw: a request changed since is a conflict. */
  readonly expectedVersion: number;
}

export interface DecisionDone {
  readonly requestId: string;
  readonly state: RequestState;
  /** Cells the follow-up sync wrote (the requests tab's status, the deal's flags). */
  readonly cellsWritten: number;
}

export interface SyncIssueView {
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  readonly message: string;
}

export interface SyncOutcome {
  readonly rowsRead: number;
  readonly inserted: number;
  readonly updated: number;
  readonly removed: number;
  readonly cellsWritten: number;
  readonly flaggedDeals: number;
  /** Cells the add-on did not write because their row moved during the sync; the next sync writes them. */
  readonly deferred: number;
  /** The first cells the sync could not read (the service sends at most 500)… */
  readonly issues: readonly SyncIssueView[];
  /** …of this many in all. */
  readonly issueCount: number;
  readonly durationMs: number;
}

export interface HeaderCell {
  readonly column: number;
  readonly letter: string;
  readonly text: string;
}

export interface FieldProposal {
  readonly field: string;
  readonly label: string;
  readonly required: boolean;
  /** The proposed column (1-based), or null when no header matched. */
  readonly column: number | null;
}

export interface TabProposal {
  readonly kind: TabKind;
  /** The tab found for this kind, or null (visits and requests tabs can be created). */
  readonly sheet: string | null;
  readonly headerRow: number | null;
  readonly headers: readonly HeaderCell[];
  readonly fields: readonly FieldProposal[];
}

export interface StageLabelProposal {
  /** A label as the team writes it in the stage column. */
  readonly label: string;
  readonly count: number;
  /** The canonical stage it is proposed to mean, or null when unknown. */
  readonly stage: StageCode | null;
}

export interface StageThreshold {
  readonly code: StageCode;
  readonly label: string;
  /** null for terminal stages (won, lost). */
  readonly staleAfterDays: number | null;
}

export interface SetupProposal {
  readonly sheets: readonly string[];
  readonly tabs: readonly TabProposal[];
  readonly stageLabels: readonly StageLabelProposal[];
  readonly stages: readonly StageThreshold[];
}

export interface SetupChoice {
  readonly tabs: readonly {
    readonly kind: TabKind;
    readonly sheet: string;
    readonly headerRow: number;
    /** field → 1-based column; stored by header text so the team may move columns later. */
    readonly columns: Readonly<Record<string, number>>;
  }[];
  readonly stageLabels: Readonly<Record<string, StageCode>>;
  readonly staleAfterDays: Readonly<Partial<Record<StageCode, number | null>>>;
  /** Create the visits and requests tabs (Japanese headers) when the team has none. */
  readonly createMissingTabs: boolean;
}

export interface SetupSaved {
  readonly createdTabs: readonly string[];
  /** The first sync after set-up; null when the service could not be reached (set-up is kept). */
  readonly sync: SyncOutcome | null;
}

export interface AddonSettings {
  readonly locale: Locale;
  /** The caller's own automatic syncs (their triggers): read from, and saved to, this user only. */
  readonly hourlySync: boolean;
  readonly syncOnChange: boolean;
  readonly stages: readonly StageThreshold[];
  readonly ballFollowUpDays: number;
  readonly warningRatio: number;
}

export interface FlaggedShown {
  readonly sheet: string;
  readonly flaggedRows: number;
}

/**
 * The sidebar's calls. Each is a top-level function of the same name in addon/src/main.ts
 * (google.script.run can only call those), delegating in one line.
 */
export interface SidebarRpc {
  sidebarBootstrap(): RpcResult<SidebarBootstrap>;
  sidebarDealCard(): RpcResult<DealCard>;
  sidebarVisitPrefill(): RpcResult<VisitPrefill>;
  sidebarLogVisit(form: VisitForm): RpcResult<VisitSaved>;
  sidebarRequestPrefill(): RpcResult<RequestPrefill>;
  sidebarFileRequest(form: RequestForm): RpcResult<RequestFiled>;
  sidebarApprovalQueue(): RpcResult<readonly ApprovalItem[]>;
  sidebarDecide(form: DecisionForm): RpcResult<DecisionDone>;
  sidebarSyncNow(): RpcResult<SyncOutcome>;
  sidebarShowFlagged(): RpcResult<FlaggedShown>;
  sidebarSetupProposal(): RpcResult<SetupProposal>;
  sidebarSetupSave(choice: SetupChoice): RpcResult<SetupSaved>;
  sidebarSettings(): RpcResult<AddonSettings>;
  sidebarSaveSettings(settings: AddonSettings): RpcResult<AddonSettings>;
}

export type SidebarRpcName = keyof SidebarRpc;

export const SIDEBAR_RPC_NAMES: readonly SidebarRpcName[] = [
  'sidebarBootstrap',
  'sidebarDealCard',
  'sidebarVisitPrefill',
  'sidebarLogVisit',
  'sidebarRequestPrefill',
  'sidebarFileRequest',
  'sidebarApprovalQueue',
  'sidebarDecide',
  'sidebarSyncNow',
  'sidebarShowFlagged',
  'sidebarSetupProposal',
  'sidebarSetupSave',
  'sidebarSettings',
  'sidebarSaveSettings',
];

/** Menu items and triggers: top-level functions of addon/src/main.ts as well. */
export const MENU_FUNCTIONS = ['menuOpenSidebar', 'menuSyncNow', 'menuSetUp', 'menuShowFlagged', 'menuSettings'] as const;
export const TRIGGER_FUNCTIONS = ['onOpen', 'onInstall', 'onHourlySync', 'onSheetChange'] as const;
