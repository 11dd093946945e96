// A respondent answers on a phone: the invitation link from the outbox, the intro, the first page
// answered with the keyboard only, autosave (and its retry while the network is down), resuming
// after a reload, the review's list of unanswered statements, submit and thank-you; axe on every
// step and no sideways scrolling at 320 px.
import { join } from 'node:path'
import { assert, checkA11y, checkFitsWidth, openPage, orgNumber, screenshot, proveTestDomain } from './helpers.mjs'

const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true }

async function request(baseUrl, method, path, { cookie, body } = {}) {
  const headers = { Accept: 'application/json', Origin: baseUrl }
  if (cookie) headers.Cookie = cookie
  if (body) headers['Content-Type'] = 'application/json'
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body: body && JSON.stringify(body) })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined }
}

async function outboxLinks(baseUrl, to) {
  const { body } = await request(baseUrl, 'GET', `/api/v1/dev/outbox?to=${encodeURIComponent(to)}`)
  return body.items.flatMap((m) => m.links)
}

/** Signs up an organisation and signs its owner in; answers the slug and the session cookie. */
async function signedInOrg(baseUrl) {
  const owner = `owner-${Date.now()}@respond.example`
  const signup = await request(baseUrl, 'POST', '/api/v1/signup', {
    body: { organisation: { name: 'Svarsjö kommun', orgNumber: orgNumber(), kind: 'municipality', county: '05' }, owner: { name: 'Siv Ägare', email: owner } },
  })
  assert(signup.status === 201, `sign-up answered ${signup.status}`)
  const verifyLink = (await outboxLinks(baseUrl, owner)).find((l) => l.includes('/auth/verify?token='))
  const verify = await fetch(`${baseUrl}/api/v1/auth/verify`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseUrl },
    body: JSON.stringify({ token: new URL(verifyLink).searchParams.get('token') }),
  })
  assert(verify.status === 200, `verify answered ${verify.status}`)
  const slug = signup.body.organisation.slug
  const cookie = verify.headers.get('Set-Cookie').split(';')[0]
  await proveTestDomain((method, path, body) => request(baseUrl, method, `/api/v1${path}`, { cookie, body }), slug)
  return { slug, cookie }
}

