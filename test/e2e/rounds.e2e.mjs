// A key user runs a survey round end to end: creates it, imports respondents from a CSV file
// (semicolons, BOM, a quoted name with å/ä/ö, one bad row, one duplicate) through the preview,
// opens it through the confirmation dialog, and watches participation while a respondent answers
// on a phone through the link from the invitation, resumes after a reload and submits: with two
// respondents (below k) the page shows how many were invited and nothing that tells who answered.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { assert, checkA11y, checkFitsWidth, latestMail, openPage, orgNumber, screenshot, proveTestDomain } from './helpers.mjs'

const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true }

async function signUpByApi(baseUrl, email) {
  const res = await fetch(`${baseUrl}/api/v1/signup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ organisation: { name: 'Enkätby kommun', orgNumber: orgNumber(), kind: 'municipality', county: '03' }, owner: { name: 'Nyckel Användare', email } }),
  })
  assert(res.status === 201, `sign-up answered ${res.status}`)
  return (await res.json()).organisation.slug
}

/** The newest mail to an address once the queue has delivered it. */
async function waitForMail(baseUrl, to, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs
  for (;;) {
    const res = await fetch(`${baseUrl}/api/v1/dev/outbox?to=${encodeURIComponent(to)}`)
    const { items } = await res.json()
    if (items.length) return items[0]
    if (Date.now() > until) throw new Error(`no mail to ${to} within ${timeoutMs / 1000} s`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

/** `YYYY-MM-DDTHH:mm` a week ahead in local time, as a datetime-local input takes it. */
function weekAheadLocal() {
  const d = new Date(Date.now() + 7 * 24 * 3600_000)
  const p = (n) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T18:30`
}

const focusedText = (page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')

export default async function ({ baseUrl, browser, screenshotDir }) {
  const stamp = Date.now()
  const ownerEmail = `nyckel-${stamp}@enkatby.example`
  const slug = await signUpByApi(baseUrl, ownerEmail)
  const asa = `asa.oberg-${stamp}@${slug}.test`
  const answerer = `svar-${stamp}@${slug}.test`
  const dir = mkdtempSync(join(tmpdir(), 'mognad-csv-'))
  const csvPath = join(dir, 'respondenter.csv')
  writeFileSync(
    csvPath,
    '\uFEFFemail;name;role;unit\r\n' +
      `${asa};"Öberg; Åsa Ängel";manager;Socialförvaltningen\r\n` +
      `${answerer};Sven Svarsson;staff;\r\n` +
      'inte-en-adress;Bo Fel;chef;\r\n' +
      `${asa.toUpperCase()};Åsa igen;staff;\r\n`,
    'utf8',
  )
  const { context, page } = await openPage(browser)
  const phone = await openPage(browser, PHONE)
  try {
    // Sign in through the mailed link; one unit to import against.
    await page.goto((await latestMail(baseUrl, ownerEmail)).links[0])
    await page.waitForURL(new RegExp(`/o/${slug}$`))
    await proveTestDomain(async (method, path, body) => {
      const res = await page.request.fetch(`${baseUrl}/api/v1${path}`, { method, headers: { Origin: baseUrl, 'Content-Type': 'application/json' }, data: body === undefined ? undefined : JSON.stringify(body) })
      return { status: res.status(), body: await res.json().catch(() => null) }
    }, slug)
    const unit = await page.request.post(`${baseUrl}/api/v1/orgs/${slug}/units`, { data: { name: 'Socialförvaltningen', parentId: null }, headers: { Origin: baseUrl } })
    assert(unit.status() === 201, `unit created (${unit.status()})`)

    // The list, and "Ny undersökning": a missing name comes back from the API next to the field.
    await page.getByRole('navigation', { name: 'Organisationens meny' }).getByRole('link', { name: 'Undersökningar' }).click()
    await page.waitForURL(new RegExp(`/o/${slug}/rounds$`))
    await page.getByRole('heading', { name: 'Ny undersökning' }).waitFor()
    assert((await page.getByText('Inga undersökningar ännu.').count()) === 1, 'an empty list says so')
    await page.getByRole('button', { name: 'Skapa undersökning' }).click()
    await page.locator('#roundName-error').waitFor()
    await checkA11y(page, 'the rounds list with an error')
    await page.fill('#roundName', 'Digital mognad våren')
    await page.getByLabel('Kortformuläret – 26 påståenden').check()
    await page.selectOption('#roundLanguage', 'sv')
    const closes = weekAheadLocal()
    await page.fill('#roundClosesAt', closes)
    await page.getByRole('button', { name: 'Skapa undersökning' }).click()
    await page.waitForURL(new RegExp(`/o/${slug}/rounds/asm_`))
    const roundId = page.url().split('/').pop()
    await page.getByRole('heading', { level: 1, name: 'Digital mognad våren' }).waitFor()
    const stored = await (await page.request.get(`${baseUrl}/api/v1/orgs/${slug}/assessments/${roundId}`)).json()
    assert(stored.form === 'short' && stored.status === 'draft', 'a short-form draft was created')
    assert(stored.closesAt === new Date(closes).toISOString(), `the local closing time is stored as UTC (${stored.closesAt})`)

    // The invitation preview in the round's language, without a working link.
    const invitation = page.locator('.mail-preview')
    await invitation.getByText('[din personliga länk]').waitFor()
    assert((await invitation.textContent()).includes('"Digital mognad våren"'), 'the preview names the round')

    // Import from the CSV file: the preview shows each row's fate before anything is saved.
    await page.setInputFiles('#import-file', csvPath)
    await page.getByRole('heading', { name: 'Förhandsgranskning' }).waitFor()
    const preview = page.locator('.preview-table')
    await page.getByText('Rader: 4. Läggs till: 2. Med problem, hoppas över: 1. Dubbletter, hoppas över: 1.').waitFor()
    const previewRow = (n) => preview.getByRole('row').filter({ has: page.getByRole('rowheader', { name: String(n), exact: true }) })
    assert((await previewRow(2).textContent()).includes('Öberg; Åsa Ängel'), 'the quoted name with å/ä/ö is read whole')
    assert((await previewRow(2).textContent()).includes('Chef'), 'the role code is shown by its name')
    assert((await previewRow(4).textContent()).includes('Ogiltig e-postadress ”inte-en-adress”'), 'the bad address is flagged on its spreadsheet row')
    assert((await previewRow(4).textContent()).includes('Okänd roll ”chef”'), 'the unknown role is flagged')
    assert((await previewRow(5).textContent()).includes('Dubblett i filen'), 'the duplicate is flagged')
    assert((await page.request.get(`${baseUrl}/api/v1/orgs/${slug}/assessments/${roundId}/respondents`).then((r) => r.json())).items.length === 0, 'nothing is saved by the preview')
    await checkA11y(page, 'the round page with an import preview')
    await screenshot(page, screenshotDir, 'rounds-import-preview')

    await page.locator('.import-preview').getByRole('button', { name: 'Spara' }).click()
    const result = page.locator('.import-result')
    await result.getByText('Tillagda: 2').waitFor()
    assert((await result.textContent()).includes('Överhoppade dubbletter: 1'), 'the server counts the duplicate')
    assert((await result.textContent()).includes('Rader med fel: 1'), 'the server counts the bad row')
    assert((await result.textContent()).includes('Rad 4:'), 'the server names the bad row by its spreadsheet number')
    assert(await page.getByRole('heading', { name: 'Resultat av importen' }).evaluate((el) => el === document.activeElement), 'focus moves to the result')
    await page.getByRole('rowheader', { name: asa }).waitFor()
    const asaRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: asa }) })
    assert((await asaRow.textContent()).includes('Socialförvaltningen'), 'the unit is shown by name')
    await page.setViewportSize({ width: 320, height: 800 })
    await checkFitsWidth(page, 'the draft round page')
    await screenshot(page, screenshotDir, 'rounds-draft-320')
    await page.setViewportSize({ width: 1100, height: 900 })

    // Pasted text (commas, LF): an address already in the round is shown as skipped, and is.
    await page.fill('#import-paste', `email,name,role\n${asa},Åsa,staff\n`)
    await page.getByRole('button', { name: 'Förhandsgranska' }).click()
    await page.getByRole('caption').filter({ hasText: 'Rader i inklistrad text' }).waitFor()
    assert((await previewRow(2).textContent()).includes('Finns redan i undersökningen'), 'a duplicate of the round is flagged')
    await page.locator('.import-preview').getByRole('button', { name: 'Spara' }).click()
    await result.getByText('Tillagda: 0').waitFor()
    assert((await result.textContent()).includes('Överhoppade dubbletter: 1'), 'the server skips it too')

    // One respondent by hand, then removed again through the dialog.
    const extra = `extra-${stamp}@${slug}.test`
    await page.fill('#respondentEmail', extra)
    await page.selectOption('#respondentRole', 'it')
    await page.getByRole('button', { name: 'Lägg till respondent' }).click()
    await page.getByRole('rowheader', { name: extra }).waitFor()
    await page.getByRole('button', { name: `Ta bort ${extra}` }).click()
    const removeDialog = page.getByRole('dialog', { name: 'Ta bort respondenten?' })
    await removeDialog.waitFor()
    await removeDialog.getByRole('button', { name: 'Ta bort' }).click()
    await page.getByRole('status').filter({ hasText: `${extra} har tagits bort.` }).waitFor()
    await page.getByRole('rowheader', { name: extra }).waitFor({ state: 'detached' })

    // Open: the dialog says who gets invitations, keeps focus inside and closes on Escape.
    const openButton = page.getByRole('button', { name: 'Öppna undersökningen' })
    await openButton.click()
    const openDialog = page.getByRole('dialog', { name: 'Öppna undersökningen?' })
    await openDialog.waitFor()
    assert((await openDialog.textContent()).includes('till 2 respondenter'), 'the dialog says how many are invited')
    assert((await focusedText(page)) === 'Avbryt', 'focus starts on Cancel')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    assert((await focusedText(page)) === 'Avbryt', 'Tab stays inside the dialog')
    await checkA11y(page, 'the open-round dialog')
    await screenshot(page, screenshotDir, 'rounds-open-dialog')
    await page.keyboard.press('Escape')
    await openDialog.waitFor({ state: 'hidden' })
    assert(await openButton.evaluate((el) => el === document.activeElement), 'focus returns to the button after Escape')
    await openButton.click()
    await openDialog.getByRole('button', { name: 'Öppna och skicka inbjudningar' }).click()
    await page.getByRole('status').filter({ hasText: 'Undersökningen är öppen.' }).waitFor()
    assert(await page.getByRole('heading', { name: 'Status och åtgärder' }).evaluate((el) => el === document.activeElement), 'focus moves to the status heading')
    await page.locator('#sending-text').filter({ hasText: '2 av 2 skickade' }).waitFor({ timeout: 20_000 })
    const hiddenRate = '2 inbjudna; svarsfrekvensen visas när minst 5 är tillagda'
    await page.getByText(hiddenRate).first().waitFor()

    // The respondent, on a phone: the link from the invitation, half the answers, a reload, the rest.
    const mail = await waitForMail(baseUrl, answerer)
    assert(mail.subject === 'Enkätby kommun: mät vår digitala mognad', `the invitation's subject (${mail.subject})`)
    const link = mail.links.find((l) => l.includes('/r/'))
    assert(link, 'the invitation carries the personal link')
    const r = phone.page
    await r.goto(link)
    await r.getByRole('link', { name: 'Börja svara' }).click()
    const answerPage = async () => {
      await r.locator('fieldset.question').first().waitFor()
      const questions = r.locator('fieldset.question')
      const n = await questions.count()
      for (let i = 0; i < n; i++) await questions.nth(i).getByRole('radio').nth(i % 6).check()
      await r.getByRole('status').filter({ hasText: 'Sparat' }).first().waitFor()
      return n
    }
    const firstPage = await answerPage()
    await checkFitsWidth(r, 'the respondent page on a phone')
    await screenshot(r, screenshotDir, 'rounds-respondent-phone')
    await r.goto(link)
    await r.getByText(`${firstPage} av 26 besvarade`).waitFor()
    let answered = firstPage
    for (;;) {
      answered += await answerPage()
      const next = r.getByRole('link', { name: /^(Nästa|Granska och skicka in)$/ })
      const toReview = (await next.textContent()).trim() === 'Granska och skicka in'
      await next.click()
      if (toReview) break
    }
    assert(answered === 26, `every statement of the short form answered (${answered})`)
    await r.getByText('Du har besvarat alla påståenden.').waitFor()
    await r.getByRole('button', { name: 'Skicka in mina svar' }).click()
    await r.getByRole('button', { name: 'Ja, skicka in' }).click()
    await r.getByRole('heading', { name: 'Tack för dina svar!' }).waitFor()
    r.checkClean()

    // The key user's page shows nothing that tells who answered: the person stays "invited", the
    // round is below k, and its groups are hidden, with the reason.
    await page.reload()
    await page.getByText(hiddenRate).first().waitFor()
    const answererRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: answerer }) })
    await answererRow.getByText('Inbjuden', { exact: true }).first().waitFor()
    assert(!(await answererRow.textContent()).includes('Har skickat in'), 'no per-person submitted status')
    await page.getByText('räknas om högst var tionde minut', { exact: false }).waitFor()
    const byRole = page.getByRole('table', { name: 'Deltagande per roll' })
    assert((await byRole.getByRole('row').filter({ hasText: 'Medarbetare' }).textContent()).includes('Dold för att skydda enskilda'), 'a group below k is hidden')
    const byUnit = page.getByRole('table', { name: 'Deltagande per enhet' })
    await byUnit.getByRole('rowheader', { name: 'Socialförvaltningen' }).waitFor()
    await checkA11y(page, 'the open round with participation')
    await screenshot(page, screenshotDir, 'rounds-participation')

    // While open only the name and the closing time can change; the invitation text follows.
    assert((await page.locator('input[name="form"]').count()) === 0, 'no form choice once open')
    await page.fill('#editName', 'Digital mognad 2026')
    await page.getByRole('button', { name: 'Spara ändringar' }).click()
    await page.getByRole('heading', { level: 1, name: 'Digital mognad 2026' }).waitFor()
    await invitation.getByText('"Digital mognad 2026"', { exact: false }).waitFor()

    // Reminders, then close for good: the results link appears.
    await page.getByRole('button', { name: 'Skicka påminnelser' }).click()
    const remindDialog = page.getByRole('dialog', { name: 'Skicka påminnelser?' })
    assert((await remindDialog.textContent()).includes('Var och en som inte har skickat in'), 'the reminder dialog says who is reminded, without counts below k')
    await remindDialog.getByRole('button', { name: 'Skicka påminnelser' }).click()
    await page.getByRole('status').filter({ hasText: 'En påminnelse skickas till 1 respondent.' }).waitFor()
    await page.getByRole('button', { name: 'Stäng undersökningen' }).click()
    const closeDialog = page.getByRole('dialog', { name: 'Stänga undersökningen?' })
    assert((await closeDialog.textContent()).includes('slutgiltig'), 'closing is said to be final')
    await closeDialog.getByRole('button', { name: 'Stäng slutgiltigt' }).click()
    const results = page.getByRole('link', { name: 'Visa resultaten' })
    await results.waitFor()
    assert((await results.getAttribute('href')) === `/o/${slug}/rounds/${roundId}/results`, 'the results link')
    await checkA11y(page, 'the closed round')

    // The list shows the round's participation; both pages fit 320 px.
    await page.getByRole('link', { name: 'Alla undersökningar' }).click()
    const listRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Digital mognad 2026' }) })
    await listRow.getByText(hiddenRate).waitFor()
    assert((await listRow.textContent()).includes('Stängd'), 'the list shows the status')
    await checkA11y(page, 'the rounds list')
    await page.setViewportSize({ width: 320, height: 800 })
    await checkFitsWidth(page, 'the rounds list')
    await screenshot(page, screenshotDir, 'rounds-list-320')
    await page.goto(`${baseUrl}/o/${slug}/rounds/${roundId}`)
    await page.getByRole('heading', { level: 1, name: 'Digital mognad 2026' }).waitFor()
    await page.getByText(hiddenRate).first().waitFor()
    await checkFitsWidth(page, 'the round page')
    await screenshot(page, screenshotDir, 'rounds-detail-320')
    await page.setViewportSize({ width: 1100, height: 900 })

    // A draft can be deleted (after a confirmation); the list no longer shows it.
    await page.getByRole('link', { name: 'Alla undersökningar' }).click()
    await page.fill('#roundName', 'Övningsutkast')
    await page.getByRole('button', { name: 'Skapa undersökning' }).click()
    await page.getByRole('heading', { level: 1, name: 'Övningsutkast' }).waitFor()
    await page.getByRole('button', { name: 'Ta bort utkastet' }).click()
    await page.getByRole('dialog', { name: 'Ta bort utkastet?' }).getByRole('button', { name: 'Ta bort' }).click()
    await page.waitForURL(new RegExp(`/o/${slug}/rounds$`))
    await page.getByRole('rowheader', { name: 'Digital mognad 2026' }).waitFor()
    assert((await page.getByRole('rowheader', { name: 'Övningsutkast' }).count()) === 0, 'the deleted draft is gone')
    page.checkClean()
  } finally {
    await context.close()
    await phone.context.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
