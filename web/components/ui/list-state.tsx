import { Show, type JSX, type Resource } from 'solid-js'
import type { ApiProblem } from '../../lib/api'
import { t as common } from '../../i18n/common'

/**
 * The three states around a list read from the API: its error as a notice, "Loading…" before the
 * first answer, the empty text when there is nothing, else the children with the items. A refetch
 * keeps the last items on screen (`latest`) instead of flashing the loading text.
 */
export function ListState<T>(props: {
  resource: Resource<readonly T[] | undefined>
  empty: JSX.Element
  /** Gets the items as an accessor, so a refetch updates the rows in place instead of redrawing them. */
  children: (items: () => readonly T[]) => JSX.Element
}) {
  const items = () => props.resource.latest ?? []
  return (
    <Show when={!props.resource.error} fallback={<p class="notice error">{(props.resource.error as ApiProblem)?.detail}</p>}>
      <Show when={items().length} fallback={props.resource.loading ? <p class="loading">{common('loading')}</p> : <p>{props.empty}</p>}>
        {props.children(items)}
      </Show>
    </Show>
  )
}
