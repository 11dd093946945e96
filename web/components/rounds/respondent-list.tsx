import { Show, createSignal } from 'solid-js'
import { ConfirmDialog } from '../ui/confirm-dialog'
import { DataTable } from '../ui/data-table'
import { RowAction } from '../ui/row-action'
import { ErrorSummary } from '../ui/error-summary'
import { Status } from '../ui/status'
import { removeRespondent, type Respondent } from '../../data/rounds'
import { createForm } from '../../lib/form'
import { t } from '../../i18n/rounds-respondents'
import { enumLabel, RESPONDENT_ROLE, RESPONDENT_STATUS } from '../../i18n/enums'

/** Rows drawn per step: a round can hold thousands, and the page must stay quick. */
const STEP = 100

/**
 * Who is in the round and whether their invitation has gone out (never whether they started or
 * answered, never what). Removal is offered until the invitation is sent; the server refuses it
 * after that (409) for everyone alike, and the page says why.
 */
export function RespondentList(props: { slug: string; roundId: string; respondents: Respondent[]; unitName: (id: string | null) => string; canRemove: boolean; onRemoved: () => void }) {
  const form = createForm()
  const [limit, setLimit] = createSignal(STEP)
  const [removing, setRemoving] = createSignal<Respondent | null>(null)
  let caption: HTMLElement | undefined

  async function confirmRemove() {
    const r = removing()
    if (!r) return
    // The dialog closes first: the page behind it is inert, and the outcome must be able to take focus.
    setRemoving(null)
    const ok = await form.run(async () => {
      await removeRespondent(props.slug, props.roundId, r.id)
      return t('respondentRemoved', { email: r.email })
    })
    props.onRemoved()
    if (ok) caption?.focus()
  }

  const hint = () => (form.problem()?.status === 409 ? t('removeConflict') : undefined)

  return (
    <div class="stack">
      <ErrorSummary problem={form.problem()} hint={hint()} />
      <Status text={form.status()} />
      <Show when={props.respondents.length} fallback={<p>{t('noRespondents')}</p>}>
        <p class="hint">{t('statusHint')}</p>
        <DataTable
          caption={t('respondentsCaption', { count: props.respondents.length })}
          captionRef={(e) => (caption = e)}
          rows={props.respondents.slice(0, limit())}
          columns={[
            { header: t('email'), rowHeader: true, cell: (r) => r.email },
            { header: t('personName'), cell: (r) => r.name ?? '' },
            { header: t('role'), cell: (r) => enumLabel(RESPONDENT_ROLE, r.role) },
            { header: t('unit'), cell: (r) => props.unitName(r.unitId) },
            { header: t('respondentStatus'), cell: (r) => enumLabel(RESPONDENT_STATUS, r.status) },
            {
              header: t('actions'),
              when: () => props.canRemove,
              cell: (r) => (
                <Show when={r.status === 'added'} fallback={<span class="muted">{t('cannotRemove')}</span>}>
                  <RowAction label={t('remove')} name={r.email} disabled={form.busy()} onClick={() => setRemoving(r)} />
                </Show>
              ),
            },
          ]}
        />
        <Show when={props.respondents.length > limit()}>
          <p>
            <span class="muted">{t('showingOf', { shown: limit(), count: props.respondents.length })}</span>{' '}
            <button type="button" class="secondary small" onClick={() => setLimit(limit() + STEP)}>
              {t('showMore', { count: Math.min(STEP, props.respondents.length - limit()) })}
            </button>
          </p>
        </Show>
      </Show>
      <ConfirmDialog open={removing() !== null} title={t('removeTitle')} confirmLabel={t('removeConfirm')} danger busy={form.busy()} onConfirm={confirmRemove} onCancel={() => setRemoving(null)}>
        <p>{t('removeText', { email: removing()?.email ?? '' })}</p>
      </ConfirmDialog>
    </div>
  )
}
