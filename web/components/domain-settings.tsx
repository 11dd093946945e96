import { Show, createResource, createSignal } from 'solid-js'
import { TextField } from './ui/fields'
import { ErrorSummary } from './ui/error-summary'
import { Status } from './ui/status'
import { claimDomain, deleteDomain, listDomains, verifyDomain, type OrgDomain } from '../data/domains'
import { asProblem } from '../lib/api'
import { clearFields, createForm, textValue } from '../lib/form'
import { formatTime } from '../lib/format'
import { t } from '../i18n/domains'
import { createConfirm } from './ui/confirm-dialog'
import { DataTable } from './ui/data-table'
import { ListState } from './ui/list-state'
import { RowAction } from './ui/row-action'

/** A value to paste into DNS, selectable as text and copied by a button named for what it copies. */
function CopyValue(props: { id: string; value: string; label: string; onCopied: (text: string) => void }) {
  let field: HTMLInputElement | undefined
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.value)
      props.onCopied(t('copied'))
    } catch {
      field?.select()
      props.onCopied(t('copyFailed'))
    }
  }
  return (
    <span class="secret-row">
      <input id={props.id} ref={(e) => (field = e)} type="text" readonly value={props.value} spellcheck={false} autocomplete="off" onFocus={(e) => e.currentTarget.select()} />
      <button type="button" class="secondary small" onClick={copy}>
        {props.label}
      </button>
    </span>
  )
}

/**
 * The organisation's e-mail domains: claim one, publish the TXT record shown, verify it (the
 * server looks it up in DNS), remove it. Each row's error stays by its row and is announced.
 */
export function DomainSettings(props: { slug: string; canManage: boolean; onChange?: () => void }) {
  const [domains, { refetch }] = createResource(() => (props.canManage ? props.slug : false), listDomains)
  const rows = createForm()
  const confirm = createConfirm()
  const add = createForm()
  const [checking, setChecking] = createSignal<string | null>(null)
  const [rowError, setRowError] = createSignal<{ id: string; text: string } | null>(null)
  let addEl: HTMLFormElement | undefined

  async function onVerify(d: OrgDomain) {
    if (checking()) return
    setChecking(d.id)
    setRowError(null)
    rows.setStatus(t('verifying'))
    try {
      await verifyDomain(props.slug, d.id)
      rows.setStatus(t('verified', { domain: d.domain }))
      refetch()
      props.onChange?.()
    } catch (err) {
      const problem = asProblem(err)
      setRowError({ id: d.id, text: problem.detail || problem.title })
      rows.setStatus('')
    } finally {
      setChecking(null)
    }
  }

  async function onRemove(d: OrgDomain) {
    if (!(await confirm.ask({ title: t('confirmRemove', { domain: d.domain }), confirmLabel: t('remove') }))) return
    setRowError(null)
    const ok = await rows.run(async () => {
      await deleteDomain(props.slug, d.id)
      return t('removed', { domain: d.domain })
    })
    if (ok) {
      refetch()
      props.onChange?.()
      document.getElementById('newDomain')?.focus()
    }
  }

  async function onAdd(event: SubmitEvent) {
    event.preventDefault()
    const domain = textValue(new FormData(addEl), 'newDomain') ?? ''
    const ok = await add.run(async () => {
      const claimed = await claimDomain(props.slug, domain)
      return t('added', { domain: claimed.domain })
    })
    if (ok) {
      clearFields(addEl, 'newDomain')
      refetch()
    }
  }

  return (
    <section class="card" aria-labelledby="domains-title">
      <confirm.Dialog />
      <h2 id="domains-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      <Show when={props.canManage} fallback={<p class="notice">{t('manageOnly')}</p>}>
        <ErrorSummary problem={rows.problem()} />
        <ListState resource={domains} empty={t('empty')}>
          {(items) => (
            <DataTable
              caption={t('list')}
              rows={items()}
              columns={[
                { header: t('domain'), rowHeader: true, cell: (d) => d.domain },
                {
                  header: t('status'),
                  cell: (d) => (
                    <Show when={d.verified} fallback={<PendingRecord domain={d} error={rowError()?.id === d.id ? rowError()!.text : undefined} onCopied={rows.setStatus} />}>
                      <span class="domain-status ok">{t('verifiedOn', { date: formatTime(d.verifiedAt) })}</span>
                    </Show>
                  ),
                },
                {
                  header: t('actions'),
                  cell: (d) => (
                    <>
                      <Show when={!d.verified}>
                        <button type="button" class="small" disabled={checking() !== null} aria-describedby={rowError()?.id === d.id ? `domain-error-${d.id}` : undefined} onClick={() => onVerify(d)}>
                          {checking() === d.id ? t('verifying') : t('verify')}
                          <span class="visually-hidden"> {d.domain}</span>
                        </button>{' '}
                      </Show>
                      <RowAction label={t('remove')} name={d.domain} disabled={rows.busy() || checking() !== null} onClick={() => onRemove(d)} />
                    </>
                  ),
                },
              ]}
            />
          )}
        </ListState>
        <Status text={rows.status()} />

        <h3>{t('add')}</h3>
        <ErrorSummary problem={add.problem()} form={() => addEl} />
        <form ref={(e) => (addEl = e)} onSubmit={onAdd} novalidate>
          <TextField name="newDomain" label={t('addLabel')} hint={t('addHint')} required autocomplete="off" spellcheck={false} path="/domain" error={add.error('/domain')} />
          <button type="submit" disabled={add.busy()}>
            {t('addButton')}
          </button>
        </form>
        <Status text={add.status()} />
      </Show>
    </section>
  )
}

/** What to publish for a pending claim, and why the last check failed (kept next to it). */
function PendingRecord(props: { domain: OrgDomain; error?: string; onCopied: (text: string) => void }) {
  const id = () => props.domain.id
  return (
    <div class="stack">
      <span class="domain-status pending">{t('pending')}</span>
      <p>{t('recordIntro')}</p>
      <dl class="dns-record">
        <dt>
          <label for={`record-name-${id()}`}>{t('recordName')}</label>
        </dt>
        <dd>
          <CopyValue id={`record-name-${id()}`} value={props.domain.record.name} label={t('copyName')} onCopied={props.onCopied} />
        </dd>
        <dt>{t('recordType')}</dt>
        <dd>
          <code>{props.domain.record.type}</code>
        </dd>
        <dt>
          <label for={`record-value-${id()}`}>{t('recordValue')}</label>
        </dt>
        <dd>
          <CopyValue id={`record-value-${id()}`} value={props.domain.record.value} label={t('copyValue')} onCopied={props.onCopied} />
        </dd>
      </dl>
      <Show when={props.error}>
        <p class="notice error" id={`domain-error-${id()}`} role="alert">
          {props.error}
        </p>
      </Show>
    </div>
  )
}
