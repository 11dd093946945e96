import { createSignal, onMount } from 'solid-js'
import { t } from '../../i18n/api-keys'

/** A just-created secret, shown once, with a copy button; it takes focus so nobody misses it. */
export function SecretOnce(props: { name: string; secret: string; onDone: () => void }) {
  const [copyStatus, setCopyStatus] = createSignal('')
  let box: HTMLDivElement | undefined
  let field: HTMLInputElement | undefined
  onMount(() => box?.focus())

  async function copy() {
    try {
      await navigator.clipboard.writeText(props.secret)
      setCopyStatus(t('copied'))
    } catch {
      field?.select()
      setCopyStatus(t('copyFailed'))
    }
  }

  return (
    <div class="card secret" tabindex="-1" ref={(e) => (box = e)} aria-labelledby="secret-title">
      <h2 id="secret-title">{t('secretTitle')}</h2>
      <p>{t('secretText', { name: props.name })}</p>
      <label for="new-secret">{t('secretLabel')}</label>
      <div class="secret-row">
        <input id="new-secret" ref={(e) => (field = e)} type="text" readonly value={props.secret} spellcheck={false} autocomplete="off" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={copy}>
          {t('copy')}
        </button>
      </div>
      <p class="status" role="status">
        {copyStatus()}
      </p>
      <button type="button" class="secondary" onClick={() => props.onDone()}>
        {t('done')}
      </button>
    </div>
  )
}
