// The results dashboard. Part 1 builds its own organisation through the API (two rounds answered
// and closed, no timing involved): charts with their table alternatives, Swedish number format,
// suppressed breakdown groups with their reasons, trends, the lazy XLSX export, the CSV link,
// peer groups too small to show, and the not_sharing explanation. Part 2 opens the demo
// organisation (POST /api/v1/dev/seed: two closed rounds and eleven sharing demo peers): quartile
// bands for every peer group, the printable report (print media and a real A4 PDF), axe, 320 px,
// English, and the trends page.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { assert, checkA11y, checkFitsWidth, latestMail, openPage, orgNumber, screenshot, proveTestDomain } from './helpers.mjs'

const SECTIONS = ['sec-type', 'sec-categories', 'sec-factors', 'sec-strengths', 'sec-dontknow', 'sec-breakdown', 'sec-trends', 'sec-benchmark']

/** Calls the API from inside the signed-in page, so the session cookie and Origin are the browser's own. */
/** Calls the API from inside the page (its session and origin), answering { status, body }. */
function sendIn(page) {
  return (method, path, body) =>
    page.evaluate(
      async ({ method, path, body }) => {
        const r = await fetch(`/api/v1${path}`, { method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined })
        return { status: r.status, body: r.status === 204 ? null : await r.json().catch(() => null) }
      },
      { method, path, body },
    )
}

function apiIn(page) {
  const send = sendIn(page)
  return async (method, path, body) => {
    const res = await send(method, path, body)
    assert(res.status < 300, `${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`)
    return res.body
  }
}

async function respond(baseUrl, token, seed) {
  const form = await (await fetch(`${baseUrl}/api/v1/respond/${token}`)).json()
  // Deterministic, varied answers: each respondent leans differently, every seventh item is "don't know".
  const answers = Object.fromEntries(form.items.map((item, i) => [item.id, (i + seed) % 7 === 0 ? 'dont_know' : 1 + ((i * 3 + seed * 5 + ((i * seed) % 4)) % 6)]))
  const put = await fetch(`${baseUrl}/api/v1/respond/${token}/answers`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ answers }) })
  assert(put.ok, `saving answers answered ${put.status}`)
  const submit = await fetch(`${baseUrl}/api/v1/respond/${token}/submit`, { method: 'POST' })
  assert(submit.ok, `submit answered ${submit.status}`)
}

async function invitationToken(baseUrl, email) {
  for (let i = 0; i < 80; i++) {
    const res = await fetch(`${baseUrl}/api/v1/dev/outbox?to=${encodeURIComponent(email)}`)
    const { items } = await res.json()
    const link = items.flatMap((m) => m.links).find((l) => l.includes('/r/'))
    if (link) return link.split('/r/')[1]
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`no invitation reached ${email}`)
}

