import { Show } from 'solid-js'
import type { Round } from '../../data/rounds'
import { formatTime } from '../../lib/format'
import { t } from '../../i18n/rounds'
import { enumLabel, FORM } from '../../i18n/enums'

/** What the round is: form, language, dates and how many are in it. */
export function RoundFacts(props: { round: Round; respondents: number }) {
  const r = () => props.round
  return (
    <dl class="facts">
      <div>
        <dt>{t('form')}</dt>
        <dd>{enumLabel(FORM, r().form)}</dd>
      </div>
      <div>
        <dt>{t('language')}</dt>
        <dd>{t(`lang.${r().language}`)}</dd>
      </div>
      <div>
        <dt>{t('respondentsTitle')}</dt>
        <dd>{props.respondents}</dd>
      </div>
      <div>
        <dt>{t('created')}</dt>
        <dd>{formatTime(r().createdAt)}</dd>
      </div>
      <Show when={r().openedAt}>
        <div>
          <dt>{t('opened')}</dt>
          <dd>{formatTime(r().openedAt)}</dd>
        </div>
      </Show>
      <Show when={r().closedAt} fallback={
        <div>
          <dt>{t('closesAt')}</dt>
          <dd>{r().closesAt ? formatTime(r().closesAt) : t('noClosesAt')}</dd>
        </div>
      }>
        <div>
          <dt>{t('closedAt')}</dt>
          <dd>{formatTime(r().closedAt)}</dd>
        </div>
      </Show>
    </dl>
  )
}
