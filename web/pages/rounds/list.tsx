import { For, Show, createResource } from 'solid-js'
import { PageTitle } from '../../components/ui/page-title'
import { useOrg } from '../../components/layout/org-context'
import { CreateRound } from '../../components/rounds/create-round'
import { RoundDates, StatusBadge, rateText } from '../../components/rounds/round-labels'
import { getParticipation, listRounds, type Round } from '../../data/rounds'
import { asProblem } from '../../lib/api'
import { navigate } from '../../lib/router'
import { t as common } from '../../i18n/common'
import { t } from '../../i18n/rounds'
import '../../styles/rounds.css'

/** Participation of an open or closed round, fetched per row (a draft has nobody invited). */
function RateCell(props: { slug: string; round: Round }) {
  const [p] = createResource(
    () => (props.round.status === 'draft' ? undefined : props.round.id),
    (id) => getParticipation(props.slug, id),
  )
  return (
    <Show when={props.round.status !== 'draft'} fallback={<span class="muted">{t('notOpenYet')}</span>}>
      <Show when={p.latest} fallback={<span class="muted">{p.error ? asProblem(p.error).detail : common('loading')}</span>}>
        {(x) => rateText(x())}
      </Show>
    </Show>
  )
}

export default function RoundList() {
  const { slug, canManage } = useOrg()
  const [rounds] = createResource(() => listRounds(slug))
  const base = `/o/${encodeURIComponent(slug)}/rounds`

  return (
    <div class="stack">
      <PageTitle text={t('title')}>{t('title')}</PageTitle>
      <p>{t('intro')}</p>
      <Show when={!rounds.error} fallback={<p class="notice error">{asProblem(rounds.error).detail}</p>}>
        <Show when={(rounds.latest ?? []).length} fallback={<p>{rounds.loading ? common('loading') : t('empty')}</p>}>
          <div class="table-wrap" role="region" aria-labelledby="rounds-caption" tabindex="0">
            <table class="rounds-table">
              <caption id="rounds-caption">{t('listCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('name')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('form')}</th>
                  <th scope="col">{t('dates')}</th>
                  <th scope="col">{t('participation')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={rounds.latest}>
                  {(r) => (
                    <tr>
                      <th scope="row">
                        <a href={`${base}/${encodeURIComponent(r.id)}`}>{r.name}</a>
                      </th>
                      <td>
                        <StatusBadge status={r.status} />
                      </td>
                      <td>{t(`formShort.${r.form}`)}</td>
                      <td>
                        <RoundDates round={r} />
                      </td>
                      <td>
                        <RateCell slug={slug} round={r} />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </Show>
      <Show when={canManage()} fallback={<p class="notice">{t('readOnly')}</p>}>
        <CreateRound slug={slug} onCreated={(r) => navigate(`${base}/${encodeURIComponent(r.id)}`)} />
      </Show>
    </div>
  )
}
