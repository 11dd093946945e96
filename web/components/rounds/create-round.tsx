import { ErrorSummary } from '../ui/error-summary'
import { Status } from '../ui/status'
import { ClosesAtField, FormChoice, LanguageField, NameField } from './round-fields'
import { fromLocalInput } from './time'
import { createRound, type Round } from '../../data/rounds'
import { createForm, textValue } from '../../lib/form'
import type { Form, Lang } from '../../../schema/enums'
import { t as common } from '../../i18n/common'
import { t } from '../../i18n/rounds'

/** "Ny undersökning": a draft round; the caller goes on to it (respondents come next). */
export function CreateRound(props: { slug: string; onCreated: (round: Round) => void }) {
  const form = createForm()
  let el: HTMLFormElement | undefined

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault()
    const data = new FormData(el)
    let created: Round | undefined
    await form.run(async () => {
      created = await createRound(props.slug, {
        name: textValue(data, 'roundName') ?? '',
        form: (data.get('form') ?? 'full') as Form,
        language: (data.get('roundLanguage') ?? 'sv') as Lang,
        closesAt: fromLocalInput(String(data.get('roundClosesAt') ?? '')),
      })
      return t('created', { name: created.name })
    })
    if (created) props.onCreated(created)
  }

  return (
    <section class="card" aria-labelledby="new-round-title">
      <h2 id="new-round-title">{t('newRound')}</h2>
      <p>{t('newRoundIntro')}</p>
      <ErrorSummary problem={form.problem()} form={() => el} />
      <form ref={(e) => (el = e)} onSubmit={onSubmit} novalidate>
        <NameField form={form} name="roundName" />
        <FormChoice form={form} idPrefix="new" />
        <LanguageField form={form} name="roundLanguage" />
        <ClosesAtField form={form} name="roundClosesAt" />
        <button type="submit" disabled={form.busy()}>
          {form.busy() ? common('saving') : t('createButton')}
        </button>
      </form>
      <Status text={form.status()} />
    </section>
  )
}
