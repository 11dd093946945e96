import { For } from 'solid-js'
import type { SetStoreFunction } from 'solid-js/store'
import { SelectField, TextField } from '../ui/fields'
import type { FormState } from '../../lib/form'
import { t } from '../../i18n/initiatives'
import type { Draft } from './initiative-draft'

/** The expected and realised benefit lists: rows added and removed in place, each field tied to
 *  its API pointer (`/expectedBenefits/0/text`) so errors land next to it. */
export function BenefitEditor(props: { draft: Draft; set: SetStoreFunction<Draft>; form: FormState }) {
  const expectedOptions = () => props.draft.expectedBenefits.map((e, i) => ({ value: String(i), label: `${i + 1}. ${e.text || t('expectedN', { n: i + 1 })}` }))
  return (
    <>
      <fieldset>
        <legend>{t('expected')}</legend>
        <For each={props.draft.expectedBenefits}>
          {(e, i) => {
            const p = (k: string) => `/expectedBenefits/${i()}/${k}`
            const id = (k: string) => `exp-${i()}-${k}`
            return (
              <fieldset class="benefit-row">
                <legend>{t('expectedN', { n: i() + 1 })}</legend>
                <TextField name={id('text')} label={t('benefitText')} required value={e.text} onInput={(ev) => props.set('expectedBenefits', i(), 'text', ev.currentTarget.value)} path={p('text')} error={props.form.error(p('text'))} />
                <TextField name={id('measure')} label={t('measure')} required value={e.measure} onInput={(ev) => props.set('expectedBenefits', i(), 'measure', ev.currentTarget.value)} path={p('measure')} error={props.form.error(p('measure'))} />
                <TextField name={id('owner')} label={t('benefitOwner')} required value={e.owner} onInput={(ev) => props.set('expectedBenefits', i(), 'owner', ev.currentTarget.value)} path={p('owner')} error={props.form.error(p('owner'))} />
                <TextField name={id('date')} type="date" label={t('followUpDate')} required value={e.followUpDate} onInput={(ev) => props.set('expectedBenefits', i(), 'followUpDate', ev.currentTarget.value)} path={p('followUpDate')} error={props.form.error(p('followUpDate'))} />
                <button type="button" class="secondary small" onClick={() => props.set('expectedBenefits', (list) => list.filter((_, j) => j !== i()))}>
                  {t('remove')} <span class="visually-hidden">{t('expectedN', { n: i() + 1 })}</span>
                </button>
              </fieldset>
            )
          }}
        </For>
        <button type="button" class="secondary" onClick={() => props.set('expectedBenefits', (list) => [...list, { text: '', measure: '', owner: '', followUpDate: '' }])}>
          {t('addExpected')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('realised')}</legend>
        <For each={props.draft.realisedBenefits}>
          {(r, i) => {
            const p = (k: string) => `/realisedBenefits/${i()}/${k}`
            const id = (k: string) => `real-${i()}-${k}`
            return (
              <fieldset class="benefit-row">
                <legend>{t('realisedN', { n: i() + 1 })}</legend>
                <TextField name={id('text')} label={t('benefitText')} required value={r.text} onInput={(ev) => props.set('realisedBenefits', i(), 'text', ev.currentTarget.value)} path={p('text')} error={props.form.error(p('text'))} />
                <TextField name={id('measure')} label={t('measure')} value={r.measure} onInput={(ev) => props.set('realisedBenefits', i(), 'measure', ev.currentTarget.value)} path={p('measure')} error={props.form.error(p('measure'))} />
                <TextField name={id('value')} label={t('value')} inputmode="decimal" value={r.value} onInput={(ev) => props.set('realisedBenefits', i(), 'value', ev.currentTarget.value)} path={p('value')} error={props.form.error(p('value'))} />
                <TextField name={id('date')} type="date" label={t('realisedOn')} required value={r.realisedOn} onInput={(ev) => props.set('realisedBenefits', i(), 'realisedOn', ev.currentTarget.value)} path={p('realisedOn')} error={props.form.error(p('realisedOn'))} />
                <SelectField name={id('index')} label={t('expectedIndex')} options={expectedOptions()} empty={t('noExpected')} value={r.expectedIndex} onChange={(v) => props.set('realisedBenefits', i(), 'expectedIndex', v)} path={p('expectedIndex')} error={props.form.error(p('expectedIndex'))} />
                <button type="button" class="secondary small" onClick={() => props.set('realisedBenefits', (list) => list.filter((_, j) => j !== i()))}>
                  {t('remove')} <span class="visually-hidden">{t('realisedN', { n: i() + 1 })}</span>
                </button>
              </fieldset>
            )
          }}
        </For>
        <button type="button" class="secondary" onClick={() => props.set('realisedBenefits', (list) => [...list, { text: '', measure: '', value: '', realisedOn: '', expectedIndex: '' }])}>
          {t('addRealised')}
        </button>
      </fieldset>
    </>
  )
}
