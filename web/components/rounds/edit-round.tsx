import { Show } from 'solid-js'
import { ErrorSummary } from '../ui/error-summary'
import { Status } from '../ui/status'
import { ClosesAtField, FormChoice, LanguageField, NameField } from './round-fields'
import { fromLocalInput, toLocalInput } from './time'
import { patchRound, type Round, type RoundPatch } from '../../data/rounds'
import { createForm, textValue } from '../../lib/form'
import type { Form, Lang } from '../../../schema/enums'
import { t as common } from '../../i18n/common'
import { t } from '../../i18n/rounds'

/**
 * Name and closing time while draft or open; form and language only while draft (once invitations
 * have gone out, respondents must all get the same questions in the same language).
 */
export function EditRound(props: { slug: string; round: Round; onSaved: (round: Round) => void }) {
  const form = createForm()
  let el: HTMLFormElement | undefined
  const draft = () => props.round.status === 'draft'

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault()
    const data = new FormData(el)
    const r = props.round
    // Only what changed: an unchanged closing time that has meanwhile passed must not be refused.
    const patch: RoundPatch = {}
    const name = textValue(data, 'editName') ?? ''
    if (name !== r.name) patch.name = name
    const closes = String(data.get('editClosesAt') ?? '')
    if (closes !== toLocalInput(r.closesAt)) patch.closesAt = fromLocalInput(closes)
    if (draft()) {
      const f = data.get('form') as Form
      const l = data.get('editLanguage') as Lang
      if (f !== r.form) patch.form = f
      if (l !== r.language) patch.language = l
    }
    await form.run(async () => {
      if (!Object.keys(patch).length) return t('nothingChanged')
      props.onSaved(await patchRound(props.slug, r.id, patch))
      return common('saved')
    })
  }

  return (
    <section class="card" aria-labelledby="edit-round-title">
      <h2 id="edit-round-title">{t('editTitle')}</h2>
      <p>{draft() ? t('editDraftIntro') : t('editOpenIntro')}</p>
      <ErrorSummary problem={form.problem()} form={() => el} />
      <form ref={(e) => (el = e)} onSubmit={onSubmit} novalidate>
        <NameField form={form} name="editName" value={props.round.name} />
        <Show when={draft()}>
          <FormChoice form={form} idPrefix="edit" value={props.round.form} />
          <LanguageField form={form} name="editLanguage" value={props.round.language} />
        </Show>
        <ClosesAtField form={form} name="editClosesAt" value={toLocalInput(props.round.closesAt)} />
        <button type="submit" disabled={form.busy()}>
          {form.busy() ? common('saving') : t('saveChanges')}
        </button>
      </form>
      <Status text={form.status()} />
    </section>
  )
}