/** Signs an organisation up (k = 3) and signs its owner in, answering `{ slug, cookie }`. */
async function signUp(baseUrl, { name, county, share }) {
  const email = `agare-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@kommun.example`
  const signup = await fetch(`${baseUrl}/api/v1/signup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ organisation: { name, orgNumber: orgNumber(), kind: 'municipality', county, population: 40000, shareBenchmark: share }, owner: { name: 'Rut Resultat', email } }),
  })
  assert(signup.status === 201, `sign-up answered ${signup.status}`)
  const slug = (await signup.json()).organisation.slug
  const link = new URL((await latestMail(baseUrl, email)).links.find((l) => l.includes('/auth/verify')))
  return { slug, link }
}

/** A round answered by one respondent per role given (in the given units) and closed. */
async function closedRound(baseUrl, { api, slug }, { name, roles, units = [], seed }) {
  const org = `/orgs/${slug}`
  const round = await api('POST', `${org}/assessments`, { name, form: 'short' })
  const stamp = Date.now()
  const people = roles.map((role, i) => ({ email: `svar-${stamp}-${seed}-${i}@${slug}.test`, role, unitId: units[i] ?? null }))
  await api('POST', `${org}/assessments/${round.id}/respondents`, { respondents: people })
  await api('POST', `${org}/assessments/${round.id}/open`)
  for (const [i, p] of people.entries()) await respond(baseUrl, await invitationToken(baseUrl, p.email), seed + i)
  await api('POST', `${org}/assessments/${round.id}/close`)
  return round.id
}

/** Signs the owner in through the browser, as users do, and returns the page with an API caller. */
async function signedIn(browser, link, slug) {
  const { context, page } = await openPage(browser, { acceptDownloads: true })
  await page.goto(link)
  await page.waitForURL(new RegExp(`/o/${slug}$`))
  return { context, page, slug, api: apiIn(page) }
}

/**
 * An organisation of its own with k = 3 and two closed rounds; the later one has seven
 * respondents in three roles and two units, so a small role is hidden and a second one with it.
 */
async function seedOwn(baseUrl, browser) {
  const { slug, link } = await signUp(baseUrl, { name: 'Resultatkommunen', county: '12', share: true })
  const own = await signedIn(browser, link.href, slug)
  await own.api('PATCH', `/orgs/${slug}`, { anonymityThreshold: 3 })
  await proveTestDomain(sendIn(own.page), slug)
  const north = await own.api('POST', `/orgs/${slug}/units`, { name: 'Norra förvaltningen', parentId: null })
  const south = await own.api('POST', `/orgs/${slug}/units`, { name: 'Södra förvaltningen', parentId: null })
  await closedRound(baseUrl, own, { name: 'Mätning våren 2026', roles: ['it', 'staff', 'staff', 'manager'], seed: 3 })
  const roles = ['it', 'it', 'it', 'staff', 'staff', 'staff', 'manager']
  const units = roles.map((_, i) => (i < 4 ? north.id : south.id))
  const roundId = await closedRound(baseUrl, own, { name: 'Mätning hösten 2026', roles, units, seed: 1 })
  return { ...own, roundId }
}

async function ownOrganisation(baseUrl, browser, screenshotDir) {
  const started = Date.now()
  const { context, page, slug, roundId, api } = await seedOwn(baseUrl, browser)
  console.log(`     seeded an organisation with two closed rounds in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  try {
    const scripts = []
    page.on('request', (r) => scripts.push(r.url()))
    await page.goto(`${baseUrl}/o/${slug}/rounds/${roundId}/results`)
    await page.getByRole('heading', { level: 1, name: 'Resultat: Mätning hösten 2026' }).waitFor()
    await page.locator('#sec-benchmark').waitFor()
    for (const id of SECTIONS) assert(await page.locator(`#${id} h2`).isVisible(), `section ${id} has a visible heading`)

    // Charts: focusable pictures named in words, each with a real table behind its toggle.
    const quadrant = page.locator('#sec-type .chart-picture[role="img"][tabindex="0"]')
    assert(/Digital förmåga \d+,\d\u00a0%, digitalt arv \d+,\d\u00a0%\. Typ [A-D] /.test(await quadrant.getAttribute('aria-label')), 'the quadrant is summarised with Swedish numbers')
    await quadrant.focus()
    assert(await quadrant.evaluate((el) => el === document.activeElement), 'the quadrant takes keyboard focus')
    assert(/Typ [A-D]: (Fastlåst|Outnyttjad|Hämmad|Balanserad)/.test(await page.locator('.type-name').innerText()), 'the type is named')
    const toggle = page.locator('#sec-factors .table-toggle')
    await toggle.click()
    assert((await toggle.getAttribute('aria-expanded')) === 'true', 'the toggle reports its state')
    const factorTable = page.locator('#sec-factors table')
    assert(await factorTable.isVisible(), 'the factor table is shown')
    assert((await factorTable.locator('caption').innerText()).includes('Alla faktorer'), 'the table has a caption')
    assert((await factorTable.locator('th[scope="col"]').count()) === 4 && (await factorTable.locator('th[scope="row"]').count()) === 26, 'all 26 factors, headers scoped')
    const percents = await page.locator('#sec-factors .bar-value').allInnerTexts()
    assert(percents.some((p) => /^\d{1,3},\d\u00a0%/.test(p)), `factor values use the Swedish format (47,3 %): ${percents.slice(0, 3).join(' | ')}`)
    assert(await page.getByText('Även en mogen organisation har svagheter', { exact: false }).isVisible(), 'strengths and weaknesses are said to be relative')
    assert((await page.locator('#sec-dontknow tbody tr').count()) > 0, 'don’t-know hot spots are listed')

    // Breakdown: the small role is hidden for its size, another so it cannot be worked out.
    const byRole = page.locator('#sec-breakdown table').first()
    await byRole.waitFor()
    assert((await byRole.getByRole('row', { name: /Chef/ }).innerText()).includes('färre än 3 svar'), 'the manager group is hidden for having fewer than k')
    assert((await byRole.innerText()).includes('dold så att den inte kan räknas fram ur andra siffror'), 'a second group is hidden so the first cannot be computed')
    assert(await page.locator('#sec-breakdown').getByText('Norra förvaltningen').isVisible(), 'unit names are shown')

    // Trends: two closed rounds drawn as lines, with the change in points in the tables.
    const trends = page.locator('#sec-trends')
    assert((await trends.locator('.chart-title').allInnerTexts()).join('|') === 'Total och dimensioner över tid|Kategorier över tid', 'dimensions and categories over time are drawn')
    await trends.locator('.table-toggle').first().click()
    const trendRows = trends.locator('table').first().locator('tbody tr')
    assert((await trendRows.count()) === 2, 'both rounds are in the trend table')
    assert(/[+−]\d+,\d/.test(await trendRows.nth(1).innerText()), 'the later round shows its change in points')

    // Peers: sharing, but no other organisation shares yet, so every group is explained as too small.
    const bench = page.locator('#sec-benchmark')
    assert((await bench.getByText('Färre än 10 verifierade organisationer').count()) === 4, 'all four peer groups are explained as too small')
    assert(await page.locator('#sec-categories').getByText('Medianen bland andra organisationer visas när').isVisible(), 'the radar says why no median is drawn')

    // XLSX: its chunk is fetched only when the button is pressed.
    assert(!scripts.some((u) => u.includes('xlsx-export')), 'the XLSX writer is not loaded with the page')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner Excel (XLSX)' }).click()])
    assert(download.suggestedFilename().endsWith('.xlsx'), 'an .xlsx file is offered')
    const xlsx = readFileSync(await download.path())
    assert(xlsx.subarray(0, 2).toString() === 'PK', 'the XLSX file is a zip container')
    // Overall, dimensions, categories, factors and participation: five sheets (names are stored uncompressed in the zip directory).
    assert(xlsx.includes('xl/worksheets/sheet5.xml') && !xlsx.includes('xl/worksheets/sheet6.xml'), 'the XLSX file has five sheets')
    assert(scripts.some((u) => u.includes('xlsx-export')), 'the XLSX writer was loaded on demand')
    const csvHref = await page.getByRole('link', { name: 'Ladda ner CSV' }).getAttribute('href')
    assert(csvHref === `/api/v1/orgs/${slug}/assessments/${roundId}/results.csv`, 'the CSV link points at results.csv')
    const csv = await page.evaluate(async (href) => (await fetch(href)).text(), csvHref)
    assert(csv.replace(/^\uFEFF/, '').startsWith('level,id,name_sv,name_en,percent,ci_low,ci_high,n'), 'the CSV export answers with its header')
    await checkA11y(page, 'the results dashboard')
    await screenshot(page, screenshotDir, 'dashboard')

    // Not sharing, and k raised to 7: the comparison explains reciprocity and links to the
    // settings; factors with fewer than 7 respondents are hidden and say so; the first round
    // (four responses) is named as hidden in the trends.
    await api('PATCH', `/orgs/${slug}`, { shareBenchmark: false, anonymityThreshold: 7 })
    await page.reload()
    await page.locator('#sec-benchmark').getByText('ömsesidighet').waitFor()
    assert(await page.locator('#sec-benchmark').getByRole('link', { name: 'Ändra delningen under Inställningar' }).isVisible(), 'a link leads to the settings')
    assert((await page.locator('#sec-factors .bar-suppressed', { hasText: 'dolt (färre än 7 svar)' }).count()) > 0, 'factors under the new k are shown as hidden')
    await page.locator('#sec-trends').getByText(/Omgången som stängdes .* visas inte: för få svar/).waitFor()
    page.checkClean()
  } finally {
    await context.close()
  }
}

async function demoOrganisation(baseUrl, browser, screenshotDir) {
  const res = await fetch(`${baseUrl}/api/v1/dev/seed`, { method: 'POST' })
  assert(res.ok, `the demo seed answered ${res.status}`)
  const demo = await res.json()
  const { context, page, slug, api } = await signedIn(browser, demo.signInLink, demo.organisation.slug)
  try {
    const closed = (await api('GET', `/orgs/${slug}/assessments`)).items.filter((r) => r.status === 'closed').sort((a, b) => (a.closedAt < b.closedAt ? 1 : -1))
    assert(closed.length === 2, `the demo has two closed rounds (${closed.length})`)
    await page.goto(`${baseUrl}/o/${slug}/rounds/${closed[0].id}/results`)
    await page.getByRole('heading', { level: 1, name: `Resultat: ${closed[0].name}` }).waitFor()
    const bench = page.locator('#sec-benchmark')
    await bench.locator('.chart-title').first().waitFor()

    // Peers: every group drawn as quartile bands with percentile ranks; the radar has the median.
    const titles = await bench.locator('.chart-title').allInnerTexts()
    const groups = ['Alla jämförbara', 'Samma slag av organisation', 'Samma storleksklass', 'Samma län']
    assert(titles.length === 4 && groups.every((g, i) => titles[i].startsWith(g)), `every peer group is drawn: ${titles.join(' | ')}`)
    assert((await bench.locator('.bar-n').allInnerTexts()).some((x) => /P\d+/.test(x)), 'percentile ranks are shown')
    assert(await page.locator('#sec-categories .legend').getByText('Median, alla jämförbara').isVisible(), 'the radar shows the peer median')
    assert((await page.locator('#sec-trends .chart-picture').count()) === 2, 'the demo’s two rounds are drawn over time')
    await checkA11y(page, 'the demo dashboard')
    await screenshot(page, screenshotDir, 'dashboard-demo')

    // The printable report: every section and every table visible under print media, no navigation.
    await page.emulateMedia({ media: 'print' })
    for (const id of SECTIONS) {
      const visible = await page.locator(`#${id}`).evaluate((el) => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0)
      assert(visible, `section ${id} is printed`)
    }
    const hiddenTables = await page.locator('.chart-table').evaluateAll((els) => els.filter((el) => getComputedStyle(el).display === 'none').length)
    assert(hiddenTables === 0, `every chart's table is printed (${hiddenTables} hidden)`)
    assert((await page.locator('.chart-picture svg, .chart-picture .bars').count()) >= 9, 'the charts are printed with their tables')
    assert(!(await page.locator('.site-header').isVisible()) && !(await page.locator('.export-bar').isVisible()) && !(await page.locator('.toc').isVisible()), 'navigation and buttons are not printed')
    await screenshot(page, screenshotDir, 'dashboard-print')
    const pdf = await page.pdf({ format: 'A4', printBackground: true })
    const pdfPath = join(dirname(screenshotDir), 'dashboard.pdf')
    mkdirSync(dirname(pdfPath), { recursive: true })
    writeFileSync(pdfPath, pdf)
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
    assert(pdf.subarray(0, 4).toString() === '%PDF' && pages >= SECTIONS.length, `the PDF has a page per section (${pages} pages)`)
    await page.emulateMedia({ media: 'screen' })

    // 320 px: nothing sticks out sideways.
    await page.setViewportSize({ width: 320, height: 800 })
    await checkFitsWidth(page, 'the dashboard at 320 px')
    await screenshot(page, screenshotDir, 'dashboard-320')
    await page.setViewportSize({ width: 1100, height: 900 })

    // English: the same numbers with a decimal point.
    await page.getByRole('button', { name: 'In English' }).click()
    await page.getByRole('heading', { level: 1, name: `Results: ${closed[0].name}` }).waitFor()
    const english = await page.locator('#sec-factors .bar-value').first().innerText()
    assert(/^\d{1,3}\.\d%/.test(english), `English uses a decimal point (${english})`)
    await page.getByRole('button', { name: 'På svenska' }).click()

    // The trends page from the organisation's menu.
    await page.getByRole('navigation', { name: 'Organisationens meny' }).getByRole('link', { name: 'Utveckling' }).click()
    await page.getByRole('heading', { level: 1, name: 'Utveckling över tid' }).waitFor()
    await page.locator('.report-section .chart-picture').first().waitFor()
    await checkA11y(page, 'the trends page')
    await screenshot(page, screenshotDir, 'trends')
    page.checkClean()
  } finally {
    await context.close()
  }
}

export default async function ({ baseUrl, browser, screenshotDir }) {
  await ownOrganisation(baseUrl, browser, screenshotDir)
  await demoOrganisation(baseUrl, browser, screenshotDir)
}
