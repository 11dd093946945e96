import { Show, createResource, createSignal } from 'solid-js'
import { PageTitle } from '../components/ui/page-title'
import { useOrg } from '../components/layout/org-context'
import { SelectField, TextField } from '../components/ui/fields'
import { ErrorSummary } from '../components/ui/error-summary'
import { Status } from '../components/ui/status'
import { SecretOnce } from '../components/ui/secret-once'
import { createApiKey, listApiKeys, revokeApiKey, type ApiKey, type NewApiKey } from '../data/api-keys'
import { clearFields, createForm, textValue } from '../lib/form'
import { API_KEY_SCOPES, type ApiKeyScope } from '../../schema/enums'
import { formatTime } from '../lib/format'
import { t } from '../i18n/api-keys'
import { createConfirm } from '../components/ui/confirm-dialog'
import { DataTable } from '../components/ui/data-table'
import { ListState } from '../components/ui/list-state'
import { RowAction } from '../components/ui/row-action'
import { enumLabel, API_KEY_SCOPE } from '../i18n/enums'

export default function ApiKeys() {
  const { slug, canManage } = useOrg()
  // Listing keys is a management operation: analysts are told so instead of getting a 403.
  const [keys, { refetch }] = createResource(() => (canManage() ? slug : false), listApiKeys)
  const [created, setCreated] = createSignal<NewApiKey>()
  const rows = createForm()
  const confirm = createConfirm()
  const add = createForm()
  let addEl: HTMLFormElement | undefined

  async function onRevoke(key: ApiKey) {
    if (!(await confirm.ask({ title: t('confirmRevoke', { name: key.name }), confirmLabel: t('revoke') }))) return
    await rows.run(async () => {
      await revokeApiKey(slug, key.id)
      return t('revoked', { name: key.name })
    })
    refetch()
  }

  async function onCreate(event: SubmitEvent) {
    event.preventDefault()
    const data = new FormData(addEl)
    const ok = await add.run(async () => {
      setCreated(await createApiKey(slug, textValue(data, 'keyName') ?? '', data.get('keyScope') as ApiKeyScope))
    })
    if (ok) {
      clearFields(addEl, 'keyName')
      refetch()
    }
  }

  function doneWithSecret() {
    setCreated(undefined)
    document.getElementById('keyName')?.focus()
  }

  return (
    <div class="stack">
      <confirm.Dialog />
      <PageTitle text={t('title')}>{t('title')}</PageTitle>
      <p>{t('intro')}</p>
      <Show when={canManage()} fallback={<p class="notice">{t('manageOnly')}</p>}>
        <Show when={created()}>{(k) => <SecretOnce name={k().name} secret={k().secret} onDone={doneWithSecret} />}</Show>
        <ErrorSummary problem={rows.problem()} />
        <Status text={rows.status()} />
        <ListState resource={keys} empty={t('empty')}>
          {(items) => (
            <DataTable
              caption={t('list')}
              rows={items()}
              columns={[
                { header: t('name'), rowHeader: true, cell: (k) => k.name },
                { header: t('scope'), cell: (k) => enumLabel(API_KEY_SCOPE, k.scope) },
                { header: t('prefix'), cell: (k) => <code>{k.prefix}</code> },
                { header: t('created'), cell: (k) => formatTime(k.createdAt) },
                { header: t('lastUsed'), cell: (k) => (k.lastUsedAt ? formatTime(k.lastUsedAt) : t('never')) },
                { header: t('actions'), cell: (k) => <RowAction label={t('revoke')} name={k.name} disabled={rows.busy()} onClick={() => onRevoke(k)} /> },
              ]}
            />
          )}
        </ListState>

        <section class="card" aria-labelledby="create-key-title">
          <h2 id="create-key-title">{t('create')}</h2>
          <ErrorSummary problem={add.problem()} form={() => addEl} />
          <form ref={(e) => (addEl = e)} onSubmit={onCreate} novalidate>
            <TextField name="keyName" label={t('name')} hint={t('nameHint')} required autocomplete="off" path="/name" error={add.error('/name')} />
            <SelectField name="keyScope" label={t('scope')} required options={API_KEY_SCOPES.map((s) => ({ value: s, label: enumLabel(API_KEY_SCOPE, s) }))} value="read" path="/scope" error={add.error('/scope')} />
            <button type="submit" disabled={add.busy()}>
              {t('createButton')}
            </button>
          </form>
        </section>
      </Show>
    </div>
  )
}
