import type { JSX } from 'solid-js'

/**
 * A button in a table row or list item: its visible label is short ("Remove"), and the row's name
 * follows visually hidden, so the accessible name says which row it acts on ("Remove Anna").
 */
export function RowAction(props: {
  label: JSX.Element
  /** The row's name, read after the label. */
  name: JSX.Element
  /** Absent for a submit button, whose form handles the action. */
  onClick?: () => void
  disabled?: boolean
  class?: string
  type?: 'button' | 'submit'
}) {
  return (
    <button type={props.type ?? 'button'} class={props.class ?? 'danger small'} disabled={props.disabled} onClick={() => props.onClick?.()}>
      {props.label}
      <span class="visually-hidden"> {props.name}</span>
    </button>
  )
}
