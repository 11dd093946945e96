import { createSignal } from 'solid-js'
import type { Lang } from '../../schema/enums'

/** Where the chosen language is remembered. */
export const STORAGE_KEY = 'mognad.lang'

function stored(): Lang {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    if (value === 'sv' || value === 'en') return value
  } catch {
    // Storage can be disabled (private modes, policies): Swedish is the default then.
  }
  return 'sv'
}

const [lang, setLangSignal] = createSignal<Lang>(stored())

/** The chosen language (Swedish unless the user picked English). */
export { lang }

/** Switches the language, remembers it and keeps <html lang> right for assistive technology. */
export function setLang(next: Lang) {
  setLangSignal(next)
  try {
    localStorage.setItem(STORAGE_KEY, next)
  } catch {
    // Not remembered, but the switch still applies to this page.
  }
  document.documentElement.lang = next
}

export function applyLang() {
  document.documentElement.lang = lang()
}

type Vars = Record<string, string | number>

/**
 * A text table in both languages; the English half must have every Swedish key. Each area keeps
 * its own table next to it, so a lazy page carries its texts in its own chunk.
 */
export function texts<T extends Record<string, string>>(sv: T, en: { [K in keyof T]: string }) {
  return (key: keyof T & string, vars?: Vars): string => {
    const text = (lang() === 'en' ? en : sv)[key]
    return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? '')) : text
  }
}
