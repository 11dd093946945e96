import { Match, Show, Switch, createSignal } from 'solid-js'
import { ConfirmDialog } from '../ui/confirm-dialog'
import { closeRound, deleteRound, openRound, sendReminders, type Round } from '../../data/rounds'
import type { FormState } from '../../lib/form'
import { t, tn } from '../../i18n/rounds'

type Pending = 'open' | 'close' | 'delete' | 'remind' | null

export interface RoundActionsProps {
  slug: string
  round: Round
  /** Respondents added to the round, and those who have (not) submitted as last counted (null
   *  when the round is too small for its counts to be shown), for the dialogs' texts. */
  respondents: number
  unsubmitted: number | null
  submitted: number | null
  canManage: boolean
  /** The page's shared form state: busy flag, problem summary and the announced status line. */
  form: FormState
  onChanged: (round: Round) => void
  onDeleted: () => void
  /** Where focus goes after an action whose button may have gone (the page's status heading). */
  focusAfter: () => void
}

/**
 * What the round's state allows: open (draft), close and remind (open), delete (draft), and the
 * results once closed. Every step asks first in a modal dialog that says what will happen.
 */
export function RoundActions(props: RoundActionsProps) {
  const [pending, setPending] = createSignal<Pending>(null)
  const resultsHref = () => `/o/${encodeURIComponent(props.slug)}/rounds/${encodeURIComponent(props.round.id)}/results`

  async function confirm() {
    const action = pending()
    // The dialog closes first: the page behind it is inert, and the outcome must be able to take focus.
    setPending(null)
    const ok = await props.form.run(async () => {
      switch (action) {
        case 'open': {
          const r = await openRound(props.slug, props.round.id)
          props.onChanged(r)
          return tn('openedStatus', props.respondents)
        }
        case 'close': {
          const r = await closeRound(props.slug, props.round.id)
          props.onChanged(r)
          return t('closedStatus')
        }
        case 'delete':
          await deleteRound(props.slug, props.round.id)
          return t('deletedStatus', { name: props.round.name })
        case 'remind': {
          const { sent } = await sendReminders(props.slug, props.round.id)
          return sent === 0 ? t('remindedNone') : tn('reminded', sent)
        }
      }
    })
    if (!ok) return
    if (action === 'delete') props.onDeleted()
    else props.focusAfter()
  }

  return (
    <>
      <div class="round-actions">
        <Switch>
          <Match when={props.round.status === 'draft' && props.canManage}>
            <button type="button" onClick={() => setPending('open')} disabled={props.form.busy()}>
              {t('openButton')}
            </button>
            <button type="button" class="danger" onClick={() => setPending('delete')} disabled={props.form.busy()}>
              {t('deleteButton')}
            </button>
          </Match>
          <Match when={props.round.status === 'open' && props.canManage}>
            <button type="button" onClick={() => setPending('remind')} disabled={props.form.busy()}>
              {t('remindButton')}
            </button>
            <button type="button" class="danger" onClick={() => setPending('close')} disabled={props.form.busy()}>
              {t('closeButton')}
            </button>
          </Match>
          <Match when={props.round.status === 'closed'}>
            <a class="button" href={resultsHref()}>
              {t('resultsLink')}
            </a>
          </Match>
        </Switch>
      </div>

      <ConfirmDialog open={pending() === 'open'} title={t('openTitle')} confirmLabel={t('openConfirm')} busy={props.form.busy()} onConfirm={confirm} onCancel={() => setPending(null)}>
        <Show when={props.respondents > 0} fallback={<p>{t('openNobody')}</p>}>
          <p>{tn('openText', props.respondents)}</p>
        </Show>
        <p>{t('openAfter')}</p>
      </ConfirmDialog>
      <ConfirmDialog open={pending() === 'close'} title={t('closeTitle')} confirmLabel={t('closeConfirm')} danger busy={props.form.busy()} onConfirm={confirm} onCancel={() => setPending(null)}>
        <Show when={props.submitted !== null} fallback={<p>{t('closeTextUncounted')}</p>}>
          <p>{tn('closeText', props.submitted ?? 0)}</p>
        </Show>
        <p>{t('closeFinal')}</p>
      </ConfirmDialog>
      <ConfirmDialog open={pending() === 'delete'} title={t('deleteTitle')} confirmLabel={t('deleteConfirm')} danger busy={props.form.busy()} onConfirm={confirm} onCancel={() => setPending(null)}>
        <p>{tn('deleteText', props.respondents, { name: props.round.name })}</p>
      </ConfirmDialog>
      <ConfirmDialog open={pending() === 'remind'} title={t('remindTitle')} confirmLabel={t('remindConfirm')} busy={props.form.busy()} onConfirm={confirm} onCancel={() => setPending(null)}>
        <Show when={props.unsubmitted !== null} fallback={<p>{t('remindTextUncounted')}</p>}>
          <p>{tn('remindText', props.unsubmitted ?? 0)}</p>
        </Show>
      </ConfirmDialog>
    </>
  )
}
