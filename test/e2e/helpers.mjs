// Shared steps of the browser tests (not a test file itself: only *.e2e.mjs files are run).
import { createRequire } from 'node:module'
import { join } from 'node:path'

const axeSource = createRequire(import.meta.url)('axe-core').source

export function assert(condition, message) {
  if (!condition) throw new Error(`Assertion failed: ${message}`)
}

/** A page that records CSP violations and uncaught errors, which fail the test at `checkClean`. */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options })
  const page = await context.newPage()
  const problems = []
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) problems.push(`CSP: ${msg.text()}`)
  })
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`))
  page.checkClean = () => assert(problems.length === 0, problems.join('\n'))
  return { context, page }
}

/** Runs axe-core in the page (injected by evaluation: the CSP forbids inline scripts) and fails on any violation. */
export async function checkA11y(page, name) {
  await page.evaluate(axeSource)
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }))
  const lines = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`,
  )
  assert(lines.length === 0, `axe found violations on ${name}:\n${lines.join('\n')}`)
}

export async function screenshot(page, dir, name) {
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true })
}

/**
 * The newest development message to an address (the API's outbox, outside production only),
 * waiting up to 15 s for the first one: sign-in links are queued and rendered by the consumer.
 */
export async function latestMail(baseUrl, to) {
  const until = Date.now() + 15_000
  for (;;) {
    const res = await fetch(`${baseUrl}/api/v1/dev/outbox?to=${encodeURIComponent(to)}`)
    assert(res.ok, `outbox answered ${res.status}`)
    const { items } = await res.json()
    if (items.length > 0) return items[0]
    assert(Date.now() < until, `no mail to ${to}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** A random Swedish organisation number NNNNNN-NNNN with a valid Luhn check digit. */
export function orgNumber() {
  const digits = Array.from({ length: 9 }, () => Math.floor(Math.random() * 10))
  digits[0] = 2 // 2xxxxx: the range of public bodies
  const sum = digits.reduce((acc, d, i) => {
    let x = i % 2 === 0 ? d * 2 : d
    if (x > 9) x -= 9
    return acc + x
  }, 0)
  const check = (10 - (sum % 10)) % 10
  const s = digits.join('') + check
  return `${s.slice(0, 6)}-${s.slice(6)}`
}

/** The same number with a wrong check digit. */
export function withWrongCheckDigit(number) {
  const last = Number(number.at(-1))
  return number.slice(0, -1) + String((last + 1) % 10)
}

/** Fails when the page needs sideways scrolling at its current width, naming what sticks out. */
export async function checkFitsWidth(page, name) {
  const width = page.viewportSize().width
  const wide = await page.evaluate((width) => {
    const sizes = `scrollWidth ${document.documentElement.scrollWidth}, body ${document.body.scrollWidth}`
    if (document.documentElement.scrollWidth <= width && document.body.scrollWidth <= width) return []
    return [sizes, ...[...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('.table-wrap'))
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`)]
  }, width)
  assert(wide.length === 0, `${name} is wider than ${width} px: ${wide.join(', ')}`)
}

/**
 * Proves `<slug>.test` for an organisation through the API and answers the domain: respondents
 * must have addresses in a proven domain, and a reserved name on a loopback origin outside
 * production is proven without DNS. `send(method, path below /api/v1, body)` answers { status, body }.
 */
export async function proveTestDomain(send, slug) {
  const domain = `${slug}.test`
  const claimed = await send('POST', `/orgs/${slug}/domains`, { domain })
  assert(claimed.status === 201, `domain claim answered ${claimed.status}`)
  const verified = await send('POST', `/orgs/${slug}/domains/${claimed.body.id}/verify`)
  assert(verified.status === 200, `domain verification answered ${verified.status}`)
  return domain
}
