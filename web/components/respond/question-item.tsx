import { For, Show } from 'solid-js'
import type { Answer, Survey, SurveyItem } from '../../data/respond'
import { lang } from '../../i18n'
import { t } from '../../i18n/respond'

/**
 * One statement: a fieldset named by it, the scale as native radios (arrow keys move within the
 * group, Tab moves on) with "don't know" set apart, and a way to take the answer back.
 */
export function QuestionItem(props: {
  item: SurveyItem
  scale: Survey['scale']
  value: Answer | undefined
  onChange: (value: Answer | null) => void
}) {
  const id = () => `item-${props.item.id}`
  const name = () => `answer-${props.item.id}`
  let fieldset: HTMLFieldSetElement | undefined
  function clear() {
    props.onChange(null)
    // The button goes away with the answer: keep the keyboard in the same group.
    fieldset?.querySelector('input')?.focus()
  }
  return (
    <fieldset class="question" id={id()} ref={(el) => (fieldset = el)}>
      <legend id={`${id()}-legend`}>{props.item.text[lang()]}</legend>
      <div class="scale">
        <For each={props.scale}>
          {(step) => (
            <label class={step.value === 'dont_know' ? 'option dont-know' : 'option'}>
              <input
                type="radio"
                name={name()}
                value={String(step.value)}
                checked={props.value === step.value}
                onChange={() => props.onChange(step.value)}
              />
              <span>
                <Show when={step.value !== 'dont_know'}>
                  <span class="value">
                    {step.value}
                  </span>{' '}
                </Show>
                {step.label[lang()]}
              </span>
            </label>
          )}
        </For>
      </div>
      <Show when={props.value !== undefined}>
        <button type="button" class="link-button clear" aria-describedby={`${id()}-legend`} onClick={clear}>
          {t('clear')}
        </button>
      </Show>
    </fieldset>
  )
}
