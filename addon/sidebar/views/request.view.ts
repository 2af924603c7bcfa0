import { ROLE_LABELS } from '../../../shared/cost/role-labels.ts';
import type { RequestPolicy } from '../../../shared/cost/request-policy.ts';
import { REQUEST_TYPES } from '../../../shared/records/request.ts';
import { REQUEST_STATE_LABELS } from '../../../shared/requests/request-state.ts';
import type { RequestFiled, RequestPrefill } from '../../src/rpc/sidebar-rpc.ts';
import { showFieldErrors } from '../dom/field-errors.ts';
import { field, selectInput, textArea, textInput } from '../dom/field.ts';
import { formText, submitterOf } from '../dom/form.ts';
import { submitChecked } from '../dom/submit-checked.ts';
import { fill, h, uid } from '../dom/h.ts';
import { announce } from '../dom/live.ts';
import { createLoader } from '../dom/loader.ts';
import { errorNotice, successNotice } from '../dom/notice.ts';
import { currentLocale, t } from '../messages.ts';
import { costInputOf, liveEstimate } from '../model/cost-draft.model.ts';
import { formatYen } from '../model/format.ts';
import { backgroundCount, requestFormOf, type RequestDraft } from '../model/request-form.model.ts';
import type { AppContext, View } from './app-context.ts';
import { costEditor } from './cost-editor.ts';
import { estimatePanel } from './estimate-panel.ts';
import { loadFailure } from './not-set-up.ts';

/** The special-request form: background first, a live cost estimate, saved as a draft or submitted. */
export function requestView(ctx: AppContext): View {
  const el = h('div', { class: 'view view-request' });
  const load = createLoader(el);
  let dirty = false;
  let filed = false;

  const buildForm = (prefill: RequestPrefill, policy: RequestPolicy): void => {
    const locale = currentLocale();
    const headingId = uid('req');
    const typeSelect = selectInput(
      'type',
      [{ value: '', label: t('chooseOne') }, ...REQUEST_TYPES.map((type) => ({ value: type, label: policy.typeLabels[type][locale] }))],
      '',
    );
    const background = textArea('background', '', { rows: 4, maxlength: 5000 });
    const counter = h('span', { class: 'counter' });
    const updateCounter = (): void => {
      const count = backgroundCount(background.value, policy);
      counter.textContent = t('backgroundCount', { chars: count.chars, min: count.min });
      counter.classList.toggle('counter-ok', count.enough);
    };
    updateCounter();
    const costs = costEditor(policy);
    const estimate = estimatePanel();
    const box = h('div', { class: 'form-error' });
    const draftButton = h('button', { type: 'submit', class: 'btn', name: 'intent', value: 'draft' }, [t('saveDraft')]);
    const submitButton = h('button', { type: 'submit', class: 'btn btn-primary', name: 'intent', value: 'submit' }, [t('submitRequest')]);

    const readDraft = (form: HTMLFormElement): RequestDraft => ({
      type: formText(form, 'type'),
      background: formText(form, 'background'),
      description: formText(form, 'description'),
      alternative: formText(form, 'alternative'),
      account: formText(form, 'account'),
      dealId: prefill.dealId,
      cost: costs.read(),
    });

    const form = h('form', { class: 'form', novalidate: true, 'aria-labelledby': headingId }, [
      h('h2', { class: 'view-title', id: headingId }, [t('requestHeading')]),
      prefill.dealTitle === null ? null : h('p', { class: 'card-sub' }, [t('requestDealLine', { deal: prefill.dealTitle })]),
      field({ label: t('requestAccount'), control: textInput('account', prefill.account ?? '', { maxlength: 200 }) }),
      field({ label: t('requestType'), control: typeSelect, required: true }),
      field({ label: t('background'), control: background, required: true, hint: counter }),
      field({ label: t('description'), control: textArea('description', '', { rows: 3, maxlength: 5000 }), required: true }),
      field({ label: t('alternative'), control: textArea('alternative', '', { rows: 2, maxlength: 5000 }), hint: t('alternativeHint') }),
      costs.el,
      estimate.el,
      box,
      // The draft button comes first: Enter in a text box saves a draft, never submits for approval by accident.
      h('div', { class: 'form-actions' }, [draftButton, submitButton]),
    ]);

    // Once the person has tried to send, a half-filled cost line stays marked until it is completed.
    let attempted = false;
    const recompute = (): void => {
      const draft = costs.read();
      const live = liveEstimate(draft, policy, currentLocale());
      estimate.update(live);
      const errors = attempted ? costInputOf(draft, 'final', currentLocale()).errors : live.kind === 'invalid' ? live.errors : {};
      showFieldErrors(form, errors, { focus: false, within: costs.el });
    };
    form.addEventListener('input', (event) => {
      dirty = true;
      if (event.target === background) updateCounter();
      else recompute();
    });
    form.addEventListener('change', recompute);
    recompute();

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const trigger = submitterOf(event, form);
      const submit = trigger?.value === 'submit';
      attempted = true;
      submitChecked(form, box, trigger, requestFormOf(readDraft(form), submit, policy, currentLocale()), async (valid) => {
        showFiled(await ctx.rpc.sidebarFileRequest(valid.form));
      });
    });
    fill(el, [form]);
  };

  const showFiled = (result: RequestFiled): void => {
    filed = true;
    dirty = false;
    ctx.sheetChanged();
    const locale = currentLocale();
    const title = result.state === 'draft' ? t('requestDrafted') : t('requestFiled');
    const route = result.steps.map((role) => ROLE_LABELS[role][locale]).join(' → ');
    const notice = successNotice(
      title,
      [
        `${t('requestState')}: ${REQUEST_STATE_LABELS[result.state][locale]}`,
        `${t('total')}: ${formatYen(result.total)}`,
        route === '' ? null : `${t('approvalRoute')}: ${route}`,
        t('cellsWritten', { count: result.cellsWritten }),
      ],
      [{ label: t('newRequestAgain'), onClick: () => reload(), primary: true }],
    );
    notice.tabIndex = -1;
    notice.dataset['requestId'] = result.requestId;
    fill(el, [notice]);
    notice.focus();
    announce(title);
  };

  const reload = (): void => {
    filed = false;
    dirty = false;
    const policy = ctx.boot().requestPolicy;
    if (policy === null) {
      const retry = (): void => {
        void ctx.refreshBoot().then(() => reload());
      };
      fill(el, [errorNotice({ code: 'unreachable', message: t('policyUnavailable') }, [{ label: t('retry'), onClick: retry }])]);
      return;
    }
    void load(() => ctx.rpc.sidebarRequestPrefill(), (prefill) => buildForm(prefill, policy), (error) => fill(el, [loadFailure(ctx, error, reload)]));
  };

  return {
    el,
    show() {
      if (filed || !dirty) reload();
    },
  };
}
