import { createSignal } from 'solid-js'
import { Status } from '../ui/status'
import { t } from '../../i18n/results'

/**
 * The CSV link, the XLSX button and the print button. The XLSX writer is loaded only when the
 * button is pressed (its chunk is not part of the dashboard's budget).
 */
export function ExportBar(props: { csvHref: string; xlsx: () => Promise<void> }) {
  const [busy, setBusy] = createSignal(false)
  const [status, setStatus] = createSignal('')
  const onXlsx = async () => {
    setBusy(true)
    setStatus(t('xlsxBusy'))
    try {
      await props.xlsx()
      setStatus(t('xlsxDone'))
    } catch {
      setStatus(t('xlsxFailed'))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div class="export-bar no-print" role="group" aria-label={t('exportTitle')}>
      <a class="button secondary" href={props.csvHref} download="">
        {t('csv')}
      </a>
      <button type="button" class="secondary" disabled={busy()} onClick={onXlsx}>
        {t('xlsx')}
      </button>
      <button type="button" onClick={() => window.print()}>
        {t('print')}
      </button>
      <Status text={status()} />
    </div>
  )
}
