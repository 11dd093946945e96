import { For, Match, Show, Switch } from 'solid-js'
import { isShownPeers, type Maybe, type PeerGroup, type Score } from '../../data/results'
import { formatNumber } from '../../lib/format'
import { t } from '../../i18n/results'
import { PeerBands } from '../charts/peer-bands'

/**
 * Comparison with peers per factor, one chart per shown group (all, kind, size, county); groups
 * with fewer than five organisations and the 412 answers are explained in words.
 */
export function BenchmarkSection(props: { slug: string; benchmark: Maybe<{ groups: PeerGroup[] }> | undefined; factors: Score[]; label: (id: string) => string }) {
  const problem = () => (props.benchmark && !props.benchmark.ok ? props.benchmark.problem : undefined)
  const groups = () => (props.benchmark?.ok ? props.benchmark.data.groups : [])
  return (
    <Switch>
      <Match when={!props.benchmark}>
        <p class="loading">…</p>
      </Match>
      <Match when={problem()?.reason === 'not_sharing'}>
        <p class="notice">{t('notSharing')}</p>
        <p>
          <a href={`/o/${encodeURIComponent(props.slug)}/settings`}>{t('toSettings')}</a>
        </p>
      </Match>
      <Match when={problem()?.status === 412}>
        <p class="notice">{problem()!.detail}</p>
      </Match>
      <Match when={problem()}>
        <p class="notice">{t('bmUnavailable')}</p>
      </Match>
      <Match when={true}>
        <p>{t('bmIntro')}</p>
        <For each={groups()}>
          {(g) => {
            const title = `${t(`group_${g.group}`)}${isShownPeers(g) ? ` (${t('groupSize', { size: formatNumber(g.size) })})` : ''}`
            return (
              <Show
                when={isShownPeers(g) && g}
                fallback={
                  <div class="peer-suppressed">
                    <h3>{title}</h3>
                    <p>{t('groupSuppressed')}</p>
                  </div>
                }
              >
                {(shown) => <PeerBands title={title} factors={props.factors} peers={shown().scores} label={props.label} />}
              </Show>
            )
          }}
        </For>
      </Match>
    </Switch>
  )
}
