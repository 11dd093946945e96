import { Show } from 'solid-js'
import { PageTitle } from '../components/ui/page-title'
import { TextField } from '../components/ui/fields'
import { ErrorSummary } from '../components/ui/error-summary'
import { Status } from '../components/ui/status'
import { requestSignInLink } from '../data/session'
import { createForm, textValue } from '../lib/form'
import { searchParam } from '../lib/router'
import { t } from '../i18n/public'
import { SsoSignIn } from '../components/sso-sign-in'
import { ssoErrorText } from '../i18n/sso'

export default function SignIn() {
  const form = createForm()
  let el: HTMLFormElement | undefined
  // Single sign-on returns here with ?error=<code> when it fails.
  const ssoError = searchParam('error')

  async function submit(event: SubmitEvent) {
    event.preventDefault()
    const email = textValue(new FormData(el), 'email') ?? ''
    // The answer is the same whether the address is known or not: say the same neutral thing.
    await form.run(async () => {
      await requestSignInLink(email)
      return t('linkSent')
    })
  }

  return (
    <div class="stack narrow">
      <PageTitle text={t('signInTitle')}>{t('signInTitle')}</PageTitle>
      <p>{t('signInIntro')}</p>
      <Show when={ssoError}>
        <p class="notice error" role="alert">
          {ssoErrorText(ssoError ?? '')}
        </p>
      </Show>
      <ErrorSummary problem={form.problem()} form={() => el} />
      <form ref={(e) => (el = e)} onSubmit={submit} novalidate>
        <TextField name="email" type="email" label={t('email')} autocomplete="email" required path="/email" error={form.error('/email')} />
        <button type="submit" disabled={form.busy()}>
          {form.busy() ? t('sending') : t('sendLink')}
        </button>
      </form>
      <Status text={form.status()} />
      <SsoSignIn />
    </div>
  )
}
