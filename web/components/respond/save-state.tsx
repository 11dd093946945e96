import type { SaveState } from '../../lib/save-queue'
import { t } from '../../i18n/respond'

const TEXT = { idle: '', saving: 'saving', saved: 'saved', retrying: 'retrying', stopped: 'notSaved' } as const

/** Whether the answers are saved, in a polite live region that is always in the page. */
export function SaveStatus(props: { state: SaveState }) {
  const key = () => TEXT[props.state]
  return (
    <p class={`save-state ${props.state}`} role="status">
      {key() ? t(key() as Exclude<ReturnType<typeof key>, ''>) : ''}
    </p>
  )
}
