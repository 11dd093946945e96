import { For, Show } from 'solid-js'
import type { FactorInfo } from '../../data/instruments'
import { local } from '../../i18n/portfolio'
import { t } from '../../i18n/initiatives'

/** One strength select per factor (none, 1–3), grouped under a legend; the first select carries
 *  the `/factors` pointer so the error summary can lead to the group. Plain selects: each factor
 *  is optional on its own, only the group needs one, so no "(optional)" on 26 labels. */
export function FactorPicker(props: { factors: FactorInfo[]; strengths: Record<string, number>; onChange: (factorId: string, strength: number) => void; error?: string }) {
  return (
    <fieldset classList={{ invalid: !!props.error }} aria-describedby={props.error ? 'factors-hint factors-error' : 'factors-hint'}>
      <legend>{t('factors')}</legend>
      <p class="hint" id="factors-hint">
        {t('factorsHint')}
      </p>
      <Show when={props.error}>
        <p class="field-error" id="factors-error">
          {props.error}
        </p>
      </Show>
      <div class="factor-grid">
        <For each={props.factors}>
          {(f, i) => (
            <div class="field">
              <label for={`factor-${f.id}`}>{`${f.id} ${local(f.name)}`}</label>
              <select id={`factor-${f.id}`} name={`factor-${f.id}`} data-path={i() === 0 ? '/factors' : undefined} onChange={(e) => props.onChange(f.id, Number(e.currentTarget.value || 0))}>
                <option value="" selected={!props.strengths[f.id]}>
                  {t('strengthNone')}
                </option>
                <For each={[1, 2, 3]}>
                  {(n) => (
                    <option value={String(n)} selected={props.strengths[f.id] === n}>
                      {t('strength', { n })}
                    </option>
                  )}
                </For>
              </select>
            </div>
          )}
        </For>
      </div>
    </fieldset>
  )
}
