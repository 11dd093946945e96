import { createEffect, createSignal, createUniqueId, type JSX } from 'solid-js'
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

export interface ConfirmRequest {
  /** The question, which also names the dialog. */
  title: string
  confirmLabel: string
  /** More about the consequence, when the question alone does not say it. */
  body?: string
  danger?: boolean
}

/**
 * A confirmation asked from an event handler: `if (!(await confirm.ask({…}))) return`, with
 * `<confirm.Dialog />` placed once in the page. It answers false on Cancel, Escape or the backdrop.
 */
export function createConfirm() {
  const [request, setRequest] = createSignal<ConfirmRequest>()
  let settle: ((ok: boolean) => void) | undefined
  const finish = (ok: boolean) => {
    setRequest(undefined)
    settle?.(ok)
    settle = undefined
  }
  return {
    ask(next: ConfirmRequest): Promise<boolean> {
      settle?.(false)
      setRequest(next)
      return new Promise<boolean>((resolve) => (settle = resolve))
    },
    Dialog: () => (
      <ConfirmDialog
        open={request() !== undefined}
        title={request()?.title ?? ''}
        confirmLabel={request()?.confirmLabel ?? ''}
        danger={request()?.danger ?? true}
        onConfirm={() => finish(true)}
        onCancel={() => finish(false)}
      >
        {request()?.body}
      </ConfirmDialog>
    ),
  }
}
