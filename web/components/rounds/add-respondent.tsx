import { ErrorSummary } from '../ui/error-summary'
import { SelectField, TextField } from '../ui/fields'
import { Status } from '../ui/status'
import { addRespondent } from '../../data/rounds'
import type { Unit } from '../../data/units'
import { ApiProblem } from '../../lib/api'
import { clearFields, createForm, textValue } from '../../lib/form'
import { Email } from '../../../schema/api/common'
import { RESPONDENT_ROLES } from '../../../schema/enums'
import { t as common } from '../../i18n/common'
import { t } from '../../i18n/rounds-respondents'
import { enumLabel, RESPONDENT_ROLE } from '../../i18n/enums'

/** One respondent by hand; the answer's per-row error (if any) is shown by the field it concerns. */
export function AddRespondent(props: { slug: string; roundId: string; units: Unit[]; onAdded: () => void }) {
  const form = createForm()
  let el: HTMLFormElement | undefined

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault()
    const data = new FormData(el)
    const email = textValue(data, 'respondentEmail') ?? ''
    const ok = await form.run(async () => {
      // Checked here by the server's own rule, so the message can sit by the field.
      if (!Email.safeParse(email).success) {
        const message = email ? t('problem.emailInvalid', { value: email }) : t('problem.emailMissing')
        throw new ApiProblem(400, 'VALIDATION_FAILED', t('checkFields'), t('checkFields'), [{ path: '/email', message }])
      }
      const r = await addRespondent(props.slug, props.roundId, {
        email,
        name: textValue(data, 'respondentName') ?? null,
        role: String(data.get('respondentRole')),
        unitId: textValue(data, 'respondentUnit') ?? null,
      })
      if (r.errors.length) throw new ApiProblem(400, 'VALIDATION_FAILED', t('checkFields'), r.errors.map((e) => e.message).join(' '))
      return r.added ? t('respondentAdded', { email }) : t('respondentExists', { email })
    })
    if (!ok) return
    clearFields(el, 'respondentEmail', 'respondentName')
    props.onAdded()
    el?.querySelector<HTMLInputElement>('#respondentEmail')?.focus()
  }

  return (
    <section class="card" aria-labelledby="add-respondent-title">
      <h3 id="add-respondent-title">{t('addRespondentTitle')}</h3>
      <ErrorSummary problem={form.problem()} form={() => el} />
      <form ref={(e) => (el = e)} onSubmit={onSubmit} novalidate>
        <TextField name="respondentEmail" type="email" label={t('email')} required autocomplete="off" path="/email" error={form.error('/email')} />
        <TextField name="respondentName" label={t('personName')} autocomplete="off" maxlength={200} />
        <SelectField name="respondentRole" label={t('role')} required options={RESPONDENT_ROLES.map((r) => ({ value: r, label: enumLabel(RESPONDENT_ROLE, r) }))} value="staff" />
        <SelectField name="respondentUnit" label={t('unit')} options={props.units.map((u) => ({ value: u.id, label: u.name }))} empty={t('noUnit')} />
        <button type="submit" disabled={form.busy()}>
          {form.busy() ? common('saving') : t('addRespondentButton')}
        </button>
      </form>
      <Status text={form.status()} />
    </section>
  )
}
