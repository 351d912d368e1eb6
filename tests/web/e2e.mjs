// End-to-end tests of the practitioners' pages (issue 8), printed as TAP.
//
// Drives Debian's Chromium headless with playwright-core against a server
// that tests/web.t started (--demo --clock virtual --start 2026-01-05T09:00:00Z).
// The main walk runs with JavaScript disabled, which is how the pages must
// work; a second context with JavaScript on checks GOV.UK Frontend starts
// cleanly under the pages' content security policy. Screenshots of each page
// go to $SCREENSHOTS (build/screenshots).
//
// Env: CASEWORK_URL (http://127.0.0.1:PORT), SCREENSHOTS, CHROMIUM (/usr/bin/chromium).
import { chromium } from 'playwright-core'
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import http from 'node:http'

const base = process.env.CASEWORK_URL
const shots = process.env.SCREENSHOTS || 'build/screenshots'
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium'
mkdirSync(shots, { recursive: true })
for (const f of readdirSync(shots)) if (f.endsWith('.png')) rmSync(`${shots}/${f}`)

let n = 0
let failed = 0
function ok (cond, name, diag) {
  n++
  if (cond) {
    console.log(`ok ${n} - ${name}`)
  } else {
    failed++
    console.log(`not ok ${n} - ${name}`)
    if (diag !== undefined) console.log(String(diag).split('\n').map(l => `#   ${l}`).join('\n'))
  }
  return cond
}
function is (got, want, name) {
  return ok(got === want, name, `got: ${JSON.stringify(got)}\nexpected: ${JSON.stringify(want)}`)
}

async function shot (page, name, fullPage = true) {
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage })
}

