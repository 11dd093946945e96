import { For, Show, createResource } from 'solid-js'
import type { Names } from '../../data/instruments'
import { getResults, isShown, type Group } from '../../data/results'
import type { Participation } from '../../data/rounds'
import { formatPercent, formatNumber } from '../../lib/format'
import { hiddenText, t } from '../../i18n/results'
import { enumLabel, RESPONDENT_ROLE_GROUP } from '../../i18n/enums'
import type { RespondentRole } from '../../../schema/enums'
import { TableWrap } from '../charts/chart-frame'

type By = 'role' | 'unit'

/**
 * Results by role and by unit. A hidden group or value says why, as the API states it: fewer than
 * k responses, or hidden so that it cannot be worked out from other numbers of the round
 * (docs/model.md §4). Results without a stated reason fall back on the participation counts.
 */
export function Breakdown(props: {
  slug: string
  id: string
  k: number
  names: Names
  label: (id: string) => string
  participation?: Participation
  unitNames: Map<string, string>
}) {
  const [role] = createResource(() => getResults(props.slug, props.id, 'role'))
  const [unit] = createResource(() => getResults(props.slug, props.id, 'unit'))
  const columns = () => ['overall', ...props.names.dimensions.map((d) => d.id), ...props.names.categories]

  const groupName = (by: By, id: string) =>
    by === 'role' ? enumLabel(RESPONDENT_ROLE_GROUP, id as RespondentRole) : id === 'unassigned' ? t('unassigned') : (props.unitNames.get(id) ?? id)

  const submitted = (by: By, id: string): number | undefined => {
    const p = props.participation
    if (!p) return undefined
    const row = by === 'role' ? p.byRole.find((r) => r.role === id) : p.byUnit.find((u) => (u.unitId ?? 'unassigned') === id)
    return row && 'submitted' in row ? row.submitted : undefined
  }
  const reason = (by: By, g: Group) => {
    if ('hidden' in g && g.hidden) return g.hidden === 'differencing' ? t('hiddenDifferencing') : t('hiddenFew', { k: props.k })
    const count = submitted(by, g.id)
    if (count === undefined) return t('hidden')
    return count < props.k ? t('hiddenFew', { k: props.k }) : t('hiddenOthers')
  }
  const value = (g: Group, id: string) => {
    if (!isShown(g)) return '–'
    const s = [g.overall, ...g.dimensions, ...g.categories].find((x) => x.id === id)
    return s?.hidden ? hiddenText(s.hidden, props.k) : formatPercent(s?.percent)
  }

  const table = (by: By, groups: Group[]) => (
    <TableWrap label={by === 'role' ? t('byRole') : t('byUnit')}>
      <table class="data-table breakdown">
        <caption>{by === 'role' ? t('byRole') : t('byUnit')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colGroup')}</th>
            <th scope="col">{t('colN')}</th>
            <For each={columns()}>{(id) => <th scope="col">{props.label(id)}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={groups}>
            {(g) => (
              <tr>
                <th scope="row">{groupName(by, g.id)}</th>
                <Show when={isShown(g)} fallback={<td colSpan={columns().length + 1} class="suppressed-cell">{reason(by, g)}</td>}>
                  <td>{formatNumber((g as { n: number }).n)}</td>
                  <For each={columns()}>{(id) => <td>{value(g, id)}</td>}</For>
                </Show>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </TableWrap>
  )

  const block = (by: By, res: typeof role) => (
    <Show when={res.latest} fallback={<p class="loading">…</p>}>
      {(r) => (
        <Show when={r().ok && (r() as { data: { breakdown?: Group[] } }).data.breakdown} fallback={<p>{r().ok ? t('bdNone') : t('bdUnavailable')}</p>}>
          {(groups) => (groups().length ? table(by, groups()) : <p>{t('bdNone')}</p>)}
        </Show>
      )}
    </Show>
  )

  return (
    <>
      <p>{t('bdIntro', { k: props.k })}</p>
      {block('role', role)}
      {block('unit', unit)}
    </>
  )
}
