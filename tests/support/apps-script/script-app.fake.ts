// ScriptApp: the effective user's tokens and installable triggers, with the editor add-on rules —
// one trigger of each event type per user per document, time-driven at most hourly, 20 per user.
import type { TriggerEventType } from './apps-script-records.ts';
import { currentUser, type AppsScriptState, type TriggerState } from './apps-script-state.ts';
import { makeEnum } from './enum-value.ts';
import { realmArray, scriptException, signatureMismatch } from './realm.ts';
import { guard, hasScope, SCOPES } from './service-guard.ts';
import { FakeSpreadsheet } from './spreadsheet.fake.ts';

export const EventType = makeEnum(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED']);
export const TriggerSource = makeEnum(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);
export const AuthMode = makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
export const WeekDay = makeEnum(['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY']);

export const TRIGGERS_PER_USER = 20;

const LABELS: Record<TriggerEventType, string> = {
  CLOCK: 'time-based',
  ON_OPEN: 'open',
  ON_EDIT: 'edit',
  ON_CHANGE: 'change',
  ON_FORM_SUBMIT: 'form submit',
};

export class FakeTrigger {
  readonly #trigger: TriggerState;

  constructor(trigger: TriggerState) {
    this.#trigger = trigger;
  }

  get uid(): string {
    return this.#trigger.uid;
  }

  getUniqueId(): string {
    return this.#trigger.uid;
  }

  getHandlerFunction(): string {
    return this.#trigger.handler;
  }

  getEventType(): unknown {
    return EventType[this.#trigger.eventType];
  }

  getTriggerSource(): unknown {
    return this.#trigger.eventType === 'CLOCK' ? TriggerSource.CLOCK : TriggerSource.SPREADSHEETS;
  }

  getTriggerSourceId(): string | null {
    return this.#trigger.eventType === 'CLOCK' ? null : this.#trigger.documentId;
  }

  toString(): string {
    return 'Trigger';
  }
}

function install(state: AppsScriptState, handler: string, eventType: TriggerEventType, everyHours: number | null): FakeTrigger {
  guard(state, 'TriggerBuilder.create', 'full', SCOPES.scriptapp);
  const owner = currentUser(state);
  const documentId = state.spreadsheet.id;
  const mine = state.triggers.filter((t) => t.owner.email === owner.email);
  if (mine.length >= TRIGGERS_PER_USER) {
    throw scriptException(state.realm, 'This script has too many triggers. Triggers must be deleted from the script before more can be added.');
  }
  if (mine.some((t) => t.documentId === documentId && t.eventType === eventType)) {
    throw scriptException(state.realm, `This add-on has created too many ${LABELS[eventType]} triggers in this document for this Google user account.`);
  }
  const trigger: TriggerState = { uid: String(Math.floor(1e9 + Math.random() * 8e9)), handler, eventType, documentId, owner, everyHours, runs: 0, failures: [] };
  state.triggers.push(trigger);
  return new FakeTrigger(trigger);
}

class FakeClockTriggerBuilder {
  readonly #state: AppsScriptState;
  readonly #handler: string;
  #everyHours: number | null = null;
  #scheduled = false;

  constructor(state: AppsScriptState, handler: string) {
    this.#state = state;
    this.#handler = handler;
  }

  everyHours(n: unknown): FakeClockTriggerBuilder {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw signatureMismatch(this.#state.realm, 'ClockTriggerBuilder.everyHours', [n]);
    this.#everyHours = n;
    this.#scheduled = true;
    return this;
  }

  everyMinutes(_n: unknown): FakeClockTriggerBuilder {
    throw scriptException(this.#state.realm, 'Add-ons may not create time-based triggers to run more frequently than once per hour.');
  }

  everyDays(n: unknown): FakeClockTriggerBuilder {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw signatureMismatch(this.#state.realm, 'ClockTriggerBuilder.everyDays', [n]);
    this.#everyHours = n * 24;
    this.#scheduled = true;
    return this;
  }

  everyWeeks(n: unknown): FakeClockTriggerBuilder {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw signatureMismatch(this.#state.realm, 'ClockTriggerBuilder.everyWeeks', [n]);
    this.#everyHours = n * 24 * 7;
    this.#scheduled = true;
    return this;
  }

  atHour(_hour: unknown): FakeClockTriggerBuilder {
    return this;
  }

  nearMinute(_minute: unknown): FakeClockTriggerBuilder {
    return this;
  }

  onWeekDay(_day: unknown): FakeClockTriggerBuilder {
    return this;
  }

  inTimezone(_timeZone: unknown): FakeClockTriggerBuilder {
    return this;
  }

  after(_ms: unknown): FakeClockTriggerBuilder {
    this.#scheduled = true;
    return this;
  }

  at(_date: unknown): FakeClockTriggerBuilder {
    this.#scheduled = true;
    return this;
  }

  create(): FakeTrigger {
    if (!this.#scheduled) throw scriptException(this.#state.realm, 'The time-based trigger has no schedule: call everyHours(), after() or at() first.');
    return install(this.#state, this.#handler, 'CLOCK', this.#everyHours);
  }
}

class FakeSpreadsheetTriggerBuilder {
  readonly #state: AppsScriptState;
  readonly #handler: string;
  #eventType: TriggerEventType | null = null;

  constructor(state: AppsScriptState, handler: string) {
    this.#state = state;
    this.#handler = handler;
  }

  #on(eventType: TriggerEventType): FakeSpreadsheetTriggerBuilder {
    this.#eventType = eventType;
    return this;
  }

  onChange(): FakeSpreadsheetTriggerBuilder {
    return this.#on('ON_CHANGE');
  }

  onEdit(): FakeSpreadsheetTriggerBuilder {
    return this.#on('ON_EDIT');
  }

  onOpen(): FakeSpreadsheetTriggerBuilder {
    return this.#on('ON_OPEN');
  }

  onFormSubmit(): FakeSpreadsheetTriggerBuilder {
    return this.#on('ON_FORM_SUBMIT');
  }

  create(): FakeTrigger {
    if (this.#eventType === null) throw scriptException(this.#state.realm, 'The spreadsheet trigger has no event: call onChange(), onEdit(), onOpen() or onFormSubmit() first.');
    return install(this.#state, this.#handler, this.#eventType, null);
  }
}

class FakeTriggerBuilder {
  readonly #state: AppsScriptState;
  readonly #handler: string;

  constructor(state: AppsScriptState, handler: string) {
    this.#state = state;
    this.#handler = handler;
  }

  timeBased(): FakeClockTriggerBuilder {
    return new FakeClockTriggerBuilder(this.#state, this.#handler);
  }

  /** Add-ons may only install triggers on the document they are used in. */
  forSpreadsheet(target: unknown): FakeSpreadsheetTriggerBuilder {
    const id = target instanceof FakeSpreadsheet ? target.getId() : typeof target === 'string' ? target : null;
    if (id === null) throw signatureMismatch(this.#state.realm, 'TriggerBuilder.forSpreadsheet', [target]);
    if (id !== this.#state.spreadsheet.id) throw scriptException(this.#state.realm, 'Add-ons can only create triggers for the document they are used in.');
    return new FakeSpreadsheetTriggerBuilder(this.#state, this.#handler);
  }
}

export function createScriptApp(state: AppsScriptState) {
  const mine = (): TriggerState[] => state.triggers.filter((t) => t.owner.email === currentUser(state).email);
  return {
    EventType,
    TriggerSource,
    AuthMode,
    WeekDay,
    /** The effective user's OpenID Connect token; null without the openid scope. */
    getIdentityToken(): string | null {
      guard(state, 'ScriptApp.getIdentityToken', 'full');
      return hasScope(state, SCOPES.openid) ? currentUser(state).idToken : null;
    },
    getOAuthToken(): string {
      guard(state, 'ScriptApp.getOAuthToken', 'full');
      return currentUser(state).oauthToken;
    },
    getScriptId(): string {
      return 'fake-script-id';
    },
    newTrigger(functionName: unknown): FakeTriggerBuilder {
      guard(state, 'ScriptApp.newTrigger', 'full', SCOPES.scriptapp);
      if (typeof functionName !== 'string' || functionName === '') throw signatureMismatch(state.realm, 'ScriptApp.newTrigger', [functionName]);
      return new FakeTriggerBuilder(state, functionName);
    },
    getUserTriggers(document: unknown): FakeTrigger[] {
      guard(state, 'ScriptApp.getUserTriggers', 'full', SCOPES.scriptapp);
      if (!(document instanceof FakeSpreadsheet)) throw signatureMismatch(state.realm, 'ScriptApp.getUserTriggers', [document]);
      const id = document.getId();
      return realmArray(state.realm, mine().filter((t) => t.documentId === id).map((t) => new FakeTrigger(t)));
    },
    getProjectTriggers(): FakeTrigger[] {
      guard(state, 'ScriptApp.getProjectTriggers', 'full', SCOPES.scriptapp);
      return realmArray(state.realm, mine().map((t) => new FakeTrigger(t)));
    },
    deleteTrigger(trigger: unknown): void {
      guard(state, 'ScriptApp.deleteTrigger', 'full', SCOPES.scriptapp);
      if (!(trigger instanceof FakeTrigger)) throw signatureMismatch(state.realm, 'ScriptApp.deleteTrigger', [trigger]);
      const email = currentUser(state).email;
      state.triggers = state.triggers.filter((t) => t.uid !== trigger.uid || t.owner.email !== email);
    },
  };
}
