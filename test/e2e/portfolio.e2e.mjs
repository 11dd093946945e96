// The portfolio: an organisation with a closed round (set up through the API: respondents answer
// and the round closes), initiatives added in the form (API field errors shown first), then the
// ranked portfolio re-optimised as the budget moves, its explanations, the benefits view; axe on
// every page, 320 px, and the server time of recommendations for 40 costed initiatives.
import { assert, checkA11y, checkFitsWidth, latestMail, openPage, orgNumber, screenshot, proveTestDomain } from './helpers.mjs'

const LOW = new Set(['I5', 'I1', 'O1', 'B5', 'E7', 'T3', 'U2'])

async function signUp(baseUrl, email) {
  const res = await fetch(`${baseUrl}/api/v1/signup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ organisation: { name: 'Portföljkommun', orgNumber: orgNumber(), kind: 'municipality', county: '03' }, owner: { name: 'Pia Portfölj', email } }),
  })
  assert(res.status === 201, `sign-up answered ${res.status}`)
  return (await res.json()).organisation.slug
}

/** Polls the dev outbox until `check` finds what it needs (the mail queue runs asynchronously). */
async function waitFor(check, what, ms = 20_000) {
  const until = Date.now() + ms
  for (;;) {
    const value = await check().catch(() => undefined)
    if (value) return value
    assert(Date.now() < until, `timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

/** A closed round with three submitted responses: the LOW factors answered 2, the rest 5. */
async function closedRound(baseUrl, api, slug, tag) {
  assert((await api('PATCH', `/orgs/${slug}`, { anonymityThreshold: 3 })).ok, 'threshold set')
  const round = await (await api('POST', `/orgs/${slug}/assessments`, { name: 'Mätning hösten 2026', form: 'short' })).json()
  const domain = await proveTestDomain(async (method, path, body) => {
    const res = await api(method, path, body)
    return { status: res.status(), body: await res.json().catch(() => null) }
  }, slug)
  const emails = [0, 1, 2].map((i) => `svar-${tag}-${i}@${domain}`)
  assert((await api('POST', `/orgs/${slug}/assessments/${round.id}/respondents`, { respondents: emails.map((email) => ({ email, role: 'staff' })) })).ok, 'respondents added')
  assert((await api('POST', `/orgs/${slug}/assessments/${round.id}/open`)).ok, 'round opened')
  for (const [i, email] of emails.entries()) {
    const link = await waitFor(async () => (await latestMail(baseUrl, email)).links.find((l) => l.includes('/r/')), `the invitation to ${email}`)
    const token = link.split('/r/')[1]
    const form = await (await fetch(`${baseUrl}/api/v1/respond/${token}`)).json()
    const answers = Object.fromEntries(form.items.map((item, j) => [item.id, LOW.has(item.factorId) ? 2 + ((i + j) % 2) : 5 + ((i + j) % 2)]))
    const put = await fetch(`${baseUrl}/api/v1/respond/${token}/answers`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ answers }) })
    assert(put.ok, `answers saved (${put.status})`)
    assert((await fetch(`${baseUrl}/api/v1/respond/${token}/submit`, { method: 'POST' })).ok, 'submitted')
  }
  assert((await api('POST', `/orgs/${slug}/assessments/${round.id}/close`)).ok, 'round closed')
  return round.id
}

async function addInitiative(page, i) {
  await page.fill('#title', i.title)
  await page.selectOption('#kind', i.kind)
  await page.selectOption('#target', i.target)
  for (const [factor, strength] of i.factors) await page.selectOption(`#factor-${factor}`, String(strength))
  await page.fill('#cost', i.cost)
  for (const [k, v] of Object.entries(i.ratings)) await page.selectOption(`#${k}`, String(v))
  if (i.pin) await page.selectOption('#pin', i.pin)
  await page.getByRole('button', { name: 'Skapa satsningen' }).click()
  await page.getByRole('status').filter({ hasText: `Satsningen ${i.title} är skapad` }).waitFor()
}

