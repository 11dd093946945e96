import { createSignal } from 'solid-js'
import { ApiProblem, asProblem } from './api'

/**
 * The state every form shares: busy while sending, the last problem (its field errors are shown
 * next to the fields and in the summary) and a short status line announced politely.
 */
export function createForm() {
  const [busy, setBusy] = createSignal(false)
  const [problem, setProblem] = createSignal<ApiProblem | null>(null)
  const [status, setStatus] = createSignal('')

  async function run(action: () => Promise<string | void>): Promise<boolean> {
    if (busy()) return false
    setBusy(true)
    setProblem(null)
    setStatus('')
    try {
      setStatus((await action()) ?? '')
      return true
    } catch (err) {
      setProblem(asProblem(err))
      return false
    } finally {
      setBusy(false)
    }
  }

  return {
    busy,
    problem,
    status,
    setStatus,
    setProblem,
    run,
    error: (pointer: string) => problem()?.fieldError(pointer),
  }
}

export type FormState = ReturnType<typeof createForm>

/** A trimmed text value from a form, or undefined when empty. */
export function textValue(data: FormData, name: string): string | undefined {
  const value = String(data.get(name) ?? '').trim()
  return value === '' ? undefined : value
}

/** A number from a text field: undefined when empty, NaN stays NaN so the API names the field. */
export function numberValue(data: FormData, name: string): number | undefined {
  const value = textValue(data, name)
  if (value === undefined) return undefined
  const n = Number(value.replace(/\s/g, ''))
  return Number.isNaN(n) ? (value as unknown as number) : n
}

/**
 * Empties the named text inputs after a successful add. Not form.reset(): that would put every
 * select back on its first option rather than on the default the page chose.
 */
export function clearFields(form: HTMLFormElement | undefined, ...names: string[]) {
  for (const name of names) {
    const input = form?.elements.namedItem(name)
    if (input instanceof HTMLInputElement) input.value = ''
  }
}
