import { For, Show, createResource } from 'solid-js'
import { createStore } from 'solid-js/store'
import { SelectField, TextField } from '../ui/fields'
import { ErrorSummary } from '../ui/error-summary'
import { Status } from '../ui/status'
import { FactorPicker } from './factor-picker'
import { BenefitEditor } from './benefit-editor'
import { RATINGS, bodyOf, draftOf, emptyDraft, type Draft } from './initiative-draft'
import type { Initiative } from '../../data/initiatives'
import { instrumentFactors } from '../../data/instruments'
import { createForm } from '../../lib/form'
import { t } from '../../i18n/initiatives'
import { t as common } from '../../i18n/common'
import { INITIATIVE_KINDS, INITIATIVE_STATUSES, INITIATIVE_TARGETS, PINS } from '../../../schema/enums'
import { enumLabel, INITIATIVE_KIND, INITIATIVE_STATUS, INITIATIVE_TARGET, PIN } from '../../i18n/enums'

export interface InitiativeFormProps {
  initial?: Initiative
  /** Sends the body; returns the status text to announce. */
  submit: (body: ReturnType<typeof bodyOf>) => Promise<string>
  /** After a successful create the form starts over, ready for the next one. */
  resetAfter?: boolean
}

/** Create or edit one initiative; the API validates, and its field errors are shown in place. */
export function InitiativeForm(props: InitiativeFormProps) {
  const [draft, set] = createStore<Draft>(props.initial ? draftOf(props.initial) : emptyDraft())
  const [factors] = createResource(() => instrumentFactors())
  const form = createForm()
  let formEl: HTMLFormElement | undefined
  const ratingOptions = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault()
    const ok = await form.run(() => props.submit(bodyOf(draft, !!props.initial)))
    if (ok && props.resetAfter) {
      set(emptyDraft())
      formEl?.querySelector<HTMLInputElement>('#title')?.focus()
    }
  }

  return (
    <form ref={(e) => (formEl = e)} onSubmit={onSubmit} novalidate class="stack">
      <ErrorSummary problem={form.problem()} form={() => formEl} />
      <TextField name="title" label={t('fieldTitle')} required value={draft.title} onInput={(e) => set('title', e.currentTarget.value)} path="/title" error={form.error('/title')} autocomplete="off" />
      <div class="field" classList={{ invalid: !!form.error('/description') }}>
        <label for="description">
          {t('description')} <span class="muted">{common('optional')}</span>
        </label>
        <Show when={form.error('/description')}>
          <p class="field-error">{form.error('/description')}</p>
        </Show>
        <textarea id="description" name="description" rows="3" data-path="/description" value={draft.description} onInput={(e) => set('description', e.currentTarget.value)} />
      </div>
      <SelectField name="kind" label={t('kind')} required options={INITIATIVE_KINDS.map((k) => ({ value: k, label: enumLabel(INITIATIVE_KIND, k) }))} value={draft.kind} onChange={(v) => set('kind', v as Draft['kind'])} path="/kind" error={form.error('/kind')} />
      <SelectField name="target" label={t('target')} required options={INITIATIVE_TARGETS.map((k) => ({ value: k, label: enumLabel(INITIATIVE_TARGET, k) }))} value={draft.target} onChange={(v) => set('target', v as Draft['target'])} path="/target" error={form.error('/target')} />
      <Show when={factors.latest}>
        {(list) => <FactorPicker factors={list()} strengths={draft.strengths} onChange={(id, s) => set('strengths', id, s)} error={form.error('/factors')} />}
      </Show>
      <TextField name="cost" label={t('cost')} hint={t('costHint')} inputmode="numeric" value={draft.cost} onInput={(e) => set('cost', e.currentTarget.value)} path="/cost" error={form.error('/cost')} />
      <TextField name="owner" label={t('owner')} value={draft.owner} onInput={(e) => set('owner', e.currentTarget.value)} path="/owner" error={form.error('/owner')} />
      <SelectField name="status" label={t('status')} required options={INITIATIVE_STATUSES.map((k) => ({ value: k, label: enumLabel(INITIATIVE_STATUS, k) }))} value={draft.status} onChange={(v) => set('status', v as Draft['status'])} path="/status" error={form.error('/status')} />
      <SelectField name="pin" label={t('pin')} required options={PINS.map((k) => ({ value: k, label: enumLabel(PIN, k) }))} value={draft.pin} onChange={(v) => set('pin', v as Draft['pin'])} path="/pin" error={form.error('/pin')} />
      <TextField name="pinReason" label={t('pinReason')} value={draft.pinReason} onInput={(e) => set('pinReason', e.currentTarget.value)} path="/pinReason" error={form.error('/pinReason')} />
      <fieldset>
        <legend>{t('values')}</legend>
        <p class="hint">{t('valuesHint')}</p>
        <div class="rating-grid">
          <For each={RATINGS}>
            {(k) => (
              <SelectField name={k} label={t(k)} required options={ratingOptions} empty={t('choose')} value={draft.ratings[k]} onChange={(v) => set('ratings', k, v)} path={`/${k}`} error={form.error(`/${k}`)} />
            )}
          </For>
        </div>
      </fieldset>
      <BenefitEditor draft={draft} set={set} form={form} />
      <div class="actions-row">
        <button type="submit" disabled={form.busy()}>
          {props.initial ? t('save') : t('create')}
        </button>
      </div>
      <Status text={form.status()} />
    </form>
  )
}
