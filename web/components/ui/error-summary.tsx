import { For, Show, createEffect, createUniqueId } from 'solid-js'
import type { ApiProblem } from '../../lib/api'
import { t } from '../../i18n/common'

interface Line {
  message: string
  /** The input this message belongs to, when one in the form carries its JSON Pointer. */
  target?: HTMLElement
  label?: string
}

/** The input whose data-path is the longest prefix of an error's pointer (array items → the list field). */
function fieldFor(form: HTMLElement | undefined, path: string): HTMLElement | undefined {
  if (!form || !path) return undefined
  let best: HTMLElement | undefined
  for (const el of form.querySelectorAll<HTMLElement>('[data-path]')) {
    const p = el.dataset.path!
    if ((path === p || path.startsWith(`${p}/`)) && (!best || p.length > best.dataset.path!.length)) best = el
  }
  return best
}

/**
 * Shown above a form after a failed request: the API's detail and every field message, each
 * linked to its input. It takes focus, so screen readers read it and keyboard users start there.
 */
export function ErrorSummary(props: { problem: ApiProblem | null; form?: () => HTMLElement | undefined; hint?: string }) {
  let box: HTMLDivElement | undefined
  const titleId = createUniqueId()
  const lines = (): Line[] =>
    (props.problem?.errors ?? []).map((e) => {
      const target = fieldFor(props.form?.(), e.path)
      const label = target ? (target as HTMLInputElement).labels?.[0]?.textContent?.replace(/\s*\(.*\)$/, '') : undefined
      return { message: e.message, target, label }
    })
  createEffect(() => {
    if (props.problem) queueMicrotask(() => box?.focus())
  })
  return (
    <Show when={props.problem}>
      {(p) => (
        <div class="error-summary" tabindex="-1" ref={(e) => (box = e)} aria-labelledby={titleId}>
          <h2 id={titleId}>{t('errorSummary')}</h2>
          <p>{p().detail || p().title}</p>
          <Show when={props.hint}>
            <p>{props.hint}</p>
          </Show>
          <Show when={lines().length}>
            <ul>
              <For each={lines()}>
                {(line) => (
                  <li>
                    <Show when={line.target} fallback={line.message}>
                      <a
                        href={`#${line.target!.id}`}
                        onClick={(e) => {
                          e.preventDefault()
                          line.target!.focus()
                        }}
                      >
                        {line.label ? `${line.label}: ${line.message}` : line.message}
                      </a>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </div>
      )}
    </Show>
  )
}
