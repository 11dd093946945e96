import { For, Show } from 'solid-js'
import type { PeerScore, Score } from '../../data/results'
import { formatNumber, formatPercent } from '../../lib/format'
import { t } from '../../i18n/results'
import { ChartFrame, DataTable, LegendItem } from './chart-frame'
import { ScaleRow } from './factor-bars'
import { BAND_FILL, BAND_LINE, INK, OURS, clamp100 } from './palette'

const pct = (v: number) => `${clamp100(v)}%`

/** The organisation's diamond, drawn at the origin of a nested SVG placed at its value. */
const Diamond = (props: { at: number }) => (
  <svg x={pct(props.at)} y="12" overflow="visible">
    <path d="M0 -8L8 0L0 8L-8 0z" fill={OURS} stroke="#fff" stroke-width="1.5" />
  </svg>
)

/**
 * One peer group: per factor the quartile band (p25–p75), the median and the organisation's value,
 * with its percentile rank in text beside it.
 */
export function PeerBands(props: { title: string; factors: Score[]; peers: PeerScore[]; label: (id: string) => string }) {
  const byId = () => new Map(props.peers.map((p) => [p.id, p]))
  const rows = () => props.factors.map((f) => ({ f, p: byId().get(f.id) }))
  const above = () => rows().filter((r) => r.f.percent !== null && r.p?.median != null && r.f.percent > r.p.median).length
  const withStats = () => rows().filter((r) => r.f.percent !== null && r.p?.median != null).length
  const summary = () => t('bmSummary', { group: props.title, above: above(), total: withStats() })
  const chart = (
    <div class="bars">
      <ScaleRow />
      <For each={rows()}>
        {(r) => (
          <div class="bar-row">
            <span class="bar-label">{props.label(r.f.id)}</span>
            <Show when={r.p?.median != null} fallback={<span class="bar-suppressed">{t('noStats')}</span>}>
              <svg class="bar-track" height="24" width="100%">
                <rect x={pct(r.p!.p25!)} width={pct(r.p!.p75! - r.p!.p25!)} y="3" height="18" fill={BAND_FILL} stroke={BAND_LINE} />
                <line x1={pct(r.p!.median!)} x2={pct(r.p!.median!)} y1="1" y2="23" stroke={INK} stroke-width="2.5" />
                <Show when={r.f.percent !== null}>
                  <Diamond at={r.f.percent!} />
                </Show>
              </svg>
            </Show>
            <span class="bar-value">
              {formatPercent(r.f.percent)}
              <Show when={r.p?.percentileRank != null}>
                <span class="bar-n"> P{formatNumber(r.p!.percentileRank!)}</span>
              </Show>
            </span>
          </div>
        )}
      </For>
    </div>
  )
  const legend = (
    <ul class="legend">
      <LegendItem color={BAND_LINE} marker={<rect x="9" y="1" width="16" height="12" fill={BAND_FILL} stroke={BAND_LINE} />} label={`${t('colP25')}–${t('colP75')}`} />
      <LegendItem color="transparent" marker={<line x1="17" x2="17" y1="0" y2="14" stroke={INK} stroke-width="2.5" />} label={t('colMedian')} />
      <LegendItem color="transparent" marker={<path d="M17 0L24 7L17 14L10 7z" fill={OURS} />} label={t('colOurs')} />
      <li>{t('rankLegend')}</li>
    </ul>
  )
  const tableRows = () =>
    rows().map((r) => ({
      head: props.label(r.f.id),
      cells: [formatPercent(r.f.percent), formatPercent(r.p?.p25), formatPercent(r.p?.median), formatPercent(r.p?.p75), formatNumber(r.p?.percentileRank)],
    }))
  return (
    <ChartFrame
      title={props.title}
      summary={summary()}
      legend={legend}
      chart={chart}
      table={<DataTable caption={t('tableOf', { title: props.title })} columns={[t('colFactor'), t('colOurs'), t('colP25'), t('colMedian'), t('colP75'), t('colRank')]} rows={tableRows()} />}
    />
  )
}