const ratings = (pu, tu, sb, ab, risk) => ({ politicalUrgency: pu, technicalUrgency: tu, societalBenefit: sb, administrationBenefit: ab, risk })

export default async function ({ baseUrl, browser, screenshotDir }) {
  const tag = Date.now()
  const email = `portfolj-${tag}@kommun.example`
  const slug = await signUp(baseUrl, email)
  const { context, page } = await openPage(browser)
  // API calls share the browser's session cookie; cookie writes need the app's Origin.
  const api = (method, path, body) => context.request.fetch(`${baseUrl}/api/v1${path}`, { method, headers: { Origin: baseUrl, 'Content-Type': 'application/json' }, data: body === undefined ? undefined : JSON.stringify(body) })
  try {
    await page.goto((await latestMail(baseUrl, email)).links.find((l) => l.includes('/auth/verify')))
    await page.waitForURL(new RegExp(`/o/${slug}$`))
    const roundId = await closedRound(baseUrl, api, slug, tag)

    // Initiatives: the form shows the API's field errors, then three are added.
    const orgNav = page.getByRole('navigation', { name: 'Organisationens meny' })
    await orgNav.getByRole('link', { name: 'Satsningar' }).click()
    await page.getByRole('link', { name: 'Ny satsning' }).click()
    await page.locator('#factor-E1').waitFor()
    await page.fill('#title', 'E-tjänsteplattform')
    await page.getByRole('button', { name: 'Skapa satsningen' }).click()
    const summary = page.locator('.error-summary')
    await summary.waitFor()
    assert((await summary.locator('li').count()) >= 6, 'the factors and the five value areas are named as missing')
    assert(await page.locator('#politicalUrgency[aria-invalid="true"]').isVisible(), 'a value area is marked invalid')
    await checkA11y(page, 'the initiative form with errors')
    await screenshot(page, screenshotDir, 'initiative-form-errors')
    const initiatives = [
      { title: 'E-tjänsteplattform', kind: 'innovation', target: 'capability', factors: [['I5', 3], ['I1', 2]], cost: '800 000', ratings: ratings(4, 3, 5, 4, 3) },
      { title: 'Kompetenslyft', kind: 'efficiency', target: 'capability', factors: [['O1', 3], ['B5', 3]], cost: '300000', ratings: ratings(5, 2, 3, 5, 1), pin: 'in' },
      { title: 'API-plattform', kind: 'efficiency', target: 'legacy', factors: [['E7', 3], ['T3', 2]], cost: '600000', ratings: ratings(3, 5, 3, 4, 3) },
    ]
    for (const i of initiatives) await addInitiative(page, i)
    await orgNav.getByRole('link', { name: 'Satsningar' }).click()
    await page.locator('.initiative-list li').nth(2).waitFor()
    await checkA11y(page, 'the initiative list')

    // Portfolio: the default budget (half the total, 850 000) takes only the pinned one.
    await orgNav.getByRole('link', { name: 'Portfölj' }).click()
    const status = page.locator('.portfolio-controls [role="status"]')
    await status.filter({ hasText: /850\s000/ }).waitFor()
    const firstSummary = await status.textContent()
    assert(/1 satsning vald för 300\s000/.test(firstSummary), `the pinned one alone at 850 000: ${firstSummary}`)
    await page.locator('.left-out li', { hasText: 'API-plattform: Ryms inte i den budget som återstår' }).waitFor()
    const ranking = page.locator('.ranking > li')
    assert((await ranking.count()) === 3, 'three ranked')
    await ranking.first().getByText('Varför').click()
    await ranking.first().locator('table th[scope="row"]').first().waitFor()
    const explanation = await ranking.first().locator('table').textContent()
    assert(/Användarinvolvering|Digital tjänsteutveckling|Kompetens|IT-kompetens|Arkitektur|Teknisk skuld|[A-ZÅÄÖ][a-zåäö]+/.test(explanation), 'factor names in the explanation')
    assert(await page.locator('.scatter svg[role="img"] .point.chosen').count() === 1, 'one chosen point in the scatter')
    await checkA11y(page, 'the portfolio page')
    await screenshot(page, screenshotDir, 'portfolio')

    // Move the budget with the keyboard: Page Up ten times adds 1 000 000; all three fit.
    await page.focus('#budget-slider')
    for (let k = 0; k < 10; k++) await page.keyboard.press('PageUp')
    await status.filter({ hasText: '3 satsningar valda' }).waitFor()
    assert(await page.locator('.scatter .point.chosen').count() === 3, 'three chosen after the budget grew')
    await screenshot(page, screenshotDir, 'portfolio-large-budget')
    // Type a small budget: the pinned one alone is over it.
    await page.fill('#budget-number', '100000')
    await page.locator('#budget-number').press('Tab')
    await page.locator('.verdicts', { hasText: 'låsta till portföljen kostar ensamma mer' }).waitFor()
    await status.filter({ hasText: /Budget 100\s000 kr: 1 satsning vald/ }).waitFor()
    await checkA11y(page, 'the portfolio page under a small budget')
    await screenshot(page, screenshotDir, 'portfolio-small-budget')
    await page.locator('.gap-list').first().waitFor()
    assert(await page.getByRole('link', { name: 'Ladda ned planen som CSV' }).isVisible(), 'the competence plan offers its CSV')
    const csv = await api('GET', `/orgs/${slug}/assessments/${roundId}/competence-plan.csv`)
    assert(csv.ok && (await csv.text()).startsWith('factor_id,'), 'the CSV downloads')

    await page.setViewportSize({ width: 320, height: 800 })
    await checkFitsWidth(page, 'the portfolio page at 320 px')
    await screenshot(page, screenshotDir, 'portfolio-320')
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: `${screenshotDir}/portfolio-320-top.png` })
    await page.setViewportSize({ width: 1100, height: 900 })

    // Benefits follow-up.
    await orgNav.getByRole('link', { name: 'Nyttor' }).click()
    await page.locator('.initiative-list li').nth(2).waitFor()
    await checkA11y(page, 'the benefits page')
    await screenshot(page, screenshotDir, 'benefits')
    page.checkClean()

    // Server time of recommendations for 40 costed initiatives (printed, not asserted).
    const rows = Array.from({ length: 37 }, (_, i) => `Satsning ${i},,${i % 3 ? 'efficiency' : 'innovation'},capability,${['I5', 'O1', 'E7', 'T3', 'B5', 'I1', 'U2'][i % 7]}:${1 + (i % 3)},${100_000 + ((i * 37_813) % 500_000)},,idea,${1 + (i % 5)},${1 + ((i * 3) % 5)},${1 + ((i * 2) % 5)},${1 + ((i + 2) % 5)},${1 + ((i * 4) % 5)}`)
    const header = 'title,description,kind,target,factors,cost,owner,status,politicalUrgency,technicalUrgency,societalBenefit,administrationBenefit,risk'
    const imported = await context.request.fetch(`${baseUrl}/api/v1/orgs/${slug}/initiatives`, { method: 'POST', headers: { Origin: baseUrl, 'Content-Type': 'text/csv' }, data: [header, ...rows].join('\n') })
    assert(imported.status() === 201, `CSV import answered ${imported.status()}`)
    const timings = []
    for (let k = 0; k < 5; k++) {
      const res = await api('GET', `/orgs/${slug}/assessments/${roundId}/recommendations?budget=${4_000_000 + k}`)
      const body = await res.json()
      assert(body.ranking.length === 40 && body.portfolio.exact, '40 ranked, exact')
      timings.push(res.headers()['server-timing'])
    }
    console.log(`  recommendations, 40 costed initiatives: ${timings.join(' | ')}`)
  } finally {
    await context.close()
  }
}
