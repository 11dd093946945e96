import { Show } from 'solid-js'
import type { Results } from '../../data/results'
import { formatShare } from '../../lib/format'
import { t } from '../../i18n/results'
import { DataTable } from '../charts/chart-frame'

const TOP = 8

/** Where "don't know" is most common: the items and factors with the highest shares (not scored, but a finding). */
export function DontKnow(props: { results: Results; label: (id: string) => string }) {
  const items = () => [...props.results.dontKnow].filter((d) => d.share > 0).sort((a, b) => b.share - a.share).slice(0, TOP)
  const factors = () => [...props.results.dontKnowFactors].filter((d) => d.share > 0).sort((a, b) => b.share - a.share).slice(0, TOP)
  return (
    <>
      <p>{t('dkIntro')}</p>
      <Show when={items().length} fallback={<p>{t('dkNone')}</p>}>
        <DataTable caption={t('dkFactors')} columns={[t('colFactor'), t('colShare')]} rows={factors().map((d) => ({ head: props.label(d.factorId), cells: [formatShare(d.share)] }))} />
        <DataTable caption={t('dkItems')} columns={[t('colItem'), t('colShare')]} rows={items().map((d) => ({ head: `${d.itemId} ${props.label(d.itemId)}`, cells: [formatShare(d.share)] }))} />
      </Show>
    </>
  )
}
