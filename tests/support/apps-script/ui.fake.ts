// The spreadsheet's UI as a script sees it: menus, sidebars, dialogs and alerts, all recorded.
// Alerts answer OK (or YES) at once, as if the user clicked the first button.
import type { MenuEntryRecord } from './apps-script-records.ts';
import type { AppsScriptState } from './apps-script-state.ts';
import { enumName, makeEnum } from './enum-value.ts';
import { FakeHtmlOutput } from './html-service.fake.ts';
import { scriptException, signatureMismatch } from './realm.ts';
import { guard, SCOPES } from './service-guard.ts';

export const Button = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);

export class FakeMenu {
  readonly #state: AppsScriptState;
  readonly caption: string | null;
  readonly items: MenuEntryRecord[] = [];

  constructor(state: AppsScriptState, caption: string | null) {
    this.#state = state;
    this.caption = caption;
  }

  addItem(caption: unknown, functionName: unknown): FakeMenu {
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw signatureMismatch(this.#state.realm, 'Ui.Menu.addItem', [caption, functionName]);
    }
    this.items.push({ kind: 'item', caption, functionName });
    return this;
  }

  addSeparator(): FakeMenu {
    this.items.push({ kind: 'separator' });
    return this;
  }

  addSubMenu(menu: unknown): FakeMenu {
    if (!(menu instanceof FakeMenu) || menu.caption === null) throw signatureMismatch(this.#state.realm, 'Ui.Menu.addSubMenu', [menu]);
    this.items.push({ kind: 'submenu', caption: menu.caption, items: [...menu.items] });
    return this;
  }

  /** A menu added again replaces the one with the same caption, as re-running onOpen does. */
  addToUi(): void {
    const addon = this.caption === null;
    const menus = this.#state.ui.menus.filter((menu) => menu.addon !== addon || menu.caption !== this.caption);
    menus.push({ caption: this.caption, addon, items: [...this.items] });
    this.#state.ui.menus = menus;
  }
}

export class FakeUi {
  readonly #state: AppsScriptState;
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(state: AppsScriptState) {
    this.#state = state;
  }

  createAddonMenu(): FakeMenu {
    return new FakeMenu(this.#state, null);
  }

  createMenu(caption: unknown): FakeMenu {
    if (typeof caption !== 'string') throw signatureMismatch(this.#state.realm, 'Ui.createMenu', [caption]);
    return new FakeMenu(this.#state, caption);
  }

  showSidebar(userInterface: unknown): void {
    guard(this.#state, 'Ui.showSidebar', 'full', SCOPES.ui);
    if (!(userInterface instanceof FakeHtmlOutput)) throw signatureMismatch(this.#state.realm, 'Ui.showSidebar', [userInterface]);
    this.#state.ui.sidebars.push({ title: userInterface.getTitle(), html: userInterface.getContent(), width: userInterface.declaredWidth });
  }

  showModalDialog(userInterface: unknown, title: unknown): void {
    this.#dialog('showModalDialog', userInterface, title, true);
  }

  showModelessDialog(userInterface: unknown, title: unknown): void {
    this.#dialog('showModelessDialog', userInterface, title, false);
  }

  #dialog(method: string, userInterface: unknown, title: unknown, modal: boolean): void {
    guard(this.#state, `Ui.${method}`, 'full', SCOPES.ui);
    if (!(userInterface instanceof FakeHtmlOutput) || typeof title !== 'string') throw signatureMismatch(this.#state.realm, `Ui.${method}`, [userInterface, title]);
    this.#state.ui.dialogs.push({ title, html: userInterface.getContent(), modal });
  }

  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons). */
  alert(...args: unknown[]): unknown {
    guard(this.#state, 'Ui.alert', 'full', SCOPES.ui);
    const [a, b, c] = args;
    let title: string | null = null;
    let prompt: unknown = a;
    let buttons: unknown = b;
    if (args.length === 3) {
      title = typeof a === 'string' ? a : null;
      prompt = b;
      buttons = c;
    }
    if (typeof prompt !== 'string') throw signatureMismatch(this.#state.realm, 'Ui.alert', args);
    const set = buttons === undefined ? 'OK' : enumName(buttons);
    if (set === null) throw signatureMismatch(this.#state.realm, 'Ui.alert', args);
    this.#state.ui.alerts.push({ title, prompt, buttons: set });
    return set.startsWith('YES') ? Button.YES : Button.OK;
  }
}

/** SpreadsheetApp.getUi(): unavailable where no one is looking (installable and time-driven triggers). */
export function getUi(state: AppsScriptState): FakeUi {
  guard(state, 'SpreadsheetApp.getUi', 'anytime');
  if (state.execution?.kind === 'installable-trigger') throw scriptException(state.realm, 'Cannot call SpreadsheetApp.getUi() from this context.');
  return new FakeUi(state);
}
