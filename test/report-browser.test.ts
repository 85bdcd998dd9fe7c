// The build report opened in real Chromium (Debian's, through
// playwright-core), from disk and with no network, as a desk opens it: the
// index lists every article and sorts and filters them; an article page
// shows the headline, the struck boilerplate and each message at its line;
// no page has a script error or asks the network for anything; hostile
// article text shows as text and never runs; pages do not overflow a
// phone's width with long words, right-to-left or CJK text. Screenshots of
// the index and of an article page are kept in `.test-artifacts/report/`.
import {cp, mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {launchChromium} from './helpers/chromium.js'
import {runCliIn} from './helpers/run-cli.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const artifacts = path.join(root, '.test-artifacts', 'report')

// Every way out of a text node the report could be tricked into: a
// `<script>` closed and reopened, an event handler, a comment, CDATA's end.
const hostile = `Council votes </script><script>window.__pwned = 1</script> on <img src=x onerror="window.__pwned = 2"> budget

By Nadia Brook & Oskar <b onmouseover="window.__pwned = 3">Lind</b>

HALDEN, March 4 (Reuters) - The council voted on Tuesday to adopt a budget that critics called "a ]]> moment" &amp; more </script foo>.

One member typed <!--<script>window.__pwned = 4</script> into the minutes, and another wrote &lt;b&gt;bold&lt;/b&gt;, then left.

<style>body { display: none }</style> The vote was 12 to 3.
`

const hostileMeta = {
  url: 'https://gazette.example/news/council-budget?a=1&b=2',
  datePublished: '2024-03-04T12:00:00+01:00',
  section: 'News </script><script>window.__pwned = 5</script>',
  keywords: ['budget', '</script><!--'],
  images: [
    {
      url: 'https://gazette.example/img/council.jpg?w=1200&h=800',
      width: 1200,
      height: 800,
      caption: 'The chamber </script> at night'
    }
  ]
}

// Long words, right-to-left and CJK text, which must wrap, not widen.
const scripts = `مجلس المدينة يوافق على ميزانية جديدة للعام المقبل

بقلم ليلى حداد

بيروت — وافق مجلس المدينة يوم الثلاثاء على ميزانية جديدة تشمل تمويل النقل العام والمدارس.

東京都議会は火曜日、新しい予算案を賛成多数で可決した。予算には公共交通機関と学校への資金が含まれている。

Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstaltsdirektorinnenstellvertreterin said https://example.org/a/very/long/path/that/never/breaks/anywhere/at/all/unless/the/page/lets/it/break was the address.
`

/**
 * A function for `evaluate` that reads a computed style in the page (as
 * text: the tests are type-checked without the DOM's types).
 */
function styleOf(property: string) {
  return new Function(
    'element',
    `return getComputedStyle(element)[${JSON.stringify(property)}]`
  ) as (element: unknown) => string
}

let project: string
let browser: Browser
const problems: string[] = []

/** Open a report page from disk, recording every error and network request. */
async function open(
  relative: string,
  viewport = {width: 1280, height: 900}
): Promise<Page> {
  const page = await browser.newPage({viewport})
  const where = relative
  page.on('pageerror', (error) => problems.push(`${where}: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`${where}: console ${message.type()}: ${message.text()}`)
    }
  })
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) {
      problems.push(`${where}: request to ${request.url()}`)
    }
  })
  page.on('dialog', async (dialog) => {
    problems.push(`${where}: dialog ${dialog.message()}`)
    await dialog.dismiss()
  })
  const url = pathToFileURL(path.join(project, 'output', relative)).href
  const response = await page.goto(url)
  expect(response?.ok() ?? true).toBe(true)
  return page
}

beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'copydesk-report-browser-'))
  await cp(path.join(root, 'input'), path.join(project, 'input'), {
    recursive: true
  })
  await cp(
    path.join(root, 'copydesk.config.json'),
    path.join(project, 'copydesk.config.json')
  )
  await mkdir(path.join(project, 'input', 'hostile'), {recursive: true})
  await writeFile(
    path.join(project, 'input', 'hostile', 'council.txt'),
    hostile
  )
  await writeFile(
    path.join(project, 'input', 'hostile', 'council.meta.json'),
    JSON.stringify(hostileMeta, null, 2)
  )
  await mkdir(path.join(project, 'input', 'world'), {recursive: true})
  await writeFile(path.join(project, 'input', 'world', 'scripts.txt'), scripts)
  // An article that fails: listed, with its error, and no page.
  await writeFile(path.join(project, 'input', 'empty.txt'), '\n\n')
  const result = await runCliIn(project, ['build', '--report', '-j', '1'])
  expect(result.stderr).toContain('missing-headline')
  expect(result.code, result.stderr).toBe(1)
  browser = await launchChromium()
  await mkdir(artifacts, {recursive: true})
}, 60_000)

afterAll(async () => {
  await browser?.close()
  if (project) await rm(project, {recursive: true, force: true})
})

describe('the report in Chromium', () => {
  it('lists every article of the build on the index, sorts and filters them', async () => {
    const page = await open('report/index.html')
    const rows = page.locator('#articles-table tbody tr')
    expect(await rows.count()).toBe(5)
    const paths = await page
      .locator('#articles-table tbody .path')
      .allTextContents()
    expect(paths).toEqual([
      'input/empty.txt',
      'input/harbour-ferries-return.txt',
      'input/hostile/council.txt',
      'input/korea-russia-ties-hit-new-low.txt',
      'input/world/scripts.txt'
    ])
    // Every headline links to its page, which exists.
    const links = await page
      .locator('#articles-table tbody th a')
      .evaluateAll((anchors) =>
        anchors.map((anchor) => (anchor as unknown as {href: string}).href)
      )
    expect(links).toHaveLength(4)
    for (const link of links) {
      expect(await readFile(fileURLToPath(link), 'utf8')).toContain(
        '<!doctype html>'
      )
    }
    // The article that failed: its error, and no page to link to.
    const failed = rows.filter({hasText: 'input/empty.txt'})
    expect(await failed.getAttribute('class')).toBe('failed')
    expect(await failed.locator('th a').count()).toBe(0)
    expect(
      await failed.locator('.message[data-rule="missing-headline"]').count()
    ).toBe(1)
    // The harbour story is dated and has a URL: in every feed and the sitemap.
    const harbour = rows.filter({hasText: 'input/harbour-ferries-return.txt'})
    expect(
      await harbour
        .locator('td.yes')
        .evaluateAll((cells) =>
          cells.map((cell) => cell.getAttribute('data-label'))
        )
    ).toEqual(['Atom', 'RSS', 'JSON Feed', 'News sitemap'])

    // The script brings the filters: by rule, by level, by folder.
    await expect.poll(() => page.locator('#filters').isVisible()).toBe(true)
    await page.selectOption('#filter-rule', 'missing-date')
    expect(await page.locator('#shown').textContent()).toBe(
      '2 of 5 articles shown'
    )
    expect(
      await page
        .locator('#articles-table tbody tr:visible .path')
        .allTextContents()
    ).toEqual([
      'input/korea-russia-ties-hit-new-low.txt',
      'input/world/scripts.txt'
    ])
    await page.selectOption('#filter-rule', '')
    await page.selectOption('#filter-folder', 'hostile')
    expect(await page.locator('#shown').textContent()).toBe(
      '1 of 5 articles shown'
    )
    await page.selectOption('#filter-folder', '')
    await page.selectOption('#filter-level', 'info')
    expect(await page.locator('#shown').textContent()).toBe(
      '1 of 5 articles shown'
    )
    await page.selectOption('#filter-level', '')

    // Sorting by words, from the keyboard: focus the button, press Enter.
    const words = page.getByRole('button', {name: 'Words'})
    await words.focus()
    await page.keyboard.press('Enter')
    expect(
      await page
        .locator('th:has(button:text-is("Words"))')
        .getAttribute('aria-sort')
    ).toBe('ascending')
    const counts = await page
      .locator('#articles-table tbody td[data-label="Words"]')
      .allTextContents()
    const numbers = counts.map((count) => Number(count.replace(/,/g, '')))
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b))

    await page.screenshot({
      path: path.join(artifacts, 'index.png'),
      fullPage: true
    })
    await page.close()
  })

  it('shows an article: headline, lines struck and set aside, messages at their lines', async () => {
    const page = await open(
      'report/articles/korea-russia-ties-hit-new-low.html'
    )
    expect(await page.locator('h1').textContent()).toBe(
      'S. Korea-Russia ties hit new low following minister’s remarks'
    )
    const line = (number: number) => page.locator(`#L${number}`)
    expect(await line(1).getAttribute('data-role')).toBe('masthead')
    expect(await line(3).getAttribute('data-role')).toBe('headline')
    expect(await line(5).getAttribute('data-role')).toBe('byline')
    expect(await line(7).getAttribute('data-role')).toBe('body')
    // The PressReader footer: struck through, with the rule that dropped it.
    for (const number of [27, 29]) {
      expect(await line(number).getAttribute('data-role')).toBe('dropped')
      expect(await line(number).locator('del').count()).toBe(1)
      expect(
        await line(number)
          .locator('del')
          .evaluate(styleOf('textDecorationLine'))
      ).toContain('line-through')
      expect(await line(number).locator('.what').textContent()).toBe(
        'dropped: page leftover'
      )
      expect(
        await line(number).locator('.message[data-rule="leftover"]').count()
      ).toBe(1)
    }
    expect(await line(27).locator('del').textContent()).toBe(
      'Newspapers in English'
    )
    // The byline's warning at the byline's line, with its rule id.
    const warning = line(5).locator('.message[data-rule="author-without-url"]')
    expect(await warning.locator('.rule').textContent()).toBe(
      'author-without-url'
    )
    expect(await warning.textContent()).toContain('Lee Hyo-jin')
    // The article's warnings, with what to do, at the top.
    const missingDate = page.locator(
      '#messages .message[data-rule="missing-date"] .fix'
    )
    expect(await missingDate.textContent()).toContain(
      'korea-russia-ties-hit-new-low.meta.json'
    )
    // Keyboard: the first Tab reaches the skip link, which goes to the content.
    await page.keyboard.press('Tab')
    expect(await page.evaluate('document.activeElement?.textContent')).toBe(
      'Skip to the content'
    )
    // The outputs side by side, each with what was checked of it.
    expect(
      await page.locator('#outputs .output h3 code').allTextContents()
    ).toEqual([
      'korea-russia-ties-hit-new-low.jsonld',
      'korea-russia-ties-hit-new-low.nitf.xml',
      'korea-russia-ties-hit-new-low.head.html',
      'korea-russia-ties-hit-new-low.ninjs.json'
    ])
    expect(
      await page
        .locator('#outputs .output')
        .last()
        .locator('.validation')
        .textContent()
    ).toContain('Valid against IPTC’s ninjs 2.2 JSON Schema')
    await page.close()

    const harbour = await open('report/articles/harbour-ferries-return.html')
    expect(await harbour.locator('#L7 .what').textContent()).toBe(
      'dateline · body ¶1'
    )
    expect(await harbour.locator('#L3').getAttribute('data-role')).toBe(
      'subheadline'
    )
    expect(
      await harbour.locator('.search-result .result-title').textContent()
    ).toBe('Harbour ferries return to the timetable after two-week strike')
    expect(
      await harbour.locator('.search-result .result-url').textContent()
    ).toBe('news.example.org › 2026 › 11 › 27 › harbour-ferries-return')
    await harbour.screenshot({
      path: path.join(artifacts, 'article.png'),
      fullPage: true
    })
    await harbour.close()
  })

  it('shows hostile text as text and runs none of it', async () => {
    const page = await open('report/articles/hostile/council.html')
    // The headline as extracted (typographic quotes), the line as read.
    expect(await page.locator('h1').textContent()).toBe(
      'Council votes </script><script>window.__pwned = 1</script> on <img src=x onerror=“window.__pwned = 2”> budget'
    )
    expect(await page.locator('#L1 .text').textContent()).toBe(
      hostile.split('\n')[0]
    )
    expect(await page.locator('#L7 .text').textContent()).toContain(
      '<!--<script>window.__pwned = 4</script>'
    )
    // Nothing ran, and nothing was made of the markup: no script, image or
    // style element, and the page is shown.
    expect(await page.evaluate("'__pwned' in window")).toBe(false)
    expect(await page.locator('script, img, style, b').count()).toBe(0)
    expect(await page.locator('body').isVisible()).toBe(true)
    await page.close()

    const index = await open('report/index.html')
    expect(await index.evaluate("'__pwned' in window")).toBe(false)
    // The index's one script is copydesk's.
    expect(await index.locator('script').count()).toBe(1)
    expect(await index.locator('img, style, b').count()).toBe(0)
    await index.close()
  })

  it('fits a phone’s width, with long words, right-to-left and CJK text', async () => {
    const phone = {width: 390, height: 844}
    for (const name of [
      'report/index.html',
      'report/articles/world/scripts.html',
      'report/articles/harbour-ferries-return.html',
      'report/articles/hostile/council.html'
    ]) {
      const page = await open(name, phone)
      const width = await page.evaluate('document.documentElement.scrollWidth')
      expect(width, name).toBeLessThanOrEqual(phone.width)
      if (name.includes('scripts')) {
        const direction = await page
          .locator('#L1 .text')
          .evaluate(styleOf('direction'))
        expect(direction).toBe('rtl')
      }
      await page.close()
    }
  })

  it('had no script error, console error or network request on any page', () => {
    expect(problems).toEqual([])
  })
})
