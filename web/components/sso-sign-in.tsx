import { createSignal } from 'solid-js'
import { TextField } from './ui/fields'
import { t } from '../i18n/sso'

/**
 * Single sign-on: the organisation's short name leads to its identity provider. A full page
 * navigation (not fetch), because the provider's pages take over the browser until it returns.
 */
export function SsoSignIn() {
  const [error, setError] = createSignal('')
  let form: HTMLFormElement | undefined

  function submit(event: SubmitEvent) {
    event.preventDefault()
    const input = form?.elements.namedItem('sso-slug') as HTMLInputElement | null
    const slug = (input?.value ?? '').trim().toLowerCase()
    if (!slug) {
      setError(t('ssoSlugMissing'))
      input?.focus()
      return
    }
    window.location.assign(`/api/v1/auth/oidc/${encodeURIComponent(slug)}/start`)
  }

  return (
    <section aria-labelledby="sso-title" class="stack">
      <h2 id="sso-title">{t('ssoTitle')}</h2>
      <p>{t('ssoIntro')}</p>
      <form ref={(el) => (form = el)} onSubmit={submit} novalidate>
        <TextField name="sso-slug" label={t('ssoSlug')} hint={t('ssoHint')} error={error()} required autocomplete="organization" spellcheck={false} onInput={() => setError('')} />
        <button type="submit" class="secondary">
          {t('ssoGo')}
        </button>
      </form>
    </section>
  )
}
