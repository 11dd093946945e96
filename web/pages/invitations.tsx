import { For, Show, createResource, createSignal, onMount } from 'solid-js'
import { PageTitle } from '../components/ui/page-title'
import { ErrorSummary } from '../components/ui/error-summary'
import { Status } from '../components/ui/status'
import { acceptInvitation, declineInvitation, listMyInvitations, openInvitation, type Invitation } from '../data/invitations'
import { me } from '../data/session'
import { searchParam } from '../lib/router'
import { asProblem } from '../lib/api'
import { createForm } from '../lib/form'
import { formatTime } from '../lib/format'
import { t } from '../i18n/invitations'
import { createConfirm } from '../components/ui/confirm-dialog'
import { enumLabel, MEMBER_ROLE } from '../i18n/enums'

/**
 * The landing of an invitation's link (it signs in once, accepting nothing) and the signed-in
 * user's pending invitations, each answered with its own accept or decline button.
 */
export default function Invitations() {
  const [opening, setOpening] = createSignal(true)
  const [linkFailed, setLinkFailed] = createSignal(false)
  const [joined, setJoined] = createSignal<{ slug: string; name: string }>()
  const answer = createForm()
  const confirm = createConfirm()
  let joinedEl: HTMLParagraphElement | undefined
  const [invitations, { refetch }] = createResource(() => !opening() && me()?.user.id, listMyInvitations)

  onMount(async () => {
    const token = searchParam('token')
    if (token) {
      // The token is a credential: out of the address bar and the history at once.
      history.replaceState(null, '', '/invitations')
      try {
        await openInvitation(token)
      } catch (err) {
        if (asProblem(err).status !== 401) answer.setProblem(asProblem(err))
        setLinkFailed(true)
      }
    }
    setOpening(false)
  })

  async function onAccept(inv: Invitation) {
    setJoined(undefined)
    const ok = await answer.run(async () => {
      await acceptInvitation(inv.id)
      return t('accepted', { org: inv.organisation.name })
    })
    if (ok) {
      setJoined(inv.organisation)
      queueMicrotask(() => joinedEl?.focus())
    }
    refetch()
  }

  async function onDecline(inv: Invitation) {
    if (!(await confirm.ask({ title: t('confirmDecline', { org: inv.organisation.name }), confirmLabel: t('decline'), danger: false }))) return
    setJoined(undefined)
    await answer.run(async () => {
      await declineInvitation(inv.id)
      return t('declined', { org: inv.organisation.name })
    })
    refetch()
  }

  return (
    <div class="stack narrow">
      <confirm.Dialog />
      <PageTitle text={t('title')}>{t('title')}</PageTitle>
      <Show when={!opening()} fallback={<p role="status">{t('opening')}</p>}>
        <p>{t('intro')}</p>
        <Show when={linkFailed()}>
          <p class="notice error" role="alert">
            {t('linkFailed')}
          </p>
        </Show>
        <ErrorSummary problem={answer.problem()} hint={answer.problem()?.status === 404 ? t('gone') : undefined} />
        <Status text={answer.status()} />
        <Show when={joined()}>
          {(org) => (
            <p class="notice" tabindex="-1" ref={(e) => (joinedEl = e)}>
              <a href={`/o/${org().slug}`}>{t('open', { org: org().name })}</a>
            </p>
          )}
        </Show>
        <Show
          when={me()}
          fallback={
            <Show when={me() === null}>
              <p>{t('signInFirst')}</p>
              <p>
                <a class="button" href="/sign-in">
                  {t('signIn')}
                </a>
              </p>
            </Show>
          }
        >
          <section aria-labelledby="invitations-list">
            <h2 id="invitations-list">{t('list')}</h2>
            <Show when={(invitations.latest ?? []).length > 0} fallback={<Show when={!invitations.loading}><p>{t('none')}</p></Show>}>
              <ul class="stack invitation-list">
                <For each={invitations.latest ?? []}>
                  {(inv) => (
                    <li class="card" aria-labelledby={`inv-${inv.id}`}>
                      <h3 id={`inv-${inv.id}`}>{inv.organisation.name}</h3>
                      <p>
                        {t('invitedAs', { role: enumLabel(MEMBER_ROLE, inv.role).toLowerCase() })}{' '}
                        {inv.invitedBy ? t('invitedBy', { name: inv.invitedBy }) : inv.role === 'owner' ? t('ownerAtSignUp') : ''}{' '}
                        {t('expires', { time: formatTime(inv.expiresAt) })}
                      </p>
                      <p class="inline-list">
                        <button type="button" disabled={answer.busy()} onClick={() => onAccept(inv)}>
                          {t('accept')}
                          <span class="visually-hidden"> ({inv.organisation.name})</span>
                        </button>
                        <button type="button" class="secondary" disabled={answer.busy()} onClick={() => onDecline(inv)}>
                          {t('decline')}
                          <span class="visually-hidden"> ({inv.organisation.name})</span>
                        </button>
                      </p>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </section>
        </Show>
      </Show>
    </div>
  )
}
