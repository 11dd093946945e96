import { describe, expect, it } from 'vitest'

// Every TypeScript source of the Worker, the shared schema and the web app, as text.
const sources = import.meta.glob(['../../worker/**/*.ts', '../../schema/**/*.ts', '../../web/**/*.{ts,tsx}'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>

describe('imports that decide the bundle size', () => {
  it('take zod/mini as a namespace: the named `z` export drags all of zod and its locales in (+500 KB)', () => {
    const offenders = Object.entries(sources)
      .filter(([, text]) => /import\s*\{[^}]*\bz\b[^}]*\}\s*from\s*['"]zod(\/mini)?['"]/.test(text))
      .map(([file]) => file)
    expect(Object.keys(sources).length).toBeGreaterThan(50)
    expect(offenders).toEqual([])
  })
})
