import { For, Show, createResource } from 'solid-js'
import { PageTitle } from '../components/ui/page-title'
import { me } from '../data/session'
import { listMyInvitations } from '../data/invitations'
import { t } from '../i18n/public'
import { t as common } from '../i18n/common'
import { enumLabel, MEMBER_ROLE } from '../i18n/enums'

export default function Home() {
  const [invitations] = createResource(() => me()?.user.id, listMyInvitations)
  return (
    <div class="stack">
      <PageTitle text={t('homeTitle')}>{t('homeTitle')}</PageTitle>
      <p class="lead">{t('homeIntro')}</p>
      <ul class="points">
        <li>{t('homePoint1')}</li>
        <li>{t('homePoint2')}</li>
        <li>{t('homePoint3')}</li>
      </ul>
      <Show
        when={me()}
        fallback={
          <section class="card" aria-labelledby="start-title">
            <h2 id="start-title">{t('homeStart')}</h2>
            <p>{t('homeSignUpText')}</p>
            <p>
              <a class="button" href="/sign-up">
                {common('signUp')}
              </a>
            </p>
            <p>{t('homeSignInText')}</p>
            <p>
              <a class="button secondary" href="/sign-in">
                {common('signIn')}
              </a>
            </p>
          </section>
        }
      >
        {(session) => (
          <section class="card" aria-labelledby="orgs-title">
            <h2 id="orgs-title">{t('yourOrgs')}</h2>
            <Show when={(invitations.latest ?? []).length > 0}>
              <p class="notice">
                {t('pendingInvitations')} <a href="/invitations">{t('answerInvitations')}</a>
              </p>
            </Show>
            <Show when={session().scope}>
              {(scope) => (
                <p class="notice" data-testid="sso-scope">
                  {t('ssoScope', { org: session().organisations.find((o) => o.id === scope().orgId)?.name ?? '' })}
                </p>
              )}
            </Show>
            <Show when={session().organisations.length} fallback={<p>{t('noOrgs')}</p>}>
              <ul>
                <For each={session().organisations}>
                  {(o) => (
                    <li>
                      <a href={`/o/${o.slug}`}>{o.name}</a> <span class="muted">({enumLabel(MEMBER_ROLE, o.role)})</span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </section>
        )}
      </Show>
    </div>
  )
}
