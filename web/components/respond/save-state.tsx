import type { SaveState } from '../../lib/save-queue'
import { t } from '../../i18n/respond'

const TEXT = { saving: 'saving', saved: 'saved', retrying: 'retrying', stopped: 'notSaved' } as const

/** Whether the answers are saved, in a polite live region that is always in the page. */
export function SaveStatus(props: { state: SaveState }) {
  return (
    <p class={`save-state ${props.state}`} role="status">
      {props.state === 'idle' ? '' : t(TEXT[props.state])}
    </p>
  )
}
