import { For, Show, createMemo, createSignal } from 'solid-js'
import { ErrorSummary } from '../ui/error-summary'
import { Status } from '../ui/status'
import { ImportPreview } from './import-preview'
import { checkImport, type AddressContext } from './import-check'
import { importCsv, type ImportResult } from '../../data/rounds'
import { createForm } from '../../lib/form'
import { RESPONDENT_ROLES } from '../../../schema/enums'
import { t as common } from '../../i18n/common'
import { t } from '../../i18n/rounds-respondents'
import { enumLabel, RESPONDENT_ROLE } from '../../i18n/enums'

interface Source {
  /** The file's name, or null for pasted text. */
  file: string | null
  text: string
}

/**
 * Respondents from a CSV file or pasted text: previewed row by row in the browser, then the text
 * itself is posted as `text/csv`, and the server's own count of added, skipped and failed rows is shown.
 */
export function RespondentImport(props: { slug: string; roundId: string; open: boolean; unitNames: string[]; existingEmails: string[]; addressContext: AddressContext; onImported: () => void }) {
  const form = createForm()
  const [source, setSource] = createSignal<Source | null>(null)
  const [result, setResult] = createSignal<ImportResult | null>(null)
  let fileInput: HTMLInputElement | undefined
  let pasteArea: HTMLTextAreaElement | undefined
  let previewHeading: HTMLHeadingElement | undefined
  let resultHeading: HTMLHeadingElement | undefined

  const check = createMemo(() => {
    const s = source()
    return s ? checkImport(s.text, props.unitNames, props.existingEmails, props.addressContext) : null
  })
  // A file saved as Windows-1252 decodes with replacement characters: say so instead of guessing.
  const notUtf8 = () => source()?.text.includes('\uFFFD') ?? false
  const canSave = () => !!check() && check()!.missingColumns.length === 0 && !check()!.tooMany && check()!.rows.length > 0

  function show(next: Source) {
    setResult(null)
    form.setProblem(null)
    form.setStatus('')
    setSource(next)
    queueMicrotask(() => previewHeading?.focus())
  }

  async function onFile() {
    const file = fileInput?.files?.[0]
    if (!file) return
    if (pasteArea) pasteArea.value = ''
    show({ file: file.name, text: await file.text() })
  }

  function onPastePreview() {
    const text = pasteArea?.value ?? ''
    if (fileInput) fileInput.value = ''
    if (!text.trim()) {
      setSource(null)
      form.setStatus(t('pasteEmpty'))
      return
    }
    show({ file: null, text })
  }

  async function onSave() {
    const s = source()
    if (!s) return
    const ok = await form.run(async () => {
      const r = await importCsv(props.slug, props.roundId, s.text)
      setResult(r)
      return t('importDone', { added: r.added, skipped: r.skipped, errors: r.errors.length })
    })
    if (!ok) return
    setSource(null)
    if (fileInput) fileInput.value = ''
    if (pasteArea) pasteArea.value = ''
    props.onImported()
    queueMicrotask(() => resultHeading?.focus())
  }

  return (
    <section class="card stack" aria-labelledby="import-title">
      <h3 id="import-title">{t('importTitle')}</h3>
      <p>{t('importIntro')}</p>
      <details class="format-help">
        <summary>{t('formatSummary')}</summary>
        <p>{t('formatText')}</p>
        <pre class="csv-example">{'email;name;role;unit\nanna.andersson@kommun.se;Anna Andersson;manager;Socialförvaltningen\nbo.berg@kommun.se;;staff;'}</pre>
        <p>{t('rolesAllowed')}</p>
        <ul class="role-codes">
          <For each={RESPONDENT_ROLES}>
            {(r) => (
              <li>
                <code>{r}</code> – {enumLabel(RESPONDENT_ROLE, r)}
              </li>
            )}
          </For>
        </ul>
        <p>{t('unitsRule')}</p>
      </details>
      <Show when={props.open}>
        <p class="notice">{t('importWhileOpen')}</p>
      </Show>
      <div class="field">
        <label for="import-file">{t('fileLabel')}</label>
        <p class="hint" id="import-file-hint">
          {t('fileHint')}
        </p>
        <input id="import-file" ref={(e) => (fileInput = e)} type="file" accept=".csv,text/csv" aria-describedby="import-file-hint" onChange={onFile} />
      </div>
      <div class="field">
        <label for="import-paste">{t('pasteLabel')}</label>
        <p class="hint" id="import-paste-hint">
          {t('pasteHint')}
        </p>
        <textarea id="import-paste" ref={(e) => (pasteArea = e)} rows={6} spellcheck={false} aria-describedby="import-paste-hint" />
        <button type="button" class="secondary" onClick={onPastePreview}>
          {t('previewButton')}
        </button>
      </div>
      <Status text={form.status()} />
      <ErrorSummary problem={form.problem()} />

      <Show when={check()}>
        {(c) => (
          <div class="stack import-preview">
            <h4 tabindex="-1" ref={(e) => (previewHeading = e)}>
              {t('previewTitle')}
            </h4>
            <Show when={notUtf8()}>
              <p class="notice error">{t('notUtf8')}</p>
            </Show>
            <Show when={c().missingColumns.length}>
              <p class="notice error">{t('missingColumns', { columns: c().missingColumns.join(', ') })}</p>
            </Show>
            <Show when={c().tooMany}>
              <p class="notice error">{t('tooMany', { max: 5000 })}</p>
            </Show>
            <Show when={!c().missingColumns.length}>
              <ImportPreview check={c()} source={source()?.file ?? t('pastedText')} />
            </Show>
            <div class="button-row">
              <button type="button" disabled={!canSave() || form.busy()} onClick={onSave}>
                {form.busy() ? common('saving') : common('save')}
              </button>
              <button type="button" class="secondary" disabled={form.busy()} onClick={() => setSource(null)}>
                {t('discard')}
              </button>
            </div>
            <Show when={canSave() && c().invalid > 0}>
              <p class="hint">{t('saveWithProblems', { invalid: c().invalid })}</p>
            </Show>
          </div>
        )}
      </Show>

      <Show when={result()}>
        {(r) => (
          <div class="import-result stack">
            <h4 tabindex="-1" ref={(e) => (resultHeading = e)}>
              {t('resultTitle')}
            </h4>
            <ul class="counts">
              <li>{t('resultAdded', { count: r().added })}</li>
              <li>{t('resultSkipped', { count: r().skipped })}</li>
              <li>{t('resultErrors', { count: r().errors.length })}</li>
            </ul>
            <Show when={r().errors.length}>
              <ul class="problems">
                <For each={r().errors}>{(e) => <li>{e.message}</li>}</For>
              </ul>
            </Show>
          </div>
        )}
      </Show>
    </section>
  )
}
