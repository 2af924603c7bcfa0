// Protected sheets and ranges. Until the script changes the editor list, a protection mirrors the
// file's sharing (anyone who can edit the file still can); warning-only protections never block.
import { currentUser, type AppsScriptState } from './apps-script-state.ts';
import { canEdit } from './cell-writes.ts';
import { makeEnum } from './enum-value.ts';
import { FakeRange } from './range.fake.ts';
import { realmArray, signatureMismatch } from './realm.ts';
import { nextId, type GridRect, type ProtectionState, type SheetState } from './spreadsheet-model.ts';

export const ProtectionType = makeEnum(['RANGE', 'SHEET']);

export function createProtection(state: AppsScriptState, sheet: SheetState, type: 'SHEET' | 'RANGE', rect: GridRect): FakeProtection {
  const protection: ProtectionState = {
    id: nextId(state.spreadsheet),
    type,
    rect,
    description: '',
    warningOnly: false,
    restricted: false,
    editors: new Set([state.ownerEmail, currentUser(state).email]),
  };
  sheet.protections.push(protection);
  return new FakeProtection(state, sheet, protection);
}

function emailOf(user: unknown): string | null {
  if (typeof user === 'string') return user;
  if (typeof user === 'object' && user !== null && typeof (user as { getEmail?: unknown }).getEmail === 'function') {
    return String((user as { getEmail(): unknown }).getEmail());
  }
  return null;
}

export class FakeUserObject {
  readonly #email: string;

  constructor(email: string) {
    this.#email = email;
  }

  getEmail(): string {
    return this.#email;
  }

  getUsername(): string {
    return this.#email.split('@')[0] ?? '';
  }
}

export class FakeProtection {
  readonly #state: AppsScriptState;
  readonly #sheet: SheetState;
  readonly #protection: ProtectionState;

  constructor(state: AppsScriptState, sheet: SheetState, protection: ProtectionState) {
    this.#state = state;
    this.#sheet = sheet;
    this.#protection = protection;
  }

  getProtectionType(): unknown {
    return ProtectionType[this.#protection.type];
  }

  getRange(): FakeRange {
    return new FakeRange(this.#state, this.#sheet, { ...this.#protection.rect });
  }

  getDescription(): string {
    return this.#protection.description;
  }

  setDescription(description: unknown): FakeProtection {
    if (typeof description !== 'string') throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.Protection.setDescription', [description]);
    this.#protection.description = description;
    return this;
  }

  isWarningOnly(): boolean {
    return this.#protection.warningOnly;
  }

  setWarningOnly(warningOnly: unknown): FakeProtection {
    if (typeof warningOnly !== 'boolean') throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.Protection.setWarningOnly', [warningOnly]);
    this.#protection.warningOnly = warningOnly;
    return this;
  }

  getEditors(): FakeUserObject[] {
    return realmArray(this.#state.realm, [...this.#protection.editors].map((email) => new FakeUserObject(email)));
  }

  addEditor(user: unknown): FakeProtection {
    return this.addEditors([user]);
  }

  addEditors(users: readonly unknown[]): FakeProtection {
    this.#protection.restricted = true;
    for (const user of users) {
      const email = emailOf(user);
      if (email !== null) this.#protection.editors.add(email);
    }
    return this;
  }

  removeEditor(user: unknown): FakeProtection {
    return this.removeEditors([user]);
  }

  /** The owner and the current user cannot be removed. */
  removeEditors(users: readonly unknown[]): FakeProtection {
    this.#protection.restricted = true;
    const me = currentUser(this.#state).email;
    for (const user of users) {
      const email = emailOf(user);
      if (email !== null && email !== this.#state.ownerEmail && email !== me) this.#protection.editors.delete(email);
    }
    return this;
  }

  canEdit(): boolean {
    return canEdit(this.#state, this.#protection, currentUser(this.#state).email);
  }

  remove(): void {
    this.#sheet.protections = this.#sheet.protections.filter((p) => p.id !== this.#protection.id);
  }
}
