import { Show } from 'solid-js'
import { me, signOut } from '../../data/session'
import { location, navigate } from '../../lib/router'
import { t } from '../../i18n/common'
import { LangSwitch } from '../ui/lang-switch'

/** The header on every page: the name, sign in or out, and the language switch. */
export function SiteHeader() {
  const current = (path: string) => (location().pathname === path ? 'page' : undefined)
  async function out() {
    try {
      await signOut()
    } finally {
      navigate('/')
    }
  }
  return (
    <header class="site-header">
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <div class="bar">
        <a class="brand" href="/">
          {t('appName')}
        </a>
        <nav aria-label={t('mainNav')}>
          <ul class="inline-list">
            <Show
              when={me()}
              fallback={
                <>
                  <li>
                    <a href="/sign-up" aria-current={current('/sign-up')}>
                      {t('signUp')}
                    </a>
                  </li>
                  <li>
                    <a href="/sign-in" aria-current={current('/sign-in')}>
                      {t('signIn')}
                    </a>
                  </li>
                </>
              }
            >
              {(session) => (
                <>
                  <li class="muted">{t('signedInAs', { name: session().user.name })}</li>
                  <li>
                    <button type="button" class="link-button" onClick={out}>
                      {t('signOut')}
                    </button>
                  </li>
                </>
              )}
            </Show>
            <li>
              <LangSwitch />
            </li>
          </ul>
        </nav>
      </div>
    </header>
  )
}
