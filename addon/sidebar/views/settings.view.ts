import { LOCALES, type Locale } from '../../../shared/i18n/locale.ts';
import type { AddonSettings } from '../../src/rpc/sidebar-rpc.ts';
import { checkbox, field, selectInput, textInput } from '../dom/field.ts';
import { formText } from '../dom/form.ts';
import { submitChecked } from '../dom/submit-checked.ts';
import { fill, h, uid } from '../dom/h.ts';
import { announce } from '../dom/live.ts';
import { createLoader } from '../dom/loader.ts';
import { errorNotice, successNotice } from '../dom/notice.ts';
import { currentLocale, t } from '../messages.ts';
import { staleTexts } from '../model/setup.model.ts';
import { settingsDraftOf, settingsOf, settingsStaleControl, type SettingsDraft } from '../model/settings.model.ts';
import type { AppContext, View } from './app-context.ts';
import { settingsSubnav } from './settings-subnav.ts';
import { thresholdFields } from './setup-sections.render.ts';

// Each language names itself, so a person who cannot read the current one still finds theirs.
const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { ja: '日本語', en: 'English' };

function readDraft(form: HTMLFormElement, settings: AddonSettings): SettingsDraft {
  const locale = formText(form, 'locale');
  return {
    locale: locale === 'en' ? 'en' : 'ja',
    hourlySync: formText(form, 'hourlySync') === 'on',
    syncOnChange: formText(form, 'syncOnChange') === 'on',
    staleAfterDays: staleTexts(settings.stages, (stage) => formText(form, settingsStaleControl(stage.code))),
    ballFollowUpDays: formText(form, 'ballFollowUpDays'),
    warningPercent: formText(form, 'warningRatio'),
  };
}

function group(title: string, children: readonly HTMLElement[]): HTMLElement {
  const id = uid('grp');
  return h('section', { class: 'card setup-section', 'aria-labelledby': id }, [h('h3', { class: 'section-title', id }, [title]), ...children]);
}

/** Language, automatic sync, and the thresholds the flags are computed with. */
export function settingsView(ctx: AppContext, onLocaleChange: (locale: Locale) => void): View {
  const body = h('div', { class: 'view-body' });
  const el = h('div', { class: 'view view-settings' }, [settingsSubnav(ctx, 'settings'), body]);
  const load = createLoader(body);
  let loaded = false;

  const buildForm = (settings: AddonSettings, saved: boolean): void => {
    loaded = true;
    const draft = settingsDraftOf(settings);
    const headingId = uid('set');
    const box = h('div', { class: 'form-error' });
    const save = h('button', { type: 'submit', class: 'btn btn-primary' }, [t('saveSettings')]);
    const form = h('form', { class: 'form', novalidate: true, 'aria-labelledby': headingId }, [
      h('h2', { class: 'view-title', id: headingId }, [t('settingsHeading')]),
      saved ? successNotice(t('settingsSaved')) : null,
      field({ label: t('language'), control: selectInput('locale', LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] })), draft.locale, { lang: draft.locale }) }),
      group(t('autoSync'), [
        h('p', { class: 'muted small' }, [t('autoSyncPerUser')]),
        field({ label: t('hourlySync'), control: checkbox('hourlySync', draft.hourlySync) }),
        field({ label: t('syncOnChange'), control: checkbox('syncOnChange', draft.syncOnChange) }),
      ]),
      group(t('thresholdsHeading'), [h('p', { class: 'muted small' }, [t('thresholdHint')]), ...thresholdFields(settings.stages, draft.staleAfterDays, settingsStaleControl)]),
      group(t('followUpHeading'), [
        field({ label: t('ballFollowUpDays'), control: textInput('ballFollowUpDays', draft.ballFollowUpDays, { inputmode: 'numeric', class: 'input input-days' }), className: 'field-row' }),
        field({ label: t('warningPercent'), control: textInput('warningRatio', draft.warningPercent, { inputmode: 'decimal', class: 'input input-days' }), className: 'field-row' }),
      ]),
      box,
      h('div', { class: 'form-actions' }, [save]),
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitChecked(form, box, save, settingsOf(settings, readDraft(form, settings), currentLocale()), async (valid) => {
        const stored = await ctx.rpc.sidebarSaveSettings(valid.settings);
        ctx.sheetChanged();
        ctx.autoSyncChanged({ hourlySync: stored.hourlySync, syncOnChange: stored.syncOnChange });
        announce(t('settingsSaved'));
        // A new language redraws the whole sidebar; otherwise show the stored values.
        if (stored.locale !== currentLocale()) onLocaleChange(stored.locale);
        else buildForm(stored, true);
      });
    });
    fill(body, [form]);
  };

  const reload = (): void => {
    void load(() => ctx.rpc.sidebarSettings(), (settings) => buildForm(settings, false), (error) => fill(body, [errorNotice(error, [{ label: t('retry'), onClick: reload }])]));
  };

  return {
    el,
    show() {
      if (!loaded) reload();
    },
  };
}
