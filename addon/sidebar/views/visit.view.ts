import type { VisitPrefill, VisitSaved } from '../../src/rpc/sidebar-rpc.ts';
import { errorSlot, field, textArea, textInput } from '../dom/field.ts';
import { formText } from '../dom/form.ts';
import { submitChecked } from '../dom/submit-checked.ts';
import { fill, h, uid } from '../dom/h.ts';
import { announce } from '../dom/live.ts';
import { createLoader } from '../dom/loader.ts';
import { successNotice } from '../dom/notice.ts';
import { currentLocale, t } from '../messages.ts';
import { linkedDealId, VISIT_MAX_LENGTH, visitDraftOf, visitFormOf, type VisitDraft } from '../model/visit-form.model.ts';
import type { AppContext, View } from './app-context.ts';
import { renderDealCard } from './deal-card.render.ts';
import { loadFailure } from './not-set-up.ts';

const BALL_OPTIONS = [
  { value: '', key: 'ballKeep' },
  { value: 'us', key: 'ballUs' },
  { value: 'customer', key: 'ballCustomer' },
] as const;

function ballFieldset(prefill: VisitPrefill): HTMLElement {
  const legendId = uid('ball');
  const radios = BALL_OPTIONS.map((option) => {
    const input = h('input', { type: 'radio', name: 'ballAfter', value: option.value, id: uid('ball'), class: 'radio' });
    input.checked = option.value === '';
    return { input, label: h('label', { for: input.id, class: 'radio-label' }, [input, t(option.key)]) };
  });
  const first = radios[0]?.input;
  const now = prefill.ball === null ? null : t('ballNow', { who: t(prefill.ball === 'us' ? 'ballUs' : 'ballCustomer') });
  return h('fieldset', { class: 'field fieldset', 'aria-labelledby': legendId }, [
    h('legend', { id: legendId, class: 'field-label' }, [t('ballAfter'), now === null ? null : h('span', { class: 'muted small' }, [`  ${now}`])]),
    h('div', { class: 'radio-row' }, radios.map((r) => r.label)),
    first === undefined ? null : errorSlot(first),
  ]);
}

function readDraft(form: HTMLFormElement): VisitDraft {
  const ball = formText(form, 'ballAfter');
  return {
    visitedOn: formText(form, 'visitedOn'),
    account: formText(form, 'account'),
    dealTitle: formText(form, 'dealTitle'),
    met: formText(form, 'met'),
    attendees: formText(form, 'attendees'),
    discussed: formText(form, 'discussed'),
    customerAsked: formText(form, 'customerAsked'),
    nextAction: formText(form, 'nextAction'),
    nextActionOn: formText(form, 'nextActionOn'),
    ballAfter: ball === 'us' || ball === 'customer' ? ball : '',
  };
}

/** The visit form, prefilled from the active row; after saving it shows the deal's fresh card. */
export function visitView(ctx: AppContext): View {
  const el = h('div', { class: 'view view-visit' });
  const load = createLoader(el);
  // Keep what the person typed when they step to another tab and back.
  let dirty = false;
  let saved = false;

  const buildForm = (prefill: VisitPrefill): void => {
    const today = ctx.boot().today;
    const draft = visitDraftOf(prefill);
    const headingId = uid('visit');
    const max = (f: keyof typeof VISIT_MAX_LENGTH): number => VISIT_MAX_LENGTH[f];
    const dealHint = h('span', {}, [prefill.dealId === null ? t('visitDealFree') : t('visitDealLinked')]);
    const dealTitle = textInput('dealTitle', draft.dealTitle, { maxlength: max('dealTitle') });
    const visitedOn = textInput('visitedOn', draft.visitedOn, { type: 'date', max: today });
    const nextActionOn = textInput('nextActionOn', '', { type: 'date', min: draft.visitedOn });
    const box = h('div', { class: 'form-error' });
    const save = h('button', { type: 'submit', class: 'btn btn-primary' }, [t('saveVisit')]);
    const form = h('form', { class: 'form', novalidate: true, 'aria-labelledby': headingId }, [
      h('h2', { class: 'view-title', id: headingId }, [t('visitHeading')]),
      field({ label: t('visitedOn'), control: visitedOn, required: true }),
      field({ label: t('account'), control: textInput('account', draft.account, { maxlength: max('account') }) }),
      field({ label: t('visitDeal'), control: dealTitle, hint: dealHint }),
      field({ label: t('visitMet'), control: textInput('met', '', { maxlength: max('met') }) }),
      field({ label: t('visitAttendees'), control: textInput('attendees', '', { maxlength: max('attendees') }) }),
      field({ label: t('visitDiscussed'), control: textArea('discussed', '', { maxlength: max('discussed'), rows: 3 }) }),
      field({ label: t('visitAsked'), control: textArea('customerAsked', '', { maxlength: max('customerAsked'), rows: 2 }) }),
      field({ label: t('visitNextAction'), control: textArea('nextAction', '', { maxlength: max('nextAction'), rows: 2 }) }),
      field({ label: t('visitNextActionOn'), control: nextActionOn }),
      ballFieldset(prefill),
      box,
      h('div', { class: 'form-actions' }, [save]),
    ]);
    form.addEventListener('input', () => {
      dirty = true;
      dealHint.textContent = linkedDealId({ dealTitle: dealTitle.value }, prefill) === null ? t('visitDealFree') : t('visitDealLinked');
    });
    // Only when the visit date itself changes: setting `min` on every keystroke makes Chromium
    // reset a half-typed next-action date (2026, Tab, 11, 27 became 2026-11-07).
    visitedOn.addEventListener('change', () => {
      if (nextActionOn.min !== visitedOn.value) nextActionOn.min = visitedOn.value;
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitChecked(form, box, save, visitFormOf(readDraft(form), prefill, ctx.boot().today, currentLocale()), async (valid) => {
        showSaved(await ctx.rpc.sidebarLogVisit(valid.form));
      });
    });
    fill(el, [form]);
  };

  const showSaved = (result: VisitSaved): void => {
    saved = true;
    dirty = false;
    ctx.sheetChanged();
    const another = { label: t('logAnother'), onClick: () => reload(), primary: true };
    const lines = [
      t('cellsWritten', { count: result.cellsWritten }),
      result.deferred > 0 ? t('visitDeferred', { count: result.deferred }) : null,
      result.card === null ? t('visitNoCard') : null,
    ].filter((line) => line !== null);
    const notice = successNotice(t('visitSaved'), lines, [another]);
    notice.tabIndex = -1;
    fill(el, [notice, result.card === null ? null : renderDealCard(result.card, ctx.boot())]);
    notice.focus();
    announce(t('visitSaved'));
  };

  const reload = (): void => {
    saved = false;
    dirty = false;
    void load(
      () => ctx.rpc.sidebarVisitPrefill(),
      buildForm,
      (error) => fill(el, [loadFailure(ctx, error, reload)]),
    );
  };

  return {
    el,
    show() {
      if (saved || !dirty) reload();
    },
  };
}