// Accessibility checks every page must pass: a language, one h1, headings
// that never skip a level, a label for every visible form control, and a
// skip link as the first thing the keyboard reaches.
async function accessible (page, what) {
  const r = await page.evaluate(() => {
    const out = { problems: [] }
    if (!document.documentElement.lang) out.problems.push('no lang on <html>')
    const hs = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => Number(h.tagName[1]))
    if (hs.filter(l => l === 1).length !== 1) out.problems.push(`h1 count ${hs.filter(l => l === 1).length}`)
    for (let i = 1; i < hs.length; i++) if (hs[i] > hs[i - 1] + 1) out.problems.push(`heading h${hs[i - 1]} then h${hs[i]}`)
    for (const el of document.querySelectorAll('input, select, textarea')) {
      if (el.type === 'hidden') continue
      const label = el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`)
      if (!label || !label.textContent.trim()) out.problems.push(`no label for ${el.name || el.id}`)
    }
    return out
  })
  ok(r.problems.length === 0, `${what}: accessible structure (lang, headings in order, labels)`, r.problems.join('\n'))
}

async function signInDemo (page, label) {
  await page.goto(`${base}/app/sign-in`)
  await page.getByLabel(label, { exact: true }).check()
  await page.getByRole('button', { name: 'Sign in as this demo user' }).click()
  await page.waitForURL(`${base}/app`)
}

async function signOut (page) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.waitForURL(/\/app\/sign-in/)
}

async function openAction (page, title) {
  const d = page.locator('details.app-action', { has: page.getByText(title, { exact: true }) })
  await d.locator('summary').click()
  return d
}

async function dateInto (scope, legend, day, month, year) {
  const g = scope.getByRole('group', { name: legend })
  await g.getByLabel('Day').fill(String(day))
  await g.getByLabel('Month').fill(String(month))
  await g.getByLabel('Year').fill(String(year))
}

// The JSON API with a Bearer token (what a council's portal calls); dies on anything but 2xx.
async function api (method, path, token, body) {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const text = await r.text()
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`)
  return JSON.parse(text)
}

// A GET with the path exactly as given (no URL normalisation, unlike a browser).
function rawGet (path) {
  const u = new URL(base)
  return new Promise((resolve, reject) => {
    http.get({ host: u.hostname, port: u.port, path }, r => {
      const chunks = []
      r.on('data', c => chunks.push(c))
      r.on('end', () => resolve({ status: r.statusCode, type: r.headers['content-type'], body: Buffer.concat(chunks) }))
    }).on('error', reject)
  })
}

// --- assets: served with their types, and nothing outside the assets directory ---------------
{
  let r = await rawGet('/assets/govuk-frontend.min.css')
  ok(r.status === 200 && /^text\/css/.test(r.type), 'assets: the GOV.UK CSS', `${r.status} ${r.type}`)
  const font = 'bold-b542beb274-v2.woff2'
  r = await rawGet(`/assets/fonts/${font}`)
  ok(r.status === 200 && r.type === 'font/woff2' &&
    r.body.length === statSync(`${process.env.CASEWORK_ASSETS || 'build/assets'}/fonts/${font}`).size,
  'assets: a font, byte for byte', `${r.status} ${r.type} ${r.body.length}`)
  for (const p of ['/assets/../Makefile', '/assets/../../etc/passwd', '/assets/%2e%2e/Makefile',
    '/assets/fonts/..%2f..%2fMakefile', '/assets/.hidden.css', '/assets/graphs/x.lua', '/assets/fonts']) {
    r = await rawGet(p)
    ok(r.status === 404 && !/casework/.test(r.body.toString()), `assets: ${p} is 404`, r.status)
  }
  r = await rawGet('/app/no-such-page')
  ok(r.status === 404 && /text\/html/.test(r.type) && /Page not found/.test(r.body.toString()), 'an unknown page is an HTML 404')
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
})
let page
try {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 } })
  page = await context.newPage()
  const dialogs = []
  page.on('dialog', d => { dialogs.push(d.message()); d.dismiss() })

  // --- sign in -------------------------------------------------------------------------
  let res = await page.goto(`${base}/app`)
  ok(page.url().endsWith('/app/sign-in'), 'signed out: /app redirects to sign in')
  await shot(page, '01-sign-in')
  await accessible(page, 'sign in')
  await page.keyboard.press('Tab')
  is(await page.evaluate(() => document.activeElement && document.activeElement.textContent), 'Skip to main content',
    'keyboard: the first Tab reaches the skip link')
  const css = await page.evaluate(() => getComputedStyle(document.querySelector('.govuk-heading-xl')).fontWeight)
  is(css, '700', 'GOV.UK Frontend CSS is served and applied')

  await page.getByLabel('Your API token').fill('not-a-token')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  ok(await page.locator('.govuk-error-summary').isVisible(), 'a wrong token shows the error summary')
  ok((await page.title()).startsWith('Error: '), 'error pages say so in the title')
  await shot(page, '02-sign-in-error')

  // The duty manager may not open a Family Wellbeing contact: MASH does (L197).
  await page.getByLabel('Your API token').fill('demo-bexley-duty-manager')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.waitForURL(`${base}/app`)
  ok(await page.getByText('Signed in as Dana Duty').isVisible(), 'signed in with a token as the Bexley duty manager')
  const cookies = await context.cookies()
  const sc = cookies.find(c => c.name === 'casework_session')
  ok(sc && sc.httpOnly && sc.sameSite === 'Strict', 'session cookie is HttpOnly and SameSite=Strict')
  const hours = sc ? (sc.expires - Date.now() / 1000) / 3600 : 0
  ok(hours > 7.9 && hours <= 8.01, 'session cookie expires in 8 hours', hours)
  await page.goto(`${base}/app/open`)
  ok(await page.getByText('Opened by: Mash practitioner, Csc social worker (not you)').isVisible(),
    'open a referral: the duty manager is told who opens a Family Wellbeing contact')
  await shot(page, '03-open-choose')
  await signOut(page)
  ok(await page.getByText('You have signed out.').isVisible(), 'sign out')
  res = await page.goto(`${base}/app`)
  ok(page.url().endsWith('/app/sign-in'), 'after sign out the session is gone')

  // --- open a referral (MASH practitioner) ---------------------------------------------------
  await signInDemo(page, 'Morgan Mash (Mash practitioner)')
  await page.getByRole('link', { name: 'Open a referral' }).click()
  await page.getByRole('link', { name: 'Family Wellbeing Service episode' }).click()
  await accessible(page, 'open a referral')
  await page.getByRole('button', { name: 'Open the referral' }).click()
  ok(await page.locator('.govuk-error-summary').isVisible(), 'open: empty required fields show the error summary')
  const summary = await page.locator('.govuk-error-summary__list').innerText()
  ok(/Enter Referrer/.test(summary) && /Select Route/.test(summary), 'open: every missing required field is listed', summary)
  ok(await page.locator('#data-referrer-error').isVisible(), 'open: the error is shown next to the field')
  await shot(page, '04-open-errors')
  await page.getByLabel(/Referrer \(name\/organisation\)/).fill('Police <script>alert(1)</script>')
  await page.getByRole('group', { name: /^Route/ }).getByLabel('Professional referral').check()
  await page.getByRole('group', { name: /^Explicit written consent/ }).getByLabel('Yes').check()
  const m1 = page.getByRole('group', { name: 'Family member 1' })
  await m1.getByLabel('Full name').fill('Ada Lovelace')
  await m1.getByLabel('Child').check()
  await page.getByRole('button', { name: 'Open the referral' }).click()
  const dobError = page.locator('#m1-dob-error')
  ok(await dobError.isVisible() && /every child needs one/.test(await dobError.innerText()),
    "open: the engine's refusal (a child without a date of birth) is shown next to the member's field")
  ok(await page.getByLabel(/Referrer \(name\/organisation\)/).inputValue() === 'Police <script>alert(1)</script>',
    'open: what was typed is kept when the form comes back')
  await dateInto(page.getByRole('group', { name: 'Family member 1' }), /Date of birth/, 10, 12, 2015)
  await page.getByRole('button', { name: 'Open the referral' }).click()
  await page.waitForURL(/\/app\/cases\/1\?done=opened/)
  ok(await page.getByRole('heading', { name: 'Case 1: Ada Lovelace' }).isVisible(), 'the referral opened as case 1')
  ok((await page.content()).includes('Police &lt;script&gt;alert(1)&lt;/script&gt;') && dialogs.length === 0,
    'what a user typed is escaped, never run')
  const d1 = await openAction(page, 'MASH option c: to the FWS referral inbox')
  await d1.getByRole('button', { name: 'MASH option c: to the FWS referral inbox' }).click()
  await page.waitForURL(/done=mash_route_to_fws/)
  ok(await page.getByText('In the FWS referral inbox').first().isVisible(), 'routed to the FWS referral inbox')
  await signOut(page)

  // --- accept and allocate (duty manager) -------------------------------------------------
  await signInDemo(page, 'Dana Duty (Duty manager)')
  await page.getByLabel('Cases').selectOption('all')
  await page.getByRole('button', { name: 'Apply filters' }).click()
  ok(await page.getByRole('link', { name: 'Case 1' }).isVisible(), 'caseload: all open cases shows case 1')
  await shot(page, '05-caseload-manager')
  await page.getByRole('link', { name: 'Case 1' }).click()
  let d = await openAction(page, "Duty manager accepts: FW 'Referral' and wellbeing episode on E.H.M.")
  await d.getByLabel(/Qualifying factors/).fill('domestic_abuse')
  await d.getByRole('group', { name: /Need sits at tier three/ }).getByLabel('Yes').check()
  await d.getByRole('group', { name: /Not assessed 'in need'/ }).getByLabel('No').check()
  await d.getByRole('button').click()
  ok(await page.locator('#refusal').isVisible(), 'a guard refuses the acceptance')
  const refusal = await page.locator('#refusal').innerText()
  ok(/L191/.test(refusal) && /Children's Social Care/.test(refusal) && /Guard failed/.test(refusal),
    'the refusal shows the rule and its procedure line', refusal)
  ok(await page.locator('.govuk-error-summary a[href="#refusal"]').isVisible(), 'the refusal is in the error summary')
  await shot(page, '06-refusal')
  await page.getByRole('group', { name: /Not assessed 'in need'/ }).getByLabel('Yes').check()
  await page.getByRole('button', { name: "Duty manager accepts: FW 'Referral' and wellbeing episode on E.H.M." }).click()
  await page.waitForURL(/done=accept_referral/)
  ok(await page.getByText('Done: Duty manager accepts').isVisible(), 'accepted')

  d = await openAction(page, 'Allocate a key worker and record the case allocation note')
  await d.getByRole('button').click()
  ok(await page.locator('.govuk-error-summary').isVisible(), 'allocation with nothing filled in: error summary')
  const errs = await page.locator('.govuk-error-summary__list li').count()
  ok(errs >= 8, 'every required field of the allocation is listed at once', errs)
  await shot(page, '07-allocate-errors')
  await page.getByLabel('Key worker (required)').selectOption({ label: 'Kim Keyworker (north)' })
  await page.getByLabel(/Number of children/).fill('1')
  await page.getByLabel(/Summary of need/).fill('Domestic abuse; school attendance')
  await page.getByLabel(/Signs of Wellbeing scaling/).fill('4')
  await dateInto(page, /\(a\) initial conversation/, 9, 1, 2026)
  await dateInto(page, /\(b\) completion of the wellbeing assessment/, 2, 2, 2026)
  await dateInto(page, /\(c\) first family planning meeting/, 9, 2, 2026)
  await dateInto(page, /\(d\) 3 month case review/, 5, 4, 2026)
  await page.getByRole('button', { name: 'Allocate a key worker and record the case allocation note' }).click()
  await page.waitForURL(/done=allocate_key_worker/)
  ok(await page.getByText('Kim Keyworker').first().isVisible(), 'allocated to Kim Keyworker')
  await signOut(page)

  // --- the key worker sees the case with its due dates ---------------------------------------
  await page.goto(`${base}/app/sign-in`)
  await page.getByLabel('Your API token').fill('demo-bexley-key-worker')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.waitForURL(`${base}/app`)
  const row = page.locator('tr', { has: page.getByRole('link', { name: 'Case 1' }) })
  ok(await row.isVisible(), 'the key worker\'s caseload has case 1')
  ok(/Thu 8 Jan 2026/.test(await row.innerText()), 'caseload: next due date shown (first contact, 3 days: Thu 8 Jan)', await row.innerText())
  await shot(page, '08-caseload-key-worker')
  await accessible(page, 'caseload')
  await page.getByRole('link', { name: 'Case 1' }).click()
  const t07 = page.locator('.app-timescales tr', { hasText: 'Introductory visit (5 days of allocation' })
  ok(/Sat 10 Jan 2026/.test(await t07.innerText()), 'case: the introductory visit is due Sat 10 Jan 2026 (5 days)', await t07.innerText())
  const t08 = page.locator('.app-timescales tr', { hasText: 'Introductory visit (5 working days of the referral date)' })
  ok(/Mon 12 Jan 2026/.test(await t08.innerText()), 'case: 5 working days of the referral: Mon 12 Jan 2026', await t08.innerText())
  await t08.getByText('Why this date').click()
  const why = await t08.locator('.govuk-details__text').innerText()
  ok(/Within 5 working days \(procedure line L605\)/.test(why) && /Duty manager accepts/.test(why),
    "case: 'why this date' gives the rule, its line and the anchor", why)
  ok(await page.getByRole('heading', { name: 'Chronology' }).isVisible(), 'case: chronology shown')
  await accessible(page, 'case')
  await shot(page, '09-case-key-worker')
  await page.getByRole('link', { name: 'Case note', exact: true }).click()
  await page.getByRole('button', { name: 'Add this record' }).click()
  ok(/Enter Visit type/.test(await page.locator('.govuk-error-summary').innerText()), 'record: a required field left empty')
  await page.getByLabel(/Visit type/).fill('Home visit')
  await page.getByRole('group', { name: /Child\/ren seen alone/ }).getByLabel('Yes').check()
  await page.getByRole('button', { name: 'Add this record' }).click()
  await page.waitForURL(/done=add_record/)
  ok(await page.locator('.govuk-summary-card', { hasText: 'Case note' }).getByText('Home visit').isVisible(), 'record: a case note added')

  // --- move the virtual clock -----------------------------------------------------------------
  await page.getByRole('link', { name: 'Virtual clock' }).click()
  await page.getByLabel('Move the clock to').fill('2026-01-12')
  await page.getByRole('button', { name: 'Move the clock' }).click()
  await page.waitForURL(/moved=/)
  ok(/The clock moved; [1-9]\d* timescale/.test(await page.locator('.govuk-notification-banner').innerText()),
    'the clock moved and timescales breached on the way')
  await shot(page, '10-clock')
  await page.goto(`${base}/app/cases/1`)
  ok(/Overdue/.test(await page.locator('.app-timescales tr', { hasText: 'Introductory visit (5 days of allocation' }).innerText()),
    'case: the 5-day introductory visit is now overdue')
  await signOut(page)

  // --- the manager's team overdue page shows the breach in red ---------------------------------
  await signInDemo(page, 'Dana Duty (Duty manager)')
  await page.getByRole('link', { name: 'Team overdue' }).click()
  await page.getByLabel('Team').selectOption('north')
  await page.getByRole('button', { name: 'Show team' }).click()
  ok(await page.getByRole('heading', { name: 'Kim Keyworker' }).isVisible(), 'team overdue: grouped by worker')
  const breach = page.locator('tr', { hasText: 'Introductory visit (5 days of allocation' })
  const tag = breach.locator('.govuk-tag')
  is(await tag.innerText(), 'Overdue', 'team overdue: the breach says Overdue in words')
  const colour = await tag.evaluate(el => getComputedStyle(el).color + ' ' + getComputedStyle(el).backgroundColor)
  ok(/govuk-tag--red/.test(await tag.getAttribute('class')) && /rgb\((\d+), (\d+), (\d+)\)/.test(colour) &&
    (() => { const [r, g, b] = colour.match(/\d+/g).map(Number); return r > g + 40 && r > b + 40 })(),
    'team overdue: and in red', colour)
  await accessible(page, 'team overdue')
  await shot(page, '11-team-overdue')

  // --- team overdue in pages: 55 more referrals, each with clocks due within days ----------------
  // Opened over the API (as a MASH practitioner would from the council's portal) and routed to
  // the FWS inbox, where the allocation clocks start (L205, L233).
  for (let i = 0; i < 55; i++) {
    const c = await api('POST', '/cases', 'demo-bexley-mash-practitioner', {
      workflow: 'family_wellbeing',
      data: { referrer: `School ${i}`, referral_route: 'professional_referral', written_consent: true },
      members: [{ id: 'c', name: `Child ${i}`, role: 'child', dob: '2016-05-01' }]
    })
    await api('POST', `/cases/${c.id}/actions/mash_route_to_fws`, 'demo-bexley-mash-practitioner', {})
  }
  const seen = []
  let pages = 0
  let dues = []
  await page.goto(`${base}/app/overdue?team=all`)
  for (;;) {
    pages++
    const rows = await page.locator('table.govuk-table tbody tr').evaluateAll(trs => trs.map(tr => tr.innerText.replace(/\s+/g, ' ').trim()))
    seen.push(...rows)
    dues.push(rows.length)
    const next = page.getByRole('link', { name: 'Next page' })
    if (await next.count() === 0) break
    if (pages === 1) {
      ok(rows.length === 50, 'team overdue: a page holds 50 timescales', rows.length)
      await accessible(page, 'team overdue, paged')
    }
    await next.click()
    await page.waitForURL(/after=/)
    if (pages === 1) ok(await page.getByText('Page 2', { exact: true }).isVisible(), 'team overdue: the second page says so')
  }
  ok(pages >= 3 && new Set(seen).size === seen.length, 'team overdue: every page holds other timescales than the pages before',
    `pages ${pages}, rows ${dues.join(' + ')}, ${seen.length - new Set(seen).size} repeated`)
  // The same list over the API: breached, and pending due by the end of the fifth working day
  // (Mon 12 Jan 2026 + 5 working days = Mon 19 Jan).
  const listed = []
  for (let after = null; ;) {
    const r = await api('GET', `/timescales?due_before=2026-01-20T00:00:00Z&limit=500${after ? `&after=${after}` : ''}`, 'demo-bexley-duty-manager')
    listed.push(...r.timescales)
    if (!(after = r.next)) break
  }
  const pageCases = seen.map(r => Number(r.match(/^Case (\d+)/)[1])).sort((a, b) => a - b)
  const apiCases = listed.map(t => t.case_id).sort((a, b) => a - b)
  ok(seen.length > 100 && JSON.stringify(pageCases) === JSON.stringify(apiCases),
    'team overdue: the pages together list the cases GET /timescales lists, each as often',
    `pages ${seen.length} rows, API ${listed.length}`)
  await page.getByRole('link', { name: 'First page' }).click()
  ok(!/after=/.test(page.url()) && await page.getByRole('link', { name: 'Next page' }).count() === 1,
    'team overdue: back to the first page')
  await shot(page, '11b-team-overdue-paged')

  // --- a caseload past 500 says that it shows only the first 500 ----------------------------------
  for (let i = 0; i < 450; i += 15) {
    await Promise.all([...Array(15).keys()].map(k => api('POST', '/cases', 'demo-bexley-mash-practitioner', {
      workflow: 'family_wellbeing',
      data: { referrer: `Surgery ${i + k}`, referral_route: 'professional_referral', written_consent: true },
      members: [{ id: 'c', name: `Child ${i + k}`, role: 'child', dob: '2016-05-01' }]
    })))
  }
  await page.goto(`${base}/app?show=all`)
  ok(/More than 500 open cases match/.test(await page.locator('.govuk-inset-text').innerText()) &&
    /^The first 500 open cases$/.test(await page.locator('caption').first().innerText()) &&
    await page.locator('table.app-caseload tbody tr').count() === 500,
  'caseload: more than 500 open cases are said to be more, and 500 are shown')

  // --- auditor: replay, verification -------------------------------------------------------------
  await page.goto(`${base}/app/cases/1/audit`)
  ok(await page.getByText('Intact').isVisible() && await page.getByText('Matches the store').isVisible(),
    'audit: the hash chain is intact and the replay matches')
  await dateInto(page, /The case as at a date/, 5, 1, 2026)
  await page.getByRole('button', { name: 'Replay as at this date' }).click()
  ok(await page.getByRole('heading', { name: 'As at the end of Mon 5 Jan 2026' }).isVisible(), 'audit: replay as at a date')
  ok(await page.getByText('Who viewed a record is shown to auditors').isVisible(), 'audit: reads are for auditors only, as in the API')
  await accessible(page, 'audit')
  await shot(page, '12-audit')

  // --- workflow: the graph and the timescales -------------------------------------------------------
  await page.goto(`${base}/app/workflows/family_wellbeing`)
  const img = page.locator('.app-graph img')
  ok(await img.count() === 1 && await img.evaluate(i => i.complete && i.naturalWidth > 0), 'workflow: the process graph (SVG) loads')
  ok(/L233/.test(await page.locator('table').first().innerText()), 'workflow: timescales listed with their procedure lines')
  await accessible(page, 'workflow')
  await shot(page, '13-workflow', false)

  // --- CSRF ---------------------------------------------------------------------------------------
  res = await page.request.post(`${base}/app/clock`, { form: { until: '2026-02-01' } })
  is(res.status(), 403, 'a form post without the CSRF token is refused')
  res = await page.request.post(`${base}/app/clock`, { form: { until: '2026-02-01', csrf: 'f'.repeat(64) } })
  is(res.status(), 403, 'a form post with a wrong CSRF token is refused')
  await signOut(page)

  // --- tenancy: a Durham user cannot reach the Bexley case ------------------------------------------
  await signInDemo(page, 'Erin Triage (Ehtw)')
  for (const path of ['/app/cases/1', '/app/cases/1/audit', '/app/cases/1/actions/allocate_key_worker', '/app/cases/1/records/case_note']) {
    res = await page.goto(`${base}${path}`)
    is(res.status(), 404, `durham: ${path} is 404, as in the API`)
  }
  ok(await page.getByRole('heading', { name: 'Page not found' }).isVisible(), 'durham: the 404 page says page not found')
  await shot(page, '14-durham-404')
  await page.goto(`${base}/app?show=all`)
  ok(!(await page.content()).includes('Ada Lovelace'), 'durham: the caseload has no Bexley family')
  res = await page.goto(`${base}/app/workflows/family_wellbeing`)
  is(res.status(), 404, 'durham: Bexley workflow page is 404')
  await signOut(page)

  // --- an auditor sees who viewed a record ------------------------------------------------------------
  ok(/^[0-9a-f]{64}$/.test(process.env.AUDITOR_TOKEN || ''), 'casework user add made an auditor with a token')
  await page.goto(`${base}/app/sign-in`)
  await page.getByLabel('Your API token').fill(process.env.AUDITOR_TOKEN || '')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.waitForURL(`${base}/app`)
  ok(await page.getByText('Signed in as Alex Auditor').isVisible(), 'the Bristol auditor signs in with a token')
  res = await page.goto(`${base}/app/cases/1`)
  is(res.status(), 404, 'bristol auditor: the Bexley case is 404')
  await page.goto(`${base}/app/open?workflow=case_audit`)
  await page.getByLabel(/EHM case audited/).fill('EHM 4471')
  await page.getByRole('group', { name: /Worker type/ }).getByLabel('Keyworker').check()
  await page.getByRole('button', { name: 'Open the referral' }).click()
  await page.waitForURL(/\/app\/cases\/\d+\?done=opened/)
  const audited = page.url().match(/\/app\/cases\/(\d+)/)[1]   // after the Bexley cases (case 1 and the paged ones)
  await page.goto(`${base}/app/cases/${audited}`)
  await page.getByRole('link', { name: 'Replay and verify this case (audit)' }).click()
  const reads = await page.getByRole('table', { name: 'Reads of the case' }).innerText()
  ok(/Alex Auditor/.test(reads), 'audit: who viewed the record, for an auditor', reads)
  await shot(page, '15-audit-auditor')
  await context.close()

  // --- with JavaScript on: GOV.UK Frontend starts under the content security policy ------------------
  const js = await browser.newContext({ viewport: { width: 1100, height: 900 } })
  const jp = await js.newPage()
  const errors = []
  jp.on('pageerror', e => errors.push(e.message))
  jp.on('console', m => { if (m.type() === 'error') errors.push(m.text()) })
  await signInDemo(jp, 'Kim Keyworker (Key worker)')
  await jp.goto(`${base}/app/cases/1`)
  ok(await jp.evaluate(() => document.body.classList.contains('govuk-frontend-supported')), 'javascript: GOV.UK Frontend initialised')
  ok(errors.length === 0, 'javascript: no errors or CSP violations', errors.join('\n'))
  await js.close()
} catch (e) {
  ok(false, 'the walk-through ran to the end', e.stack || e)
  if (page) await shot(page, '99-failure').catch(() => {})
} finally {
  await browser.close()
}
console.log(`1..${n}`)
process.exit(failed ? 1 : 0)
