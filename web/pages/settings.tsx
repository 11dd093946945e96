import { For, Show } from 'solid-js'
import { PageTitle } from '../components/ui/page-title'
import { useOrg } from '../components/layout/org-context'
import { CheckboxField, SelectField, TextField } from '../components/ui/fields'
import { ErrorSummary } from '../components/ui/error-summary'
import { Status } from '../components/ui/status'
import { countyOptions, kindOptions } from '../components/org-fields'
import { getOrganisation, patchOrganisation, type OrgPatch } from '../data/organisations'
import { DomainSettings } from '../components/domain-settings'
import { createForm, numberValue, textValue } from '../lib/form'
import { OIDC_TOKEN_AUTH_METHODS, type CountyCode, type OidcTokenAuthMethod, type OrgKind } from '../../schema/enums'
import { t as common } from '../i18n/common'
import { t } from '../i18n/settings'

export default function Settings() {
  const { slug, org, setOrg, canManage } = useOrg()
  const general = createForm()
  const sso = createForm()
  let generalEl: HTMLFormElement | undefined
  let ssoEl: HTMLFormElement | undefined

  async function save(form: typeof general, patch: OrgPatch) {
    await form.run(async () => {
      setOrg(await patchOrganisation(slug, patch))
      return common('saved')
    })
  }

  function saveGeneral(event: SubmitEvent) {
    event.preventDefault()
    const data = new FormData(generalEl)
    return save(general, {
      name: textValue(data, 'name') ?? '',
      kind: String(data.get('kind')) as OrgKind,
      county: (textValue(data, 'county') as CountyCode | undefined) ?? null,
      population: numberValue(data, 'population') ?? null,
      shareBenchmark: data.get('shareBenchmark') === 'on',
      anonymityThreshold: numberValue(data, 'anonymityThreshold') ?? 5,
    })
  }

  async function saveSso(event: SubmitEvent) {
    event.preventDefault()
    const data = new FormData(ssoEl)
    const secret = textValue(data, 'clientSecret')
    const domains = (textValue(data, 'allowedDomains') ?? '').split(/[\s,;]+/).filter(Boolean)
    await save(sso, {
      oidc: {
        issuer: textValue(data, 'issuer') ?? null,
        clientId: textValue(data, 'clientId') ?? null,
        allowedDomains: domains,
        tokenAuthMethod: (textValue(data, 'tokenAuthMethod') as OidcTokenAuthMethod | undefined) ?? null,
        // Write-only: sent only when typed in (or explicitly removed), never read back.
        ...(secret ? { clientSecret: secret } : data.get('clearSecret') === 'on' ? { clientSecret: null } : {}),
      },
    })
    // The secret never comes back from the API, so its field is emptied once it is stored.
    const secretInput = ssoEl?.elements.namedItem('clientSecret') as HTMLInputElement | null
    if (!sso.problem() && secretInput) secretInput.value = ''
  }

  return (
    <div class="stack">
      <PageTitle text={t('title')}>{t('title')}</PageTitle>
      <Show when={!canManage()}>
        <p class="notice">{common('readOnly')}</p>
      </Show>

      <section class="card" aria-labelledby="general-title">
        <h2 id="general-title">{t('profile')}</h2>
        <ErrorSummary problem={general.problem()} form={() => generalEl} />
        <form ref={(e) => (generalEl = e)} onSubmit={saveGeneral} novalidate>
          <fieldset disabled={!canManage()} class="plain">
            <legend class="visually-hidden">{t('profile')}</legend>
            <TextField name="name" label={t('name')} required value={org().name} autocomplete="organization" path="/name" error={general.error('/name')} />
            <SelectField name="kind" label={t('kind')} required options={kindOptions()} value={org().kind} path="/kind" error={general.error('/kind')} />
            <SelectField name="county" label={t('county')} options={countyOptions()} empty={t('noCounty')} value={org().county ?? ''} path="/county" error={general.error('/county')} />
            <TextField name="population" label={t('population')} hint={t('populationHint')} inputmode="numeric" value={org().population ?? ''} path="/population" error={general.error('/population')} />
          </fieldset>
          <fieldset disabled={!canManage()}>
            <legend>{t('privacy')}</legend>
            <CheckboxField name="shareBenchmark" label={t('shareBenchmark')} hint={t('shareBenchmarkHint')} checked={org().shareBenchmark} path="/shareBenchmark" error={general.error('/shareBenchmark')} />
            <p class="hint" data-testid="verification">
              {org().verification === 'registry' ? t('verifiedRegistry') : org().verification === 'operator' ? t('verifiedOperator') : t('notVerified')}
            </p>
            <TextField name="anonymityThreshold" type="number" min="3" max="50" step="1" label={t('threshold')} hint={t('thresholdHint')} required value={org().anonymityThreshold} path="/anonymityThreshold" error={general.error('/anonymityThreshold')} />
          </fieldset>
          <Show when={canManage()}>
            <button type="submit" disabled={general.busy()}>
              {general.busy() ? common('saving') : t('saveSettings')}
            </button>
          </Show>
        </form>
        <Status text={general.status()} />
      </section>

      <section class="card" aria-labelledby="sso-title">
        <h2 id="sso-title">{t('sso')}</h2>
        <p>{t('ssoIntro')}</p>
        <ErrorSummary problem={sso.problem()} form={() => ssoEl} />
        <form ref={(e) => (ssoEl = e)} onSubmit={saveSso} novalidate>
          <fieldset disabled={!canManage()} class="plain">
            <legend class="visually-hidden">{t('sso')}</legend>
            <TextField name="issuer" type="url" label={t('issuer')} hint={t('issuerHint')} value={org().oidc.issuer ?? ''} autocomplete="off" path="/oidc/issuer" error={sso.error('/oidc/issuer')} />
            <TextField name="clientId" label={t('clientId')} value={org().oidc.clientId ?? ''} autocomplete="off" path="/oidc/clientId" error={sso.error('/oidc/clientId')} />
            <TextField name="clientSecret" type="password" label={t('clientSecret')} hint={org().oidc.clientSecretSet ? t('secretSet') : t('secretUnset')} autocomplete="new-password" path="/oidc/clientSecret" error={sso.error('/oidc/clientSecret')} />
            <Show when={org().oidc.clientSecretSet}>
              <CheckboxField name="clearSecret" label={t('clearSecret')} />
            </Show>
            <TextField name="allowedDomains" label={t('domains')} hint={t('domainsHint')} value={org().oidc.allowedDomains.join(', ')} autocomplete="off" spellcheck={false} path="/oidc/allowedDomains" error={sso.error('/oidc/allowedDomains')} />
            <SelectField
              name="tokenAuthMethod"
              label={t('tokenAuthMethod')}
              hint={t('tokenAuthMethodHint')}
              options={OIDC_TOKEN_AUTH_METHODS.map((m) => ({ value: m, label: t(m) }))}
              empty={t('tokenAuthAuto')}
              value={org().oidc.tokenAuthMethod ?? ''}
              path="/oidc/tokenAuthMethod"
              error={sso.error('/oidc/tokenAuthMethod')}
            />
            <Show when={org().oidc.allowedDomainStatus.length}>
              <ul class="domain-list" aria-label={t('domainStatus')}>
                <For each={org().oidc.allowedDomainStatus}>
                  {(d) => (
                    <li>
                      {d.domain}: <span class={d.verified ? 'domain-status ok' : 'domain-status pending'}>{d.verified ? t('domainProven') : t('domainUnproven')}</span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </fieldset>
          <Show when={canManage()}>
            <button type="submit" disabled={sso.busy()}>
              {sso.busy() ? common('saving') : t('saveSso')}
            </button>
          </Show>
        </form>
        <Status text={sso.status()} />
      </section>

      <DomainSettings slug={slug} canManage={canManage()} onChange={() => void getOrganisation(slug).then(setOrg, () => undefined)} />
    </div>
  )
}
