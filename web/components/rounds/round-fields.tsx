import { For, Show } from 'solid-js'
import { FORMS, LANGS, type Form, type Lang } from '../../../schema/enums'
import { SelectField, TextField } from '../ui/fields'
import type { FormState } from '../../lib/form'
import { t } from '../../i18n/rounds'
import { enumLabel, FORM } from '../../i18n/enums'

/** Full or short form, each with what it means for respondents and results. */
export function FormChoice(props: { form: FormState; value?: Form; idPrefix: string }) {
  const error = () => props.form.error('/form')
  return (
    <fieldset class="choice" tabindex="-1" id={`${props.idPrefix}-form`} classList={{ invalid: !!error() }} data-path="/form" aria-describedby={error() ? `${props.idPrefix}-form-error` : undefined}>
      <legend>{t('formLegend')}</legend>
      <Show when={error()}>
        <p class="field-error" id={`${props.idPrefix}-form-error`}>
          {error()}
        </p>
      </Show>
      <For each={FORMS}>
        {(f) => (
          <div class="field radio">
            <input type="radio" id={`${props.idPrefix}-form-${f}`} name="form" value={f} checked={(props.value ?? 'full') === f} aria-describedby={`${props.idPrefix}-form-${f}-hint`} />
            <label for={`${props.idPrefix}-form-${f}`}>{enumLabel(FORM, f)}</label>
            <p class="hint" id={`${props.idPrefix}-form-${f}-hint`}>
              {t(`formHint.${f}`)}
            </p>
          </div>
        )}
      </For>
    </fieldset>
  )
}

export function LanguageField(props: { form: FormState; value?: Lang; name: string }) {
  return (
    <SelectField
      name={props.name}
      label={t('language')}
      hint={t('languageHint')}
      required
      options={LANGS.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
      value={props.value ?? 'sv'}
      path="/language"
      error={props.form.error('/language')}
    />
  )
}

export function ClosesAtField(props: { form: FormState; value?: string; name: string }) {
  return <TextField name={props.name} type="datetime-local" label={t('closesAt')} hint={t('closesAtHint')} value={props.value ?? ''} path="/closesAt" error={props.form.error('/closesAt')} />
}

export function NameField(props: { form: FormState; value?: string; name: string }) {
  return <TextField name={props.name} label={t('name')} hint={t('nameHint')} required autocomplete="off" maxlength={200} value={props.value ?? ''} path="/name" error={props.form.error('/name')} />
}
