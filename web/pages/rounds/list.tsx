import { Show, createResource } from 'solid-js'
import { PageTitle } from '../../components/ui/page-title'
import { useOrg } from '../../components/layout/org-context'
import { CreateRound } from '../../components/rounds/create-round'
import { DataTable } from '../../components/ui/data-table'
import { ListState } from '../../components/ui/list-state'
import { RoundDates, StatusBadge, rateText } from '../../components/rounds/round-labels'
import { getParticipation, listRounds, type Round } from '../../data/rounds'
import { asProblem } from '../../lib/api'
import { navigate } from '../../lib/router'
import { t as common } from '../../i18n/common'
import { t } from '../../i18n/rounds'
import '../../styles/rounds.css'
import { enumLabel, FORM_SHORT } from '../../i18n/enums'

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
      <ListState resource={rounds} empty={t('empty')}>
        {(items) => (
          <DataTable
            class="rounds-table"
            caption={t('listCaption')}
            rows={items()}
            columns={[
              { header: t('name'), rowHeader: true, cell: (r) => <a href={`${base}/${encodeURIComponent(r.id)}`}>{r.name}</a> },
              { header: t('status'), cell: (r) => <StatusBadge status={r.status} /> },
              { header: t('form'), cell: (r) => enumLabel(FORM_SHORT, r.form) },
              { header: t('dates'), cell: (r) => <RoundDates round={r} /> },
              { header: t('participation'), cell: (r) => <RateCell slug={slug} round={r} /> },
            ]}
          />
        )}
      </ListState>
      <Show when={canManage()} fallback={<p class="notice">{t('readOnly')}</p>}>
        <CreateRound slug={slug} onCreated={(r) => navigate(`${base}/${encodeURIComponent(r.id)}`)} />
      </Show>
    </div>
  )
}
