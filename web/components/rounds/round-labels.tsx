import { Show } from 'solid-js'
import type { Participation, Round } from '../../data/rounds'
import { formatShare, formatTime } from '../../lib/format'
import { t } from '../../i18n/rounds'
import { enumLabel, ASSESSMENT_STATUS } from '../../i18n/enums'

/** A share 0–1 as a whole percent in the chosen language ("33 %" in Swedish). */
export const percent = (rate: number | null): string => formatShare(rate)

/** "1 av 3 har svarat (33 %)": the sentence used in lists, the summary and the dialogs; a round
 *  with fewer than k respondents shows only how many were invited. */
export function rateText(p: Pick<Participation, 'invited' | 'submitted' | 'rate' | 'k'>): string {
  if (p.submitted === null) return t('rateHidden', { invited: p.invited, k: p.k })
  return t('rateText', { submitted: p.submitted, invited: p.invited, rate: percent(p.rate) })
}

export function StatusBadge(props: { status: Round['status'] }) {
  return <span class={`badge badge-${props.status}`}>{enumLabel(ASSESSMENT_STATUS, props.status)}</span>
}

/** The dates that matter for the round's state, one per line. */
export function RoundDates(props: { round: Round }) {
  const r = () => props.round
  return (
    <>
      <span class="date-line">{t('createdOn', { time: formatTime(r().createdAt) })}</span>
      <Show when={r().openedAt}>
        <span class="date-line">{t('openedOn', { time: formatTime(r().openedAt) })}</span>
      </Show>
      <Show when={r().closedAt}>
        <span class="date-line">{t('closedOn', { time: formatTime(r().closedAt) })}</span>
      </Show>
      <Show when={!r().closedAt && r().closesAt}>
        <span class="date-line">{t('closesOn', { time: formatTime(r().closesAt) })}</span>
      </Show>
    </>
  )
}
