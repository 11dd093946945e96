import { join } from 'node:path'
// An owner manages the organisation: units (tree, rename, move, delete refused while it has
// children), members (invite, accepted by the invitee through her own link, the last-owner rule,
// remove) and API keys (secret shown once, revoke),
// signing in through the developer mailbox page; the API reference page renders without CSP errors.
import { assert, checkA11y, checkFitsWidth, openPage, orgNumber, screenshot } from './helpers.mjs'

async function signUpByApi(baseUrl, email) {
  const res = await fetch(`${baseUrl}/api/v1/signup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ organisation: { name: 'Förvaltningsregionen', orgNumber: orgNumber(), kind: 'region', county: '12' }, owner: { name: 'Olle Ägare', email } }),
  })
  assert(res.status === 201, `sign-up answered ${res.status}`)
  return (await res.json()).organisation.slug
}

export default async function ({ baseUrl, browser, screenshotDir }) {
  const email = `admin-${Date.now()}@region.example`
  const slug = await signUpByApi(baseUrl, email)
  const { context, page } = await openPage(browser)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl })
  try {
    // The developer mailbox lists the sign-in link; following it signs in.
    await page.goto(`${baseUrl}/dev/mail`)
    await page.fill('#to', email)
    await page.getByRole('button', { name: 'Visa meddelanden' }).click()
    const link = page.locator('.mail-list a[href*="/auth/verify?token="]').first()
    await link.waitFor()
    await checkA11y(page, 'the developer mailbox')
    await screenshot(page, screenshotDir, 'dev-mail')
    await link.click()
    await page.waitForURL(new RegExp(`/o/${slug}$`))
    const orgNav = page.getByRole('navigation', { name: 'Organisationens meny' })

    // Units: a small tree, renamed and moved in place.
    await orgNav.getByRole('link', { name: 'Enheter' }).click()
    await page.locator('#unitName').waitFor()
    const addUnit = async (name, parent) => {
      await page.fill('#unitName', name)
      await page.selectOption('#unitParent', parent ? { label: parent } : '')
      await page.getByRole('button', { name: 'Lägg till', exact: true }).click()
      await page.locator('.tree-name', { hasText: name }).waitFor()
    }
    await addUnit('Socialförvaltningen')
    await addUnit('Äldreomsorg', 'Socialförvaltningen')
    await addUnit('Skola')
    assert(await page.locator('.tree .tree .tree-name', { hasText: 'Äldreomsorg' }).isVisible(), 'a child unit is drawn below its parent')
    await page.getByRole('button', { name: 'Byt namn Skola' }).click()
    await page.fill('input[name="value"]', 'Utbildningsförvaltningen')
    await page.keyboard.press('Enter')
    await page.locator('.tree-name', { hasText: 'Utbildningsförvaltningen' }).waitFor()
    await page.getByRole('button', { name: 'Flytta Äldreomsorg' }).click()
    await page.selectOption('select[name="value"]', { label: 'Utbildningsförvaltningen' })
    await page.getByRole('button', { name: 'Spara' }).click()
    await page.getByRole('status').filter({ hasText: 'Äldreomsorg har flyttats.' }).waitFor()
    await page.getByRole('button', { name: 'Ta bort Utbildningsförvaltningen' }).click()
    await page.getByRole('dialog', { name: 'Ta bort enheten Utbildningsförvaltningen?' }).getByRole('button', { name: 'Ta bort' }).click()
    await page.locator('.error-summary', { hasText: 'underenheter' }).waitFor()
    await checkA11y(page, 'the units page')
    await screenshot(page, screenshotDir, 'units')

    // Members: invite one; she is pending until she accepts through her own link, in her own browser.
    const annaEmail = `anna-${Date.now()}@region.example`
    await orgNav.getByRole('link', { name: 'Medlemmar' }).click()
    await page.locator('#memberName').waitFor()
    await page.fill('#memberName', 'Anna Analytiker')
    await page.fill('#memberEmail', annaEmail)
    await page.getByRole('button', { name: 'Skicka inbjudan' }).click()
    await page.getByRole('row', { name: /Anna Analytiker/ }).getByText('Inbjuden, väntar på svar').waitFor()
    const ownerRow = page.getByRole('row', { name: /Olle Ägare/ })
    await ownerRow.getByRole('combobox').selectOption('admin')
    await ownerRow.getByRole('button', { name: /Ändra roll/ }).click()
    await page.locator('.error-summary', { hasText: 'minst en ägare' }).waitFor()
    await checkA11y(page, 'the members page')
    await screenshot(page, screenshotDir, 'members')

    const anna = await openPage(browser)
    try {
      await anna.page.goto(`${baseUrl}/dev/mail`)
      await anna.page.fill('#to', annaEmail)
      await anna.page.getByRole('button', { name: 'Visa meddelanden' }).click()
      const invitation = anna.page.locator('.mail-list a[href*="/invitations?token="]').first()
      await invitation.waitFor()
      await invitation.click()
      await anna.page.getByRole('heading', { level: 3, name: 'Förvaltningsregionen' }).waitFor()
      await checkA11y(anna.page, 'the invitations page')
      await screenshot(anna.page, screenshotDir, 'invitations')
      await anna.page.getByRole('button', { name: 'Tacka ja (Förvaltningsregionen)' }).click()
      await anna.page.getByRole('link', { name: 'Öppna Förvaltningsregionen' }).click()
      await anna.page.waitForURL(new RegExp(`/o/${slug}$`))
      anna.page.checkClean()
    } finally {
      await anna.context.close()
    }

    await page.reload()
    await page.getByRole('row', { name: /Anna Analytiker/ }).getByText('Medlem', { exact: true }).waitFor()
    await page.getByRole('button', { name: 'Ta bort Anna Analytiker' }).click()
    await page.getByRole('dialog', { name: 'Ta bort Anna Analytiker ur organisationen?' }).getByRole('button', { name: 'Ta bort' }).click()
    await page.getByRole('status').filter({ hasText: 'Anna Analytiker har tagits bort.' }).waitFor()

    // API keys: the secret is shown once, works as a bearer credential, and is revoked.
    await orgNav.getByRole('link', { name: 'API-nycklar' }).click()
    await page.locator('#keyName').waitFor()
    await page.fill('#keyName', 'Rapportverktyget')
    await page.getByRole('button', { name: 'Skapa nyckel' }).click()
    const secretField = page.locator('#new-secret')
    await secretField.waitFor()
    const secret = await secretField.inputValue()
    assert(secret.startsWith('mgd_'), 'the secret is shown')
    const withKey = await fetch(`${baseUrl}/api/v1/orgs/${slug}/units`, { headers: { Authorization: `Bearer ${secret}` } })
    assert(withKey.status === 200, `the new key reads units (${withKey.status})`)
    await page.getByRole('button', { name: 'Kopiera' }).click()
    await page.getByRole('status').filter({ hasText: 'Kopierad' }).waitFor()
    await checkA11y(page, 'the API keys page with a new secret')
    await screenshot(page, screenshotDir, 'api-keys')
    await page.getByRole('button', { name: 'Jag har sparat nyckeln' }).click()
    assert(!(await secretField.isVisible()), 'the secret is gone once dismissed')
    await page.getByRole('button', { name: 'Återkalla Rapportverktyget' }).click()
    await page.getByRole('dialog', { name: /Återkalla nyckeln Rapportverktyget\?/ }).getByRole('button', { name: 'Återkalla' }).click()
    await page.getByRole('status').filter({ hasText: 'återkallad' }).waitFor()
    const revoked = await fetch(`${baseUrl}/api/v1/orgs/${slug}/units`, { headers: { Authorization: `Bearer ${secret}` } })
    assert(revoked.status === 401, `a revoked key is refused (${revoked.status})`)

    // Narrow screens: the organisation pages fit 320 px (tables scroll inside their own region).
    await page.setViewportSize({ width: 320, height: 800 })
    for (const section of ['units', 'members', 'api-keys']) {
      await page.goto(`${baseUrl}/o/${slug}/${section}`)
      await page.getByRole('heading', { level: 1 }).waitFor()
      await page.locator('.loading').waitFor({ state: 'detached' })
      await checkFitsWidth(page, `the ${section} page`)
    }
    await screenshot(page, screenshotDir, 'members-320')
    await page.setViewportSize({ width: 1100, height: 900 })

    // The API reference renders the OpenAPI document under its CSP.
    await page.goto(`${baseUrl}/api/docs`)
    await page.locator('#postSignup').waitFor()
    await checkA11y(page, 'the API reference')
    // The reference is tens of thousands of pixels tall: the first screen is what a person sees.
    await page.screenshot({ path: join(screenshotDir, 'api-docs.png') })
    page.checkClean()
  } finally {
    await context.close()
  }
}
