import { Show, createSignal } from 'solid-js'
import { PageTitle } from '../components/ui/page-title'
import { CheckboxField, SelectField, TextField } from '../components/ui/fields'
import { ErrorSummary } from '../components/ui/error-summary'
import { countyOptions, kindOptions } from '../components/org-fields'
import { signUp, type SignupInput } from '../data/organisations'
import { createForm, numberValue, textValue } from '../lib/form'
import type { CountyCode, OrgKind } from '../../schema/enums'
import { t } from '../i18n/sign-up'

export default function SignUp() {
  const form = createForm()
  const [done, setDone] = createSignal<{ email: string; name: string; slug: string }>()
  let el: HTMLFormElement | undefined

  async function submit(event: SubmitEvent) {
    event.preventDefault()
    const data = new FormData(el)
    const input: SignupInput = {
      organisation: {
        name: textValue(data, 'name') ?? '',
        slug: textValue(data, 'slug'),
        orgNumber: textValue(data, 'orgNumber') ?? '',
        kind: String(data.get('kind')) as OrgKind,
        county: textValue(data, 'county') as CountyCode | undefined,
        population: numberValue(data, 'population'),
        shareBenchmark: data.get('shareBenchmark') === 'on',
      },
      owner: { name: textValue(data, 'ownerName') ?? '', email: textValue(data, 'ownerEmail') ?? '' },
    }
    await form.run(async () => {
      const result = await signUp(input)
      setDone({ email: input.owner.email, name: input.organisation.name, slug: result.organisation.slug })
    })
  }

  return (
    <div class="stack narrow">
      <Show
        when={done()}
        fallback={
          <>
            <PageTitle text={t('title')}>{t('title')}</PageTitle>
            <p>{t('intro')}</p>
            <ErrorSummary problem={form.problem()} form={() => el} />
            <form ref={(e) => (el = e)} onSubmit={submit} novalidate>
              <fieldset>
                <legend>{t('organisation')}</legend>
                <TextField name="name" label={t('name')} required autocomplete="organization" path="/organisation/name" error={form.error('/organisation/name')} />
                <TextField name="orgNumber" label={t('orgNumber')} hint={t('orgNumberHint')} required inputmode="numeric" autocomplete="off" path="/organisation/orgNumber" error={form.error('/organisation/orgNumber')} />
                <SelectField name="kind" label={t('kind')} required options={kindOptions()} value="municipality" path="/organisation/kind" error={form.error('/organisation/kind')} />
                <SelectField name="county" label={t('county')} options={countyOptions()} empty={t('noCounty')} path="/organisation/county" error={form.error('/organisation/county')} />
                <TextField name="population" label={t('population')} hint={t('populationHint')} inputmode="numeric" path="/organisation/population" error={form.error('/organisation/population')} />
                <TextField name="slug" label={t('slug')} hint={t('slugHint')} autocomplete="off" spellcheck={false} path="/organisation/slug" error={form.error('/organisation/slug')} />
                <CheckboxField name="shareBenchmark" label={t('shareBenchmark')} hint={t('shareBenchmarkHint')} path="/organisation/shareBenchmark" error={form.error('/organisation/shareBenchmark')} />
              </fieldset>
              <fieldset>
                <legend>{t('owner')}</legend>
                <TextField name="ownerName" label={t('ownerName')} required autocomplete="name" path="/owner/name" error={form.error('/owner/name')} />
                <TextField name="ownerEmail" type="email" label={t('ownerEmail')} required autocomplete="email" path="/owner/email" error={form.error('/owner/email')} />
              </fieldset>
              <button type="submit" disabled={form.busy()}>
                {form.busy() ? t('submitting') : t('submit')}
              </button>
            </form>
          </>
        }
      >
        {(d) => (
          <>
            <PageTitle text={t('doneTitle')} focus>{t('doneTitle')}</PageTitle>
            <p class="notice success">{t('doneText', { email: d().email, name: d().name })}</p>
            <p>{t('doneAddress', { slug: d().slug })}</p>
            <Show when={['localhost', '127.0.0.1'].includes(window.location.hostname)}>
              <p>
                <a href={`/dev/mail?to=${encodeURIComponent(d().email)}`}>{t('devMailHint')}</a>
              </p>
            </Show>
          </>
        )}
      </Show>
    </div>
  )
}
