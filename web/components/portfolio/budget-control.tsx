import { createEffect, createSignal, onCleanup } from 'solid-js'
import { money, t } from '../../i18n/portfolio'

export const BUDGET_STEP = 10_000

/**
 * The budget as a range slider and a number input bound together. Either one updates the other at
 * once; `onSettle` fires after a short pause so the portfolio is recomputed while the user moves
 * the slider without a request per pixel.
 */
export function BudgetControl(props: { value: number; max: number; onSettle: (budget: number) => void; delayMs?: number }) {
  const [value, setValue] = createSignal(props.value)
  let timer: ReturnType<typeof setTimeout> | undefined
  createEffect(() => setValue(props.value))
  onCleanup(() => clearTimeout(timer))

  const change = (raw: string, now = false) => {
    const n = Math.max(0, Math.floor(Number(raw.replace(/[\s\u00a0]/g, ''))))
    if (!Number.isFinite(n)) return
    setValue(n)
    clearTimeout(timer)
    timer = setTimeout(() => props.onSettle(n), now ? 0 : (props.delayMs ?? 250))
  }
  const sliderMax = () => Math.max(props.max, value())

  return (
    <div class="budget-control">
      <label for="budget-number">{t('budget')}</label>
      <p class="hint" id="budget-hint">
        {t('budgetHint')}
      </p>
      <div class="budget-inputs">
        <input
          id="budget-slider"
          type="range"
          min="0"
          max={sliderMax()}
          step={BUDGET_STEP}
          value={value()}
          aria-label={t('budgetSlider')}
          aria-describedby="budget-hint"
          aria-valuetext={money(value())}
          onInput={(e) => change(e.currentTarget.value)}
          onKeyDown={(e) => {
            // Page Up/Down move ten steps, as the hint says (browsers differ otherwise).
            if (e.key !== 'PageUp' && e.key !== 'PageDown') return
            e.preventDefault()
            const next = value() + (e.key === 'PageUp' ? 10 : -10) * BUDGET_STEP
            change(String(Math.min(sliderMax(), Math.max(0, next))))
          }}
        />
        <input
          id="budget-number"
          type="number"
          inputmode="numeric"
          min="0"
          step={BUDGET_STEP}
          value={value()}
          aria-describedby="budget-hint"
          onInput={(e) => e.currentTarget.value !== '' && change(e.currentTarget.value)}
          onChange={(e) => change(e.currentTarget.value || '0', true)}
        />
      </div>
    </div>
  )
}
