import { Match, Show, Switch, createMemo, createResource, createSignal } from 'solid-js'
import { PageTitle } from '../../components/ui/page-title'
import { useOrg } from '../../components/layout/org-context'
import { ErrorSummary } from '../../components/ui/error-summary'
import { Status } from '../../components/ui/status'
import { StatusBadge } from '../../components/rounds/round-labels'
import { RoundFacts } from '../../components/rounds/round-facts'
import { RoundActions } from '../../components/rounds/round-actions'
import { EditRound } from '../../components/rounds/edit-round'
import { RespondentImport } from '../../components/rounds/respondent-import'
import { AddRespondent } from '../../components/rounds/add-respondent'
import { RespondentList } from '../../components/rounds/respondent-list'
import { ParticipationPanel } from '../../components/rounds/participation-panel'
import { InvitationPreview } from '../../components/rounds/invitation-preview'
import { createParticipationPoll } from '../../components/rounds/participation-poll'
import { getRound, listRespondents } from '../../data/rounds'
import { listUnits } from '../../data/units'
import { listDomains } from '../../data/domains'
import { listMembers } from '../../data/members'
import { asProblem } from '../../lib/api'
import { createForm } from '../../lib/form'
import { navigate } from '../../lib/router'
import type { PageProps } from '../../routes'
import { t as common } from '../../i18n/common'
import { t } from '../../i18n/rounds'
import '../../styles/rounds.css'

export default function RoundDetail(props: PageProps) {
  const { slug, canManage } = useOrg()
  const id = props.params.id
  const listHref = `/o/${encodeURIComponent(slug)}/rounds`
  const [round, { mutate }] = createResource(() => getRound(slug, id))
  const [units] = createResource(() => listUnits(slug).catch(() => []))
  const [respondents, { refetch: refetchRespondents }] = createResource(() => listRespondents(slug, id))
  // The address rules the preview applies; if either list cannot be read the server still judges.
  const [addressContext] = createResource(
    () => (canManage() ? slug : false),
    async (s) => {
      const [domains, members] = await Promise.all([listDomains(s).catch(() => undefined), listMembers(s).catch(() => undefined)])
      return { verifiedDomains: domains?.filter((d) => d.verified).map((d) => d.domain), adminEmails: members?.filter((m) => m.role === 'owner' || m.role === 'admin').map((m) => m.email) }
    },
  )
  const [deleted, setDeleted] = createSignal(false)
  const actions = createForm()
  let actionsHeading: HTMLHeadingElement | undefined

  const unitNames = createMemo(() => new Map((units.latest ?? []).map((u) => [u.id, u.name])))
  const unitName = (unitId: string | null) => (unitId ? (unitNames().get(unitId) ?? unitId) : '')
  // A resource read in error throws: every derived value goes through these guards.
  const people = () => (respondents.error ? [] : (respondents.latest ?? []))
  // Who submitted is never listed per person: the counts come from the participation snapshot.
  const counted = () => poll.participation()
  const submitted = () => counted()?.submitted ?? null
  const unsubmitted = () => {
    const p = counted()
    return p && p.submitted !== null ? p.invited - p.submitted : null
  }
  const current = () => (round.error ? undefined : round.latest)
  const status = () => current()?.status
  const editable = () => canManage() && (status() === 'draft' || status() === 'open')

  const poll = createParticipationPoll({
    slug,
    id,
    round: current,
    setRound: (r) => mutate(r),
    onCountsChanged: () => refetchRespondents(),
  })

  const problem = () => (round.error ? asProblem(round.error) : undefined)

  return (
    <Switch fallback={<p class="loading">{common('loading')}</p>}>
      <Match when={deleted()}>
        <p class="loading">{common('loading')}</p>
      </Match>
      <Match when={round.error}>
        <div class="stack">
          <PageTitle text={t('notFoundTitle')}>{t('notFoundTitle')}</PageTitle>
          <p class="notice error">{problem()?.status === 404 ? t('notFound') : problem()?.detail}</p>
          <p>
            <a href={listHref}>{t('backToList')}</a>
          </p>
        </div>
      </Match>
      <Match when={round.latest}>
        {(r) => (
          <div class="stack round-page">
            <p class="back-link">
              <a href={listHref}>{t('backToList')}</a>
            </p>
            <PageTitle text={r().name}>{r().name}</PageTitle>
            <p class="round-state">
              <StatusBadge status={r().status} /> {t(`statusExplain.${r().status}`)}
            </p>
            <RoundFacts round={r()} respondents={people().length} />

            <section class="card stack" aria-labelledby="actions-title">
              <h2 id="actions-title" tabindex="-1" ref={(e) => (actionsHeading = e)}>
                {t('actionsTitle')}
              </h2>
              <ErrorSummary problem={actions.problem()} />
              <Status text={actions.status()} />
              <Show when={!canManage()}>
                <p class="notice">{t('readOnly')}</p>
              </Show>
              <RoundActions
                slug={slug}
                round={r()}
                respondents={people().length}
                unsubmitted={unsubmitted()}
                submitted={submitted()}
                canManage={canManage()}
                form={actions}
                onChanged={(next) => {
                  mutate(next)
                  refetchRespondents()
                  poll.now()
                }}
                onDeleted={() => {
                  setDeleted(true)
                  navigate(listHref)
                }}
                focusAfter={() => actionsHeading?.focus()}
              />
            </section>

            <Show when={r().status !== 'draft'}>
              <section class="stack" aria-labelledby="participation-title">
                <h2 id="participation-title">{t('participationTitle')}</h2>
                <Show when={poll.participation()} fallback={<p class="muted">{poll.error() || common('loading')}</p>}>
                  {(p) => <ParticipationPanel participation={p()} unitName={unitName} />}
                </Show>
              </section>
            </Show>

            <section class="stack" aria-labelledby="respondents-title">
              <h2 id="respondents-title">{t('respondentsTitle')}</h2>
              <Show when={editable()}>
                <RespondentImport
                  slug={slug}
                  roundId={id}
                  open={r().status === 'open'}
                  unitNames={(units.latest ?? []).map((u) => u.name)}
                  existingEmails={people().map((p) => p.email)}
                  addressContext={addressContext.latest ?? {}}
                  onImported={() => {
                    refetchRespondents()
                    poll.now()
                  }}
                />
                <AddRespondent
                  slug={slug}
                  roundId={id}
                  units={units.latest ?? []}
                  onAdded={() => {
                    refetchRespondents()
                    poll.now()
                  }}
                />
              </Show>
              <Show when={!respondents.error} fallback={<p class="notice error">{asProblem(respondents.error).detail}</p>}>
                <RespondentList slug={slug} roundId={id} respondents={people()} unitName={unitName} canRemove={editable()} onRemoved={() => refetchRespondents()} />
              </Show>
            </section>

            <Show when={r().status !== 'closed'}>
              <InvitationPreview slug={slug} round={r()} />
            </Show>
            <Show when={editable()}>
              <EditRound slug={slug} round={r()} onSaved={(next) => mutate(next)} />
            </Show>
          </div>
        )}
      </Match>
    </Switch>
  )
}
