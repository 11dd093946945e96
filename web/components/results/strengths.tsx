import { For, Show } from 'solid-js'
import type { Results } from '../../data/results'
import { formatChange, formatPercent } from '../../lib/format'
import { t } from '../../i18n/results'
import { enumLabel, BALANCE_FLAG } from '../../i18n/enums'

/** Strengths and weaknesses (relative, and said so) and the balance index with its flag explained. */
export function Strengths(props: { results: Results; label: (id: string) => string }) {
  const percent = (id: string) => props.results.factors.find((f) => f.id === id)?.percent ?? null
  const list = (ids: string[]) => (
    <ol class="factor-list">
      <For each={ids}>
        {(id) => (
          <li>
            {props.label(id)} <span class="value">{formatPercent(percent(id))}</span>
          </li>
        )}
      </For>
    </ol>
  )
  return (
    <>
      <div class="two-col">
        <div>
          <h3>{t('strengths')}</h3>
          {list(props.results.strengths)}
        </div>
        <div>
          <h3>{t('weaknesses')}</h3>
          {list(props.results.weaknesses)}
        </div>
      </div>
      <p class="notice">{t('relativeNote')}</p>
      <h3>{t('balanceTitle')}</h3>
      <Show when={props.results.balance !== null} fallback={<p>{t('balanceNull')}</p>}>
        <p class="balance">{t('balanceValue', { value: formatChange(props.results.balance) })}</p>
        <Show when={props.results.flags.length} fallback={<p>{t('noFlag')}</p>}>
          <For each={props.results.flags}>{(flag) => <p class="notice warning">{enumLabel(BALANCE_FLAG, flag)}</p>}</For>
        </Show>
      </Show>
      <p class="muted">{t('balanceExplain')}</p>
    </>
  )
}
