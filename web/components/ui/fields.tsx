import { For, Show, splitProps, type JSX } from 'solid-js'
import { t } from '../../i18n/common'

interface Common {
  /** The input's name; also the id unless `id` is given. */
  name: string
  id?: string
  label: string
  hint?: string
  error?: string
  required?: boolean
  /** JSON Pointer of the API field, so the error summary can link a message to this input. */
  path?: string
}

/** Ids for the hint and the error, and the attributes that tie them to the input. */
function described(p: Common) {
  const id = () => p.id ?? p.name
  return {
    id,
    hintId: () => `${id()}-hint`,
    errorId: () => `${id()}-error`,
    aria: () => ({
      'aria-describedby': [p.hint ? `${id()}-hint` : '', p.error ? `${id()}-error` : ''].filter(Boolean).join(' ') || undefined,
      'aria-invalid': p.error ? ('true' as const) : undefined,
      'data-path': p.path,
    }),
  }
}

function Label(p: Common & { for: string }) {
  return (
    <label for={p.for}>
      {p.label}
      <Show when={!p.required}>
        {' '}
        <span class="muted">{t('optional')}</span>
      </Show>
    </label>
  )
}

function HintAndError(p: Common & { hintId: string; errorId: string }) {
  return (
    <>
      <Show when={p.hint}>
        <p class="hint" id={p.hintId}>
          {p.hint}
        </p>
      </Show>
      <Show when={p.error}>
        <p class="field-error" id={p.errorId}>
          {p.error}
        </p>
      </Show>
    </>
  )
}

type InputAttrs = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'required'>

export function TextField(props: Common & InputAttrs) {
  const [own, rest] = splitProps(props, ['name', 'id', 'label', 'hint', 'error', 'required', 'path'])
  const d = described(own)
  return (
    <div class="field" classList={{ invalid: !!own.error }}>
      <Label {...own} for={d.id()} />
      <HintAndError {...own} hintId={d.hintId()} errorId={d.errorId()} />
      <input type="text" {...rest} id={d.id()} name={own.name} required={own.required} aria-required={own.required ? 'true' : undefined} {...d.aria()} />
    </div>
  )
}

export interface Option {
  value: string
  label: string
}

export function SelectField(props: Common & { options: Option[]; value?: string; empty?: string; onChange?: (value: string) => void }) {
  const d = described(props)
  return (
    <div class="field" classList={{ invalid: !!props.error }}>
      <Label {...props} for={d.id()} />
      <HintAndError {...props} hintId={d.hintId()} errorId={d.errorId()} />
      <select id={d.id()} name={props.name} required={props.required} {...d.aria()} onChange={(e) => props.onChange?.(e.currentTarget.value)}>
        <Show when={props.empty !== undefined}>
          <option value="" selected={!props.value}>
            {props.empty}
          </option>
        </Show>
        <For each={props.options}>
          {(o) => (
            <option value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          )}
        </For>
      </select>
    </div>
  )
}

export function CheckboxField(props: Omit<Common, 'required'> & { checked?: boolean }) {
  const d = described(props)
  return (
    <div class="field checkbox" classList={{ invalid: !!props.error }}>
      <input type="checkbox" id={d.id()} name={props.name} checked={props.checked} {...d.aria()} />
      <label for={d.id()}>{props.label}</label>
      <HintAndError {...props} hintId={d.hintId()} errorId={d.errorId()} />
    </div>
  )
}
