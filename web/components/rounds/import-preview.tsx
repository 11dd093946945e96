import { For, Show, createMemo } from 'solid-js'
import { DataTable } from '../ui/data-table'
import type { ImportCheck, PreviewRow, RowProblem } from './import-check'
import { t } from '../../i18n/rounds-respondents'
import { enumLabel, RESPONDENT_ROLE } from '../../i18n/enums'

/** Rows drawn at most: every row with a problem is always among them. */
const MAX_SHOWN = 200

export function problemText(p: RowProblem): string {
  switch (p.kind) {
    case 'emailMissing':
      return t('problem.emailMissing')
    case 'emailInvalid':
      return t('problem.emailInvalid', { value: p.value })
    case 'roleMissing':
      return t('problem.roleMissing')
    case 'roleUnknown':
      return t('problem.roleUnknown', { value: p.value })
    case 'unitUnknown':
      return t('problem.unitUnknown', { value: p.value })
    case 'nameLong':
      return t('problem.nameLong')
    case 'domainUnverified':
      return t('problem.domainUnverified', { value: p.value })
    case 'plusAlias':
      return t('problem.plusAlias')
    case 'adminMember':
      return t('problem.adminMember')
    case 'sameMailbox':
      return p.row === null ? t('problem.sameMailboxRound') : t('problem.sameMailboxRow', { row: p.row })
  }
}

function Verdict(props: { row: PreviewRow }) {
  return (
    <Show
      when={props.row.problems.length}
      fallback={
        <Show when={props.row.duplicate} fallback={<span class="verdict ok">{t('rowOk')}</span>}>
          {(d) => <span class="verdict skip">{t(d() === 'round' ? 'rowDuplicateRound' : 'rowDuplicateUpload')}</span>}
        </Show>
      }
    >
      <ul class="problems">
        <For each={props.row.problems}>{(p) => <li>{problemText(p)}</li>}</For>
      </ul>
    </Show>
  )
}

/** The parsed rows as the server will judge them, before anything is saved. */
export function ImportPreview(props: { check: ImportCheck; source: string }) {
  const shown = createMemo(() => {
    const rows = props.check.rows
    if (rows.length <= MAX_SHOWN) return rows
    let room = MAX_SHOWN - rows.filter((r) => r.problems.length || r.duplicate).length
    return rows.filter((r) => r.problems.length || r.duplicate || room-- > 0)
  })
  return (
    <div class="stack">
      <p class="import-summary">
        {t('previewSummary', { rows: props.check.rows.length, valid: props.check.valid, invalid: props.check.invalid, duplicates: props.check.duplicates })}
      </p>
      <Show when={shown().length < props.check.rows.length}>
        <p class="hint">{t('previewTruncated', { shown: shown().length, rows: props.check.rows.length })}</p>
      </Show>
      <DataTable
        class="preview-table"
        caption={t('previewCaption', { source: props.source })}
        rows={shown()}
        rowClass={(r) => (r.problems.length > 0 ? 'row-bad' : r.duplicate ? 'row-skip' : undefined)}
        columns={[
          { header: t('row'), rowHeader: true, cell: (r) => r.row },
          { header: t('email'), cell: (r) => r.email },
          { header: t('personName'), cell: (r) => r.name },
          { header: t('role'), cell: (r) => (r.roleCode ? enumLabel(RESPONDENT_ROLE, r.roleCode) : r.role) },
          { header: t('unit'), cell: (r) => r.unit },
          { header: t('verdict'), cell: (r) => <Verdict row={r} /> },
        ]}
      />
    </div>
  )
}
