// Signs up an organisation through the UI, signs in with the mailed link, changes a setting and
// sees it survive a reload; checks the language switch and runs axe on every form page.
import { assert, checkA11y, checkFitsWidth, latestMail, openPage, orgNumber, screenshot, withWrongCheckDigit } from './helpers.mjs'

export default async function ({ baseUrl, browser, screenshotDir }) {
  const { context, page } = await openPage(browser)
  const email = `owner-${Date.now()}@kommun.example`
  const number = orgNumber()
  try {
    // Start page, and the language switch: sets <html lang> and is remembered over a reload.
    await page.goto(`${baseUrl}/`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    assert((await page.getAttribute('html', 'lang')) === 'sv', 'Swedish by default')
    await checkA11y(page, 'the start page')
    await page.getByRole('button', { name: 'In English' }).click()
    assert((await page.getAttribute('html', 'lang')) === 'en', 'lang="en" after the switch')
    await page.reload()
    await page.getByRole('button', { name: 'På svenska' }).waitFor()
    assert((await page.getAttribute('html', 'lang')) === 'en', 'English remembered after a reload')
    assert((await page.getByRole('heading', { level: 1 }).textContent()).includes('digital maturity'), 'English texts after a reload')
    await page.getByRole('button', { name: 'På svenska' }).click()
    assert((await page.getAttribute('html', 'lang')) === 'sv', 'back to Swedish')

    // Sign-up: a wrong check digit comes back from the API as a field error next to the field.
    await page.getByRole('main').getByRole('link', { name: 'Registrera organisation' }).click()
    await page.waitForURL(`${baseUrl}/sign-up`)
    await page.locator('#name').waitFor()
    await checkA11y(page, 'the sign-up page')
    await page.fill('#name', 'Testköpings kommun')
    await page.fill('#orgNumber', withWrongCheckDigit(number))
    await page.selectOption('#kind', 'municipality')
    await page.selectOption('#county', '05')
    await page.fill('#population', '41000')
    assert(!(await page.isChecked('#shareBenchmark')), 'the benchmark opt-in is unchecked by default')
    await page.fill('#ownerName', 'Testa Ägare')
    await page.fill('#ownerEmail', email)
    await page.getByRole('button', { name: 'Registrera', exact: true }).click()
    await page.locator('#orgNumber-error').waitFor()
    assert((await page.textContent('#orgNumber-error')).includes('Kontrollsiffran'), 'the check-digit message is shown by the field')
    assert((await page.getAttribute('#orgNumber', 'aria-invalid')) === 'true', 'the field is marked invalid')
    assert((await page.getAttribute('#orgNumber', 'aria-describedby')).includes('orgNumber-error'), 'the message describes the field')
    assert(await page.locator('.error-summary').evaluate((el) => el === document.activeElement), 'the error summary takes focus')
    await checkA11y(page, 'the sign-up page with errors')
    await screenshot(page, screenshotDir, 'sign-up-errors')

    await page.fill('#orgNumber', number)
    await page.getByRole('button', { name: 'Registrera', exact: true }).click()
    await page.getByRole('heading', { name: 'Kontrollera din e-post' }).waitFor()
    await screenshot(page, screenshotDir, 'sign-up-done')

    // The sign-in link from the developer outbox lands in the new organisation.
    const mail = await latestMail(baseUrl, email)
    const link = mail.links.find((l) => l.includes('/auth/verify?token='))
    assert(link, 'the mail carries a sign-in link')
    await page.goto(link)
    await page.waitForURL(/\/o\/testkopings-kommun$/)
    await page.getByRole('heading', { level: 1, name: 'Testköpings kommun' }).waitFor()
    assert(!page.url().includes('token='), 'the token is gone from the address')
    await screenshot(page, screenshotDir, 'org-overview')

    // Settings: change population and the benchmark opt-in, save, reload, still there.
    await page.getByRole('navigation', { name: 'Organisationens meny' }).getByRole('link', { name: 'Inställningar' }).click()
    await page.waitForURL(/\/o\/testkopings-kommun\/settings$/)
    await page.locator('#population').waitFor()
    assert(await page.getByRole('heading', { level: 1 }).evaluate((el) => el === document.activeElement), 'focus moves to the new page heading')
    await page.fill('#population', '42517')
    await page.check('#shareBenchmark')
    await page.getByRole('button', { name: 'Spara inställningar' }).click()
    await page.getByRole('status').filter({ hasText: 'Sparat.' }).waitFor()
    await page.reload()
    await page.locator('#population').waitFor()
    assert((await page.inputValue('#population')) === '42517', 'population saved')
    assert(await page.isChecked('#shareBenchmark'), 'share benchmark saved')
    await checkA11y(page, 'the settings page')
    await screenshot(page, screenshotDir, 'settings')

    // A bad threshold shows the API's message by the field.
    await page.fill('#anonymityThreshold', '2')
    await page.getByRole('button', { name: 'Spara inställningar' }).click()
    await page.locator('#anonymityThreshold-error').waitFor()
    await checkA11y(page, 'the settings page with errors')
    await page.fill('#anonymityThreshold', '5')

    // 320 px wide: nothing needs sideways scrolling.
    await page.setViewportSize({ width: 320, height: 800 })
    await page.reload()
    await page.locator('#population').waitFor()
    await checkFitsWidth(page, 'the settings page')
    await screenshot(page, screenshotDir, 'settings-320')
    await page.setViewportSize({ width: 1100, height: 900 })

    // Sign out, then the sign-in page: the same neutral answer for any address.
    await page.getByRole('button', { name: 'Logga ut' }).click()
    await page.waitForURL(`${baseUrl}/`)
    await page.getByRole('banner').getByRole('link', { name: 'Logga in' }).click()
    await page.locator('#email').waitFor()
    await checkA11y(page, 'the sign-in page')
    await page.fill('#email', 'nobody@example.org')
    await page.getByRole('button', { name: 'Skicka inloggningslänk' }).click()
    await page.getByRole('status').filter({ hasText: 'Om adressen hör till ett konto' }).waitFor()
    await screenshot(page, screenshotDir, 'sign-in')

    // A used link says so clearly.
    await page.goto(link)
    await page.getByRole('heading', { name: 'Länken fungerar inte' }).waitFor()
    await checkA11y(page, 'the failed sign-in page')
    page.checkClean()
  } finally {
    await context.close()
  }
}
