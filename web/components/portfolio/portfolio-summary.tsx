import { For, Show } from 'solid-js'
import type { Initiative } from '../../data/initiatives'
import type { Portfolio } from '../../data/portfolio'
import { gapPercent, money, num, percent, t } from '../../i18n/portfolio'

export interface SummaryProps {
  portfolio: Portfolio
  initiatives: Map<string, Initiative>
  /** The round's type (null: no type) and the organisation's band for it. */
  type: string | null
  band: { min: number; max: number }
}

/** A split of the chosen cost in two, shown as a bar with both shares written out. */
function SplitBar(props: { label: string; left: string; right: string; share: number | null; band?: { min: number; max: number } }) {
  const rightShare = () => props.share ?? 0
  return (
    <div class="split">
      <p class="split-label">{props.label}</p>
      {/* SVG geometry, not inline styles: the pages' CSP allows no style attributes. */}
      <svg class="split-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
        <rect class="split-left" x="0" y="0" height="10" width={(1 - rightShare()) * 100} />
        <rect class="split-right" x={(1 - rightShare()) * 100} y="0" height="10" width={rightShare() * 100} />
        <Show when={props.band}>
          {(b) => <rect class="split-band" x={(1 - b().max) * 100} y="0.5" height="9" width={(b().max - b().min) * 100} />}
        </Show>
      </svg>
      <p class="split-values">
        <span>
          {props.left}: {props.share === null ? '–' : percent(1 - props.share)}
        </span>
        <span>
          {props.right}: {props.share === null ? '–' : percent(props.share)}
        </span>
      </p>
    </div>
  )
}

/** The chosen portfolio: cost, score, balance against the band, and what was left out and why. */
export function PortfolioSummary(props: SummaryProps) {
  const p = () => props.portfolio
  const chosen = () => p().initiativeIds.map((id) => props.initiatives.get(id)).filter((i): i is Initiative => !!i)
  const legacyShare = () => {
    const total = chosen().reduce((s, i) => s + (i.cost ?? 0), 0)
    return total > 0 ? chosen().reduce((s, i) => s + (i.target === 'legacy' ? (i.cost ?? 0) : 0), 0) / total : null
  }
  return (
    <div class="stack">
      <dl class="facts">
        <div>
          <dt>{t('totalCost')}</dt>
          <dd>{money(p().totalCost)}</dd>
        </div>
        <div>
          <dt>{t('totalScore')}</dt>
          <dd>{num(p().totalScore)}</dd>
        </div>
        <div>
          <dt>{t('innovationShare')}</dt>
          <dd>{p().innovationShare === null ? '–' : percent(p().innovationShare!)}</dd>
        </div>
      </dl>
      <Show when={p().initiativeIds.length} fallback={<p class="notice">{t('emptyPortfolio')}</p>}>
        <ul class="chosen-list">
          <For each={chosen()}>
            {(i) => (
              <li>
                {i.title} <span class="muted">({money(i.cost ?? 0)})</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <h3>{t('balance')}</h3>
      <p>{props.type ? t('band', { type: props.type, min: percent(props.band.min), max: percent(props.band.max) }) : t('bandNoType')}</p>
      <SplitBar label={t('efficiencyVsInnovation')} left={t('kind.efficiency')} right={t('kind.innovation')} share={p().innovationShare} band={props.band} />
      <SplitBar label={t('capabilityVsLegacy')} left={t('target.capability')} right={t('target.legacy')} share={legacyShare()} />
      <ul class="verdicts">
        <Show when={p().initiativeIds.length}>
          <li classList={{ ok: p().bandMet, warn: !p().bandMet }}>{p().bandMet ? `✓ ${t('bandMet')}` : `! ${t('bandNotMet')}`}</li>
        </Show>
        <Show when={!p().budgetMet}>
          <li class="warn">! {t('budgetNotMet')}</li>
        </Show>
        <Show when={p().initiativeIds.length}>
          <li classList={{ ok: p().exact, warn: !p().exact }}>
            {p().exact ? `✓ ${t('exact')}` : `! ${t('notExact', { gap: gapPercent(p().optimalityGap) })}`}
          </li>
        </Show>
      </ul>
      <Show when={p().leftOut.length}>
        <h3>{t('leftOut')}</h3>
        <ul class="left-out">
          <For each={p().leftOut}>
            {(l) => (
              <li>
                <strong>{props.initiatives.get(l.initiativeId)?.title ?? l.initiativeId}</strong>: {t(`reason.${l.reason}`)}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  )
}
