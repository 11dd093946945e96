import { For, Match, Switch } from 'solid-js'
import type { Names } from '../../data/instruments'
import { isShownRound, type Maybe, type TrendItem, type TrendRound } from '../../data/results'
import { formatDate } from '../../lib/format'
import { t } from '../../i18n/results'
import { TrendLines } from '../charts/trend-lines'

/**
 * Closed rounds over time (GET /orgs/{org}/trends): lines per dimension and per category, rounds
 * hidden for too few responses named, change in points in the tables. A 404 or 412 (an API that
 * does not offer trends here) is a plain "not available" state, never an error page.
 */
export function TrendsSection(props: { trends: Maybe<{ items: TrendItem[] }> | undefined; names: Names; label: (id: string) => string }) {
  const items = () => (props.trends?.ok ? props.trends.data.items : [])
  const shown = (): TrendRound[] => items().filter(isShownRound)
  const hidden = () => items().filter((r) => !isShownRound(r))
  return (
    <Switch>
      <Match when={!props.trends}>
        <p class="loading">…</p>
      </Match>
      <Match when={props.trends && !props.trends.ok}>
        <p class="notice">{t('trUnavailable')}</p>
      </Match>
      <Match when={true}>
        <p>{t('trIntro')}</p>
        <For each={hidden()}>{(r) => <p class="muted">{t('trSuppressed', { date: formatDate(r.closedAt) })}</p>}</For>
        <Switch>
          <Match when={shown().length === 0}>
            <p>{t('trNone')}</p>
          </Match>
          <Match when={true}>
            {shown().length < 2 && <p class="notice">{t('trOne')}</p>}
            <TrendLines title={t('trDims')} rounds={shown()} ids={['overall', ...props.names.dimensions.map((d) => d.id)]} label={props.label} />
            <TrendLines title={t('trCats')} rounds={shown()} ids={props.names.categories} label={props.label} />
          </Match>
        </Switch>
      </Match>
    </Switch>
  )
}
