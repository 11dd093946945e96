import { For, Match, Switch, createSignal, onMount } from 'solid-js'
import { PageTitle } from '../components/ui/page-title'
import { verifySignIn, type Session } from '../data/session'
import { navigate, searchParam } from '../lib/router'
import { asProblem } from '../lib/api'
import { t } from '../i18n/public'

/** The landing of a sign-in link: posts its token once, then opens the organisation. */
export default function Verify() {
  const [state, setState] = createSignal<'checking' | 'failed' | 'missing' | 'choose'>('checking')
  const [session, setSession] = createSignal<Session>()
  const [detail, setDetail] = createSignal('')

  onMount(async () => {
    const token = searchParam('token')
    // The token is a credential: take it out of the address bar and the history at once.
    history.replaceState(null, '', '/auth/verify')
    if (!token) return setState('missing')
    try {
      const s = await verifySignIn(token)
      if (s.organisations.length === 1) return navigate(`/o/${s.organisations[0].slug}`, { replace: true })
      // No organisation yet: what may be waiting are invitations to answer.
      if (s.organisations.length === 0) return navigate('/invitations', { replace: true })
      setSession(s)
      setState('choose')
    } catch (err) {
      const problem = asProblem(err)
      setDetail(problem.status === 401 ? '' : problem.detail)
      setState('failed')
    }
  })

  return (
    <div class="stack narrow">
      <Switch>
        <Match when={state() === 'checking'}>
          <PageTitle text={t('verifyTitle')}>{t('verifyTitle')}</PageTitle>
          <p role="status">{t('verifying')}</p>
        </Match>
        <Match when={state() === 'failed' || state() === 'missing'}>
          <PageTitle text={t('verifyFailedTitle')}>{t('verifyFailedTitle')}</PageTitle>
          <p class="notice error" role="alert">{state() === 'missing' ? t('verifyMissing') : detail() || t('verifyFailed')}</p>
          <p>
            <a class="button" href="/sign-in">
              {t('requestNew')}
            </a>
          </p>
        </Match>
        <Match when={state() === 'choose'}>
          <PageTitle text={t('chooseOrg')}>{t('chooseOrg')}</PageTitle>
          <p>{t('signedIn')}</p>
          <ul>
            <For each={session()?.organisations ?? []} fallback={<li>{t('noOrgs')}</li>}>
              {(o) => (
                <li>
                  <a href={`/o/${o.slug}`}>{o.name}</a>
                </li>
              )}
            </For>
          </ul>
        </Match>
      </Switch>
    </div>
  )
}