/** An open short-form round with one invited respondent; answers its id and the /r/ link. */
async function openRound(baseUrl, { slug, cookie }, round) {
  const created = await request(baseUrl, 'POST', `/api/v1/orgs/${slug}/assessments`, { cookie, body: { form: 'short', ...round } })
  assert(created.status === 201, `create round answered ${created.status}`)
  const id = created.body.id
  const respondent = `staff-${Date.now()}-${round.language ?? 'sv'}@${slug}.test`
  const added = await request(baseUrl, 'POST', `/api/v1/orgs/${slug}/assessments/${id}/respondents`, { cookie, body: { respondents: [{ email: respondent, role: 'staff' }] } })
  assert(added.status === 201 && added.body.added === 1, `add respondent answered ${added.status}`)
  const opened = await request(baseUrl, 'POST', `/api/v1/orgs/${slug}/assessments/${id}/open`, { cookie })
  assert(opened.status === 200, `open answered ${opened.status}`)
  // Invitations go out through the queue: wait for the mail.
  for (let i = 0; i < 60; i++) {
    const link = (await outboxLinks(baseUrl, respondent)).find((l) => /\/r\/[^/?#]+$/.test(l))
    if (link) return { id, link }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error('no invitation link in the outbox')
}

const focused = (page) => page.evaluate(() => ({ tag: document.activeElement?.tagName, name: document.activeElement?.getAttribute('name'), text: document.activeElement?.textContent }))

export default async function ({ baseUrl, browser, screenshotDir }) {
  const org = await signedInOrg(baseUrl)
  const closesAt = new Date(Date.now() + 14 * 86_400_000).toISOString()
  const { link } = await openRound(baseUrl, org, { name: 'Digital mognad 2026', closesAt })
  const token = decodeURIComponent(new URL(link).pathname.split('/').pop())
  const survey = (await request(baseUrl, 'GET', `/api/v1/respond/${encodeURIComponent(token)}`)).body
  const total = survey.items.length
  const firstPage = survey.items.filter((i) => i.factorId.startsWith('E'))
  const secondPage = survey.items.filter((i) => i.factorId.startsWith('I'))
  assert(total === 26 && firstPage.length > 1 && secondPage.length > 1, `a short form of 26 statements (got ${total})`)

  const { context, page } = await openPage(browser, PHONE)
  try {
    // Intro: who asks, the round, how long, anonymity; the organisation's name in the header.
    await page.goto(link)
    await page.getByRole('heading', { level: 1, name: 'Digital mognad 2026' }).waitFor()
    assert((await page.getByRole('banner').textContent()).includes('Svarsjö kommun'), 'the organisation is named in the header')
    assert((await page.getByRole('banner').getByRole('link').count()) === 1, 'the header has only the skip link: no sign-in, no navigation')
    const intro = await page.getByRole('main').textContent()
    assert(intro.includes('3–5 minuter') && intro.includes('26 påståenden på 6 sidor'), `the time is computed from the form: ${intro}`)
    assert(intro.includes(`Undersökningen stänger ${new Date(closesAt).toLocaleDateString('sv-SE', { dateStyle: 'long' })}`), 'the closing date')
    assert(intro.includes('Ingen i organisationen ser dina enskilda svar') && intro.includes('tillräckligt stora grupper'), 'anonymity in plain words')
    await checkA11y(page, 'the intro')
    await checkFitsWidth(page, 'the intro at 360 px')
    await screenshot(page, screenshotDir, 'respond-intro')

    // The language switch changes the page's own texts and is remembered; the statements follow.
    await page.getByRole('button', { name: 'In English' }).click()
    await page.getByRole('link', { name: 'Start', exact: true }).waitFor()
    assert((await page.getAttribute('html', 'lang')) === 'en', 'lang="en" after the switch')
    await page.getByRole('button', { name: 'På svenska' }).click()

    // Page 1 with the keyboard only: Tab into each group, Space picks, arrows move, Tab on.
    await page.getByRole('link', { name: 'Börja svara' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Effektivitet' }).waitFor()
    assert((await page.locator('.page-of').textContent()) === 'Sida 1 av 6', 'page 1 of 6')
    assert((await page.getByRole('progressbar', { name: 'Besvarade påståenden' }).count()) === 1, 'the progress bar has a name')
    for (const [index, item] of firstPage.entries()) {
      await page.keyboard.press('Tab')
      const at = await focused(page)
      assert(at.tag === 'INPUT' && at.name === `answer-${item.id}`, `Tab reaches the group of ${item.id} (at ${JSON.stringify(at)})`)
      await page.keyboard.press('Space')
      for (let k = 0; k < index % 5; k++) await page.keyboard.press('ArrowDown')
      await page.keyboard.press('Tab')
      assert((await focused(page)).text === 'Rensa svaret', 'an answered statement offers to clear it')
    }
    await page.getByRole('status').filter({ hasText: /^Sparat$/ }).waitFor()
    const checked = await page.locator('input[type=radio]:checked').evaluateAll((els) => els.map((e) => e.value))
    assert(checked.length === firstPage.length && checked[1] === '2', `each group holds its choice: ${checked}`)
    assert((await page.locator('.answered').textContent()) === `${firstPage.length} av ${total} besvarade`, 'the answered count follows')
    await checkA11y(page, 'a question page')
    await screenshot(page, screenshotDir, 'respond-page-1')
    // What the phone shows mid-page: statements and the sticky bar with the saved state.
    await page.locator('fieldset').nth(2).scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(screenshotDir, 'respond-page-1-phone.png') })
    await page.setViewportSize({ width: 320, height: 740 })
    await checkFitsWidth(page, 'a question page at 320 px')
    await screenshot(page, screenshotDir, 'respond-page-1-320')
    await page.setViewportSize(PHONE.viewport)

    // Clearing an answer saves null; choosing again saves again.
    const firstGroup = page.locator(`#item-${firstPage[0].id.replace('.', '\\.')}`)
    const saved = () => page.waitForResponse((r) => r.url().endsWith('/answers') && r.request().method() === 'PUT' && r.status() === 200)
    await Promise.all([saved(), firstGroup.getByRole('button', { name: 'Rensa svaret' }).click()])
    assert((await firstGroup.locator('input:checked').count()) === 0, 'the cleared statement has no answer')
    assert(await firstGroup.locator('input').first().evaluate((el) => el === document.activeElement), 'focus stays in the cleared group')
    await Promise.all([saved(), firstGroup.getByLabel('5 Stämmer väl').check()])
    await page.getByRole('status').filter({ hasText: /^Sparat$/ }).waitFor()

    // On to page 2 with the keyboard.
    await page.getByRole('link', { name: 'Nästa' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Innovation' }).waitFor()
    const savedFirst = (await request(baseUrl, 'GET', `/api/v1/respond/${encodeURIComponent(token)}`)).body.answers
    assert(savedFirst[firstPage[0].id] === 5 && Object.keys(savedFirst).length === firstPage.length, `page 1 is saved: ${JSON.stringify(savedFirst)}`)

    // The network drops: the answer is kept, the state says so and it is retried.
    await page.route('**/api/v1/respond/*/answers', (route) => route.abort('internetdisconnected'))
    await page.locator(`#item-${secondPage[0].id.replace('.', '\\.')}`).getByLabel('Vet ej').check()
    await page.getByRole('status').filter({ hasText: 'Inte sparat – försöker igen' }).waitFor()
    await screenshot(page, screenshotDir, 'respond-retrying')

    // Reload on the invitation link while still offline for saving: it resumes on page 2 (the
    // first with an unanswered statement) with the unsent answer kept in this browser.
    await page.goto(link)
    await page.getByRole('heading', { level: 1, name: 'Innovation' }).waitFor()
    assert((await page.locator('.page-of').textContent()) === 'Sida 2 av 6', 'resumes on page 2')
    assert(await page.locator(`input[name="answer-${secondPage[0].id}"][value="dont_know"]`).isChecked(), 'the unsent answer is still there')
    await page.getByRole('status').filter({ hasText: 'Inte sparat – försöker igen' }).waitFor()
    await page.unroute('**/api/v1/respond/*/answers')
    await page.getByRole('status').filter({ hasText: /^Sparat$/ }).waitFor({ timeout: 20_000 })
    const savedSecond = (await request(baseUrl, 'GET', `/api/v1/respond/${encodeURIComponent(token)}`)).body.answers
    assert(savedSecond[secondPage[0].id] === 'dont_know', 'the kept answer reached the server')
    assert(await page.evaluate(() => Object.keys(localStorage).every((k) => !k.startsWith('mognad.respond.'))), 'nothing is left pending in storage')

    // Page 1 answers are there after the reload.
    await page.getByRole('link', { name: 'Föregående' }).click()
    await page.getByRole('heading', { level: 1, name: 'Effektivitet' }).waitFor()
    assert((await page.locator('input[type=radio]:checked').count()) === firstPage.length, 'page 1 answers survive the reload')

    // Review: the unanswered statements, each a link to it that focuses it.
    await page.goto(`${link}?step=review`)
    await page.getByRole('heading', { level: 1, name: 'Granska och skicka in' }).waitFor()
    const answered = firstPage.length + 1
    const unanswered = page.locator('.unanswered a')
    assert((await unanswered.count()) === total - answered, `the review lists ${total - answered} unanswered statements`)
    assert((await unanswered.first().textContent()) === secondPage[1].text.sv, 'in instrument order')
    await checkA11y(page, 'the review')
    await screenshot(page, screenshotDir, 'respond-review')
    await unanswered.first().click()
    await page.getByRole('heading', { level: 1, name: 'Innovation' }).waitFor()
    await page.waitForFunction((name) => document.activeElement?.getAttribute('name') === name, `answer-${secondPage[1].id}`)
    await page.keyboard.press('Space')
    await page.getByRole('status').filter({ hasText: /^Sparat$/ }).waitFor()
    await page.goto(`${link}?step=review`)
    await page.getByRole('heading', { level: 1, name: 'Granska och skicka in' }).waitFor()
    assert((await unanswered.count()) === total - answered - 1, 'the answered statement left the list')

    // Submit after a confirmation, with statements still unanswered.
    await page.getByRole('button', { name: 'Skicka in mina svar' }).click()
    await page.getByRole('heading', { name: 'Vill du skicka in nu?' }).waitFor()
    await page.getByRole('button', { name: 'Ja, skicka in' }).click()
    await page.getByRole('heading', { level: 1, name: 'Tack för dina svar!' }).waitFor()
    const today = new Date().toLocaleDateString('sv-SE', { dateStyle: 'long', timeZone: 'UTC' })
    assert((await page.getByRole('main').textContent()).includes(`Du svarade ${today}.`), 'the thank-you names the day')
    await checkA11y(page, 'the thank-you page')
    await checkFitsWidth(page, 'the thank-you page')
    await screenshot(page, screenshotDir, 'respond-thanks')

    // The link again: already submitted.
    await page.goto(link)
    await page.getByRole('heading', { level: 1, name: 'Tack för dina svar!' }).waitFor()
    const after = (await request(baseUrl, 'PUT', `/api/v1/respond/${encodeURIComponent(token)}/answers`, { body: { answers: { [firstPage[0].id]: 1 } } })).status
    assert(after === 409, `saving after submit is refused (${after})`)

    // A round in English opens in English for someone who never chose a language; once it is
    // closed, its link says so.
    const english = await openRound(baseUrl, org, { name: 'Digital maturity 2026', language: 'en' })
    const fresh = await openPage(browser, PHONE)
    try {
      await fresh.page.goto(english.link)
      await fresh.page.getByRole('link', { name: 'Start', exact: true }).waitFor()
      assert((await fresh.page.getAttribute('html', 'lang')) === 'en', 'the round’s language applies')
      const closed = await request(baseUrl, 'POST', `/api/v1/orgs/${org.slug}/assessments/${english.id}/close`, { cookie: org.cookie })
      assert(closed.status === 200, `close answered ${closed.status}`)
      await fresh.page.reload()
      await fresh.page.getByRole('heading', { level: 1, name: 'The survey is closed' }).waitFor()
      await checkA11y(fresh.page, 'a closed round')
      fresh.page.checkClean()
    } finally {
      await fresh.context.close()
    }

    // A link that does not exist says so.
    await page.goto(`${baseUrl}/r/not-a-real-token`)
    await page.getByRole('heading', { level: 1, name: 'Länken fungerar inte' }).waitFor()
    await checkA11y(page, 'an unknown link')
    page.checkClean()
  } finally {
    await context.close()
  }
}
