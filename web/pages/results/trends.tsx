import { Show, createResource } from 'solid-js'
import { PageTitle } from '../../components/ui/page-title'
import { useOrg } from '../../components/layout/org-context'
import { TrendsSection } from '../../components/results/trends-section'
import { getTrends, isShownRound } from '../../data/results'
import { t as common } from '../../i18n/common'
import { t } from '../../i18n/results'
import { useNames } from './labels'
import '../../styles/results.css'
import '../../styles/print.css'

/** The organisation's closed rounds over time, on their own page (the same section as in a round's report). */
export default function TrendsPage() {
  const { slug } = useOrg()
  const [trends] = createResource(() => getTrends(slug))
  // Names come from the newest shown round's instrument; rounds of other versions keep their ids.
  const version = () => {
    const tr = trends.latest
    const shown = tr?.ok ? tr.data.items.filter(isShownRound) : []
    return shown.at(-1)?.instrumentVersion ?? 'v1'
  }
  const { names, label } = useNames(version)
  return (
    <div class="stack results-page">
      <PageTitle text={t('trendsTitle')}>{t('trendsTitle')}</PageTitle>
      <Show when={names()} fallback={<p class="loading">{common('loading')}</p>}>
        <section class="card report-section" aria-label={t('trendsTitle')}>
          <TrendsSection trends={trends.latest} names={names()!} label={label} />
        </section>
      </Show>
    </div>
  )
}
