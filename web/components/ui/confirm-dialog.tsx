import { createEffect, createUniqueId, type JSX } from 'solid-js'
import { t as common } from '../../i18n/common'

export interface ConfirmDialogProps {
  open: boolean
  title: string
  children: JSX.Element
  confirmLabel: string
  danger?: boolean
  busy?: boolean
  onConfirm: () => void
  /** Called on Cancel, Escape or a click on the backdrop. */
  onCancel: () => void
}

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * A modal confirmation on the native <dialog>: the rest of the page is inert while it is open,
 * Escape cancels, Tab stays inside, focus starts on Cancel (the safe choice) and goes back to the
 * control that opened it when it closes, unless the caller moves it somewhere more useful.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  let dialog: HTMLDialogElement | undefined
  let opener: HTMLElement | null = null
  const titleId = createUniqueId()
  const bodyId = createUniqueId()

  createEffect(() => {
    if (!dialog) return
    if (props.open && !dialog.open) {
      opener = document.activeElement as HTMLElement | null
      dialog.showModal()
    } else if (!props.open && dialog.open) {
      dialog.close()
      // The opener may have gone (an "Open" button disappears once the round is open).
      if (opener?.isConnected && document.activeElement === document.body) opener.focus()
    }
  })

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Tab' || !dialog) return
    const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)]
    if (!items.length) return
    const first = items[0]
    const last = items[items.length - 1]
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  return (
    <dialog
      ref={(e) => (dialog = e)}
      class="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        // Escape: the state decides whether the dialog is open, so close it through the caller.
        e.preventDefault()
        if (!props.busy) props.onCancel()
      }}
      onClick={(e) => {
        if (e.target === dialog && !props.busy) props.onCancel()
      }}
    >
      {/* The padding sits on this inner box, so only a click outside it lands on the backdrop. */}
      <div class="dialog-inner">
        <h2 id={titleId}>{props.title}</h2>
        <div id={bodyId}>{props.children}</div>
        <div class="dialog-buttons">
          <button type="button" class="secondary" autofocus disabled={props.busy} onClick={() => props.onCancel()}>
            {common('cancel')}
          </button>
          <button type="button" classList={{ danger: props.danger }} disabled={props.busy} onClick={() => props.onConfirm()}>
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  )
}
