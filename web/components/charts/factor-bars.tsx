import { For, Show } from 'solid-js'
import type { Score } from '../../data/results'
import { formatInterval, formatNumber, formatPercent } from '../../lib/format'
import { hiddenText, t } from '../../i18n/results'
import { ChartFrame, DataTable } from './chart-frame'
import { BAR, GRID, INK, clamp100 } from './palette'

const pct = (v: number) => `${clamp100(v)}%`

/** Highest first; suppressed (null) factors last in instrument order, so the ranking reads top-down. */
export function sortFactors(factors: Score[]): Score[] {
  const shown = factors.filter((f) => f.percent !== null).sort((a, b) => b.percent! - a.percent!)
  return [...shown, ...factors.filter((f) => f.percent === null)]
}

/** A 0–100 scale drawn above the bars: SVG lengths in percent, so it lines up with them at any width. */
export function ScaleRow() {
  return (
    <div class="bar-row scale-row" aria-hidden="true">
      <span />
      <svg class="bar-track" height="18" width="100%">
        <For each={[0, 25, 50, 75, 100]}>
          {(v) => (
            <text x={`${v}%`} y="13" text-anchor={v === 0 ? 'start' : v === 100 ? 'end' : 'middle'} class="tick">
              {formatNumber(v)}
            </text>
          )}
        </For>
      </svg>
      <span />
    </div>
  )
}

/**
 * Every factor as a horizontal bar with its 95 % interval whisker and n. Labels are HTML so long
 * names wrap; the bar itself is SVG drawn in percent so it needs no measuring.
 */
export function FactorBars(props: { factors: Score[]; k: number; label: (id: string) => string; title?: string }) {
  const sorted = () => sortFactors(props.factors)
  const shown = () => sorted().filter((f) => f.percent !== null)
  const summary = () =>
    t('factorsSummary', {
      shown: shown().length,
      top: shown().length ? `${props.label(shown()[0].id)} ${formatPercent(shown()[0].percent)}` : '–',
      bottom: shown().length ? `${props.label(shown().at(-1)!.id)} ${formatPercent(shown().at(-1)!.percent)}` : '–',
      hidden: props.factors.length - shown().length,
    })
  const title = () => props.title ?? t('factorsTitle')
  const chart = (
    <div class="bars">
      <ScaleRow />
      <For each={sorted()}>
        {(f) => (
          <div class="bar-row">
            <span class="bar-label">{props.label(f.id)}</span>
            <Show
              when={f.percent !== null}
              fallback={
                <span class="bar-suppressed">
                  {hiddenText(f.hidden, props.k)}
                </span>
              }
            >
              <svg class="bar-track" height="22" width="100%">
                <line x1="50%" x2="50%" y1="0" y2="22" stroke={GRID} stroke-dasharray="3 3" />
                <rect x="0" y="5" width={pct(f.percent!)} height="12" fill={BAR} />
                <Show when={f.ci}>
                  {(ci) => (
                    <g stroke={INK} stroke-width="2">
                      <line x1={pct(ci()[0])} x2={pct(ci()[1])} y1="11" y2="11" />
                      <line x1={pct(ci()[0])} x2={pct(ci()[0])} y1="4" y2="18" />
                      <line x1={pct(ci()[1])} x2={pct(ci()[1])} y1="4" y2="18" />
                    </g>
                  )}
                </Show>
              </svg>
            </Show>
            <span class="bar-value">
              <Show when={f.percent !== null}>{formatPercent(f.percent)} </Show>
              <span class="bar-n">n = {formatNumber(f.n)}</span>
            </span>
          </div>
        )}
      </For>
    </div>
  )
  const rows = () =>
    sorted().map((f) => ({
      head: props.label(f.id),
      cells: f.percent === null ? [hiddenText(f.hidden, props.k), '–', formatNumber(f.n)] : [formatPercent(f.percent), formatInterval(f.ci), formatNumber(f.n)],
    }))
  return (
    <ChartFrame
      title={title()}
      summary={summary()}
      chart={chart}
      table={<DataTable caption={t('tableOf', { title: title() })} columns={[t('colFactor'), t('colPercent'), t('colInterval'), t('colN')]} rows={rows()} />}
    />
  )
}
