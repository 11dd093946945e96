import { For, Show } from 'solid-js'
import { percent, rateText } from './round-labels'
import type { Participation } from '../../data/rounds'
import { formatTime } from '../../lib/format'
import { t } from '../../i18n/rounds-respondents'
import { enumLabel, RESPONDENT_ROLE } from '../../i18n/enums'

type Row = Participation['byRole'][number] | Participation['byUnit'][number]

/** A group's counts, or one cell saying it is hidden (fewer than k people, or computable from others). */
function CountsTable(props: { id: string; caption: string; head: string; rows: (Row & { label: string })[] }) {
  return (
    <div class="table-wrap" role="region" aria-labelledby={`${props.id}-caption`} tabindex="0">
      <table class="counts-table">
        <caption id={`${props.id}-caption`}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.head}</th>
            <th scope="col">{t('invited')}</th>
            <th scope="col">{t('started')}</th>
            <th scope="col">{t('submitted')}</th>
            <th scope="col">{t('rate')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(r) => (
              <tr>
                <th scope="row">{r.label}</th>
                <Show when={!('suppressed' in r) && r} fallback={<td colSpan={4} class="muted">{t('groupHidden')}</td>}>
                  {(shown) => (
                    <>
                      <td>{shown().invited}</td>
                      <td>{shown().started}</td>
                      <td>{shown().submitted}</td>
                      <td>{percent(shown().rate)}</td>
                    </>
                  )}
                </Show>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  )
}

/** Invitations as one bar (sent and failed of everything queued), with the numbers in words. */
function Sending(props: { sending: Participation['sending'] }) {
  const total = () => props.sending.queued + props.sending.sent + props.sending.failed
  return (
    <Show when={total() > 0}>
      <div class="sending">
        <label for="sending-progress">{t('sendingLabel')}</label>
        <progress id="sending-progress" max={total()} value={props.sending.sent + props.sending.failed} aria-describedby="sending-text" />
        <p id="sending-text" class="sending-text">
          {t('sendingText', { sent: props.sending.sent, total: total(), failed: props.sending.failed, queued: props.sending.queued })}
        </p>
        <Show when={props.sending.failed > 0}>
          <p class="notice error">{t('sendingFailed', { failed: props.sending.failed })}</p>
        </Show>
      </div>
    </Show>
  )
}

/**
 * Participation as counts (never answers, never persons): the overall rate, sending progress and
 * breakdowns by role and unit for groups of at least k people, as the server last counted them
 * (at most every 10 minutes). The one-line summary is a live region that changes only when the
 * counts do.
 */
export function ParticipationPanel(props: { participation: Participation; unitName: (id: string | null) => string }) {
  const p = () => props.participation
  return (
    <div class="stack">
      <p class="rate-summary" role="status">
        {rateText(p())}
      </p>
      <dl class="facts">
        <div>
          <dt>{t('invited')}</dt>
          <dd>{p().invited}</dd>
        </div>
        <div>
          <dt>{t('started')}</dt>
          <dd>{p().started ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('submitted')}</dt>
          <dd>{p().submitted ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('rate')}</dt>
          <dd>{percent(p().rate)}</dd>
        </div>
      </dl>
      <Sending sending={p().sending} />
      <p class="hint">{t('countedAt', { time: formatTime(p().asOf) })}</p>
      <Show when={p().byRole.length || p().byUnit.length}>
        <p class="hint">{t('groupsHint', { k: p().k })}</p>
      </Show>
      <Show when={p().byRole.length}>
        <CountsTable id="by-role" caption={t('byRole')} head={t('role')} rows={p().byRole.map((r) => ({ ...r, label: enumLabel(RESPONDENT_ROLE, r.role) }))} />
      </Show>
      <Show when={p().byUnit.length}>
        <CountsTable id="by-unit" caption={t('byUnit')} head={t('unit')} rows={p().byUnit.map((u) => ({ ...u, label: props.unitName(u.unitId) || t('noUnit') }))} />
      </Show>
    </div>
  )
}
