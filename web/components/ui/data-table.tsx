import { For, Show, createUniqueId, type JSX } from 'solid-js'

export interface Column<T> {
  header: JSX.Element
  cell: (row: T, index: () => number) => JSX.Element
  /** The cell that names the row: a `th scope="row"`, so screen readers announce it with each cell. */
  rowHeader?: boolean
  /** A numeric column, right-aligned. */
  numeric?: boolean
  /** A column shown only while this holds (an action column for managers). */
  when?: () => boolean
  class?: string
}

export interface DataTableProps<T> {
  caption: JSX.Element
  columns: Column<T>[]
  rows: readonly T[]
  /** Shows the caption to screen readers only. */
  hiddenCaption?: boolean
  class?: string
  rowClass?: (row: T) => string | undefined
  /** For moving focus to the table after an action (the caption becomes focusable by script). */
  captionRef?: (el: HTMLElement) => void
}

/**
 * A table in its own scrolling region named by its caption: on a narrow screen the table scrolls
 * inside the region (reachable by keyboard) instead of widening the page. Column headers are
 * `th scope="col"`, the naming cell of each row `th scope="row"`.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const captionId = createUniqueId()
  const shown = () => props.columns.filter((c) => !c.when || c.when())
  const cellClass = (c: Column<T>) => [c.numeric ? 'num' : '', c.class ?? ''].join(' ').trim() || undefined
  return (
    <div class="table-wrap" role="region" aria-labelledby={captionId} tabindex="0">
      <table class={props.class}>
        <caption id={captionId} classList={{ 'visually-hidden': props.hiddenCaption }} tabindex={props.captionRef ? -1 : undefined} ref={(e) => props.captionRef?.(e)}>
          {props.caption}
        </caption>
        <thead>
          <tr>
            <For each={shown()}>
              {(c) => (
                <th scope="col" class={cellClass(c)}>
                  {c.header}
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row, index) => (
              <tr class={props.rowClass?.(row)}>
                <For each={shown()}>
                  {(c) => (
                    <Show
                      when={c.rowHeader}
                      fallback={<td class={cellClass(c)}>{c.cell(row, index)}</td>}
                    >
                      <th scope="row" class={cellClass(c)}>
                        {c.cell(row, index)}
                      </th>
                    </Show>
                  )}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  )
}
