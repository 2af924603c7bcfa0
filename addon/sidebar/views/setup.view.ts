import { isStageCode, type StageCode } from '../../../shared/stages/stage.ts';
import type { SetupProposal, SetupSaved } from '../../src/rpc/sidebar-rpc.ts';
import { checkbox, field } from '../dom/field.ts';
import { formText } from '../dom/form.ts';
import { submitChecked } from '../dom/submit-checked.ts';
import { fill, h, uid } from '../dom/h.ts';
import { announce } from '../dom/live.ts';
import { createLoader } from '../dom/loader.ts';
import { errorNotice, successNotice } from '../dom/notice.ts';
import { currentLocale, t } from '../messages.ts';
import { columnControl, setupChoiceOf, setupDraftOf, stageLabelControl, staleControl, staleTexts, type SetupDraft } from '../model/setup.model.ts';
import type { AppContext, View } from './app-context.ts';
import { settingsSubnav } from './settings-subnav.ts';
import { stageLabelSection, tabSection, thresholdSection } from './setup-sections.render.ts';
import { syncResult } from './sync-result.render.ts';

const stageOrBlank = (value: string): StageCode | '' => (isStageCode(value) ? value : '');

function readDraft(form: HTMLFormElement, proposal: SetupProposal): SetupDraft {
  const columns: SetupDraft['columns'] = Object.fromEntries(
    proposal.tabs
      .filter((tab) => tab.sheet !== null)
      .map((tab) => {
        const chosen = Object.fromEntries(
          tab.fields.map((f) => {
            const value = formText(form, columnControl(tab.kind, f.field));
            return [f.field, value === '' ? null : Number(value)];
          }),
        );
        return [tab.kind, chosen];
      }),
  );
  const stageLabels = Object.fromEntries(
    proposal.stageLabels.map((s) => [s.label, stageOrBlank(formText(form, stageLabelControl(s.label)))]),
  );
  const staleAfterDays = staleTexts(proposal.stages, (stage) => formText(form, staleControl(stage.code)));
  return { columns, stageLabels, staleAfterDays, createMissingTabs: formText(form, 'createMissingTabs') === 'on' };
}

/** Set-up on the team's existing sheet: confirm each field's column, the stage names, the thresholds. */
export function setupView(ctx: AppContext): View {
  const body = h('div', { class: 'view-body' });
  const el = h('div', { class: 'view view-setup' }, [settingsSubnav(ctx, 'setup'), body]);
  const load = createLoader(body);
  let loaded = false;

  const buildForm = (proposal: SetupProposal): void => {
    loaded = true;
    const draft = setupDraftOf(proposal);
    const headingId = uid('setup');
    const box = h('div', { class: 'form-error' });
    const save = h('button', { type: 'submit', class: 'btn btn-primary' }, [t('saveSetup')]);
    const missing = proposal.tabs.some((tab) => tab.kind !== 'deals' && tab.sheet === null);
    const dealsFound = proposal.tabs.some((tab) => tab.kind === 'deals' && tab.sheet !== null);
    const form = h('form', { class: 'form', novalidate: true, 'aria-labelledby': headingId }, [
      h('h2', { class: 'view-title', id: headingId }, [t('setupHeading')]),
      h('p', { class: 'muted' }, [t('setupIntro')]),
      ...proposal.tabs.map((tab) => tabSection(tab, draft)),
      missing ? field({ label: t('createMissingTabs'), control: checkbox('createMissingTabs', draft.createMissingTabs) }) : null,
      stageLabelSection(proposal, draft),
      thresholdSection(proposal, draft),
      box,
      h('div', { class: 'form-actions' }, [save]),
    ]);
    // Without a deals tab there is nothing to map; the section says what to do.
    save.disabled = !dealsFound;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitChecked(form, box, save, setupChoiceOf(proposal, readDraft(form, proposal), currentLocale()), async (valid) => {
        const saved = await ctx.rpc.sidebarSetupSave(valid.choice);
        await ctx.refreshBoot();
        showSaved(saved);
      });
    });
    fill(body, [form]);
  };

  const showSaved = (saved: SetupSaved): void => {
    ctx.sheetChanged();
    const lines = [
      saved.createdTabs.length === 0 ? null : t('createdTabs', { tabs: saved.createdTabs.join(t('listSeparator')) }),
      saved.sync === null ? t('firstSyncSkipped') : null,
    ].filter((line) => line !== null);
    const notice = successNotice(t('setupSaved'), lines, [{ label: t('openDealCard'), onClick: () => ctx.go('deal', true), primary: true }]);
    if (saved.sync !== null) {
      const actions = notice.querySelector('.notice-actions');
      for (const line of [h('p', { class: 'block-title' }, [t('firstSync')]), ...syncResult(saved.sync)]) notice.insertBefore(line, actions);
    }
    notice.tabIndex = -1;
    fill(body, [notice]);
    notice.focus();
    announce(t('setupSaved'));
    loaded = false;
  };

  const reload = (): void => {
    void load(() => ctx.rpc.sidebarSetupProposal(), buildForm, (error) => fill(body, [errorNotice(error, [{ label: t('retry'), onClick: reload }])]));
  };

  return {
    el,
    show() {
      if (!loaded) reload();
    },
  };
}
