// The build report as the build writes it, through the CLI in a temporary
// project: `--report` (or `"report": true` in the config; `--no-report`
// wins) writes `report/index.html`, `report/report.css` and one page per
// article; a page is one of its article's outputs, so an unchanged article
// served from the cache keeps its page as it was, a removed article takes
// its page along, and turning the report off removes it all; no article
// may write into `report/`; the index knows which articles the feeds and
// the news sitemap list; the same input gives the same index but for the
// one element that says how long the run took.
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  writeFile
} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fromHtml} from 'hast-util-from-html'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {runCli} from '../pipeline/cli/cli.js'
import {runCliIn} from './helpers/run-cli.js'

let project: string

const article = (headline: string, extra = '') =>
  `${headline}\n\nBy Ines Okafor\n\nPORT ELLIS, May 3 (Reuters) - A first paragraph about ${headline.toLowerCase()}.\n\nA second paragraph closes it.${extra}\n`

const dated = (day: number) =>
  JSON.stringify({
    datePublished: `2026-05-0${day}T08:00:00Z`,
    url: `https://courier.example/${day}`
  })

beforeEach(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'copydesk-report-'))
  await writeConfig({})
})

afterEach(async () => {
  await rm(project, {recursive: true, force: true})
})

async function writeConfig(extra: Record<string, unknown>) {
  await writeFile(
    path.join(project, 'copydesk.config.json'),
    JSON.stringify({
      publisher: {name: 'Courier', url: 'https://courier.example/'},
      language: 'en',
      rules: {'missing-image': 'off'},
      ...extra
    })
  )
}

async function put(file: string, value: string) {
  await mkdir(path.dirname(path.join(project, file)), {recursive: true})
  await writeFile(path.join(project, file), value)
}

async function listReport(): Promise<string[]> {
  const names = await readdir(path.join(project, 'output', 'report'), {
    recursive: true
  }).catch(() => [])
  return names.map((name) => name.split(path.sep).join('/')).sort()
}

const read = (name: string) =>
  readFile(path.join(project, 'output', name), 'utf8')
const mtime = async (name: string) =>
  (await stat(path.join(project, 'output', name))).mtimeMs

/** The index's rows: path, then each cell's text, by column label. */
async function indexRows(): Promise<Array<Record<string, string>>> {
  const html = await read('report/index.html')
  const rows: Array<Record<string, string>> = []
  for (const match of html.matchAll(/<tr data-levels[\s\S]*?<\/tr>/g)) {
    const row: Record<string, string> = {}
    row.path = /<code class="path">([^<]*)<\/code>/.exec(match[0])?.[1] ?? ''
    for (const cell of match[0].matchAll(
      /<td data-label="([^"]+)"[^>]*>([\s\S]*?)<\/td>/g
    )) {
      row[cell[1] ?? ''] = (cell[2] ?? '').replace(/<[^>]+>/g, ' ').trim()
    }
    rows.push(row)
  }
  return rows
}

describe('copydesk build --report', () => {
  it('writes an index, a stylesheet and a page per article', async () => {
    await put('input/a.txt', article('Alpha story'))
    await put('input/desk/b.txt', article('Beta story'))
    const result = await runCliIn(project, ['build', '--report'])
    expect(result.code, result.stderr).toBe(0)
    expect(await listReport()).toEqual([
      'articles',
      'articles/a.html',
      'articles/desk',
      'articles/desk/b.html',
      'index.html',
      'report.css'
    ])
    // 2 × 4 outputs, 2 pages, the index and the stylesheet.
    expect(result.stderr).toMatch(
      /2 built, 0 unchanged, 0 failed\), 12 files written/
    )
    const index = await read('report/index.html')
    expect(index).toContain('href="articles/desk/b.html"')
    expect(index).toContain('href="../desk/b.nitf.xml"')
    const page = await read('report/articles/desk/b.html')
    expect(page).toContain('<h1 dir="auto" lang="en">Beta story</h1>')
    expect(page).toContain('href="../../report.css"')
    expect(page).toContain('href="../../index.html"')
    expect(page).toContain('href="../../../desk/b.jsonld"')
    // No script on an article page, and the policy says so.
    expect(page).not.toContain('<script')
    expect(page).toContain('script-src &#x27;none&#x27;')
  })

  it('reads `report` from the config; --no-report wins; both at once is a usage error', async () => {
    await put('input/a.txt', article('Alpha story'))
    await writeConfig({report: true})
    expect((await runCliIn(project, ['build'])).code).toBe(0)
    expect(await listReport()).toContain('articles/a.html')

    const off = await runCliIn(project, ['build', '--no-report', '--verbose'])
    expect(off.code).toBe(0)
    expect(await listReport()).toEqual([])
    expect(off.stderr).toContain(
      'Removed `report/articles/a.html`, an output article `a` no longer has'
    )
    expect(off.stderr).toContain(
      'Removed `report/index.html`, a file of the report, which is off'
    )

    const both = await runCliIn(project, ['build', '--report', '--no-report'])
    expect(both.code).toBe(2)
    expect(both.stderr).toContain(
      'unexpected `--report` with `--no-report`, expected one of them'
    )
  })

  it('does not rewrite the page of an unchanged article; removes a gone article’s', async () => {
    await put('input/a.txt', article('Alpha story'))
    await put('input/b.txt', article('Beta story'))
    await put('input/c.txt', article('Gamma story'))
    expect((await runCliIn(project, ['build', '--report'])).code).toBe(0)
    const before = {
      a: await mtime('report/articles/a.html'),
      b: await mtime('report/articles/b.html'),
      css: await mtime('report/report.css')
    }
    const firstIndex = await read('report/index.html')
    await new Promise((resolve) => setTimeout(resolve, 20))
    await put('input/b.txt', article('Beta story', '\n\nA third paragraph.'))
    await rm(path.join(project, 'input', 'c.txt'))
    const again = await runCliIn(project, ['build', '--report', '--verbose'])
    expect(again.code, again.stderr).toBe(0)
    expect(again.stderr).toMatch(/1 built, 1 unchanged, 0 failed/)
    expect(await mtime('report/articles/a.html')).toBe(before.a)
    expect(await mtime('report/report.css')).toBe(before.css)
    expect(await mtime('report/articles/b.html')).not.toBe(before.b)
    expect(await read('report/articles/b.html')).toContain('A third paragraph.')
    expect(await listReport()).not.toContain('articles/c.html')
    expect(again.stderr).toContain(
      'Removed `report/articles/c.html`, an output of article `c`, whose input is gone'
    )
    // The index follows: two articles now.
    expect(await read('report/index.html')).not.toBe(firstIndex)
    expect((await indexRows()).map((row) => row.path)).toEqual([
      'input/a.txt',
      'input/b.txt'
    ])
  })

  it('refuses an article whose outputs would go in report/', async () => {
    await put('input/a.txt', article('Alpha story'))
    await put('input/report/x.txt', article('Report story'))
    const result = await runCliIn(project, ['build', '--report'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      'error Unexpected input whose outputs go in `report/`, the folder the report writes, expected another folder; rename the folder, or turn the report off'
    )
    // Without the report, the folder is the article's.
    const off = await runCliIn(project, ['build'])
    expect(off.code, off.stderr).toBe(0)
  })

  it('says which articles the feeds and the news sitemap list', async () => {
    await writeConfig({feeds: {length: 1}})
    await put('input/new.txt', article('Newest story'))
    await put('input/new.meta.json', dated(5))
    await put('input/old.txt', article('Older story'))
    await put('input/old.meta.json', dated(1))
    await put('input/undated.txt', article('Undated story'))
    const result = await runCliIn(project, ['build', '--report'])
    expect(result.code, result.stderr).toBe(0)
    const rows = await indexRows()
    const pick = (row: Record<string, string>) => [
      row.path,
      row.Atom,
      row.RSS,
      row['JSON Feed'],
      row['News sitemap']
    ]
    // The feeds hold the newest one; the sitemap the two days before it.
    expect(rows.map(pick)).toEqual([
      ['input/new.txt', 'yes', 'yes', 'yes', 'yes'],
      ['input/old.txt', 'no', 'no', 'no', 'no'],
      ['input/undated.txt', 'no', 'no', 'no', 'no']
    ])
    const atom = await read('feed.atom')
    expect(atom).toContain('Newest story')
    expect(atom).not.toContain('Older story')
    const sitemap = await read('news-sitemap.xml')
    expect(sitemap).toContain('https://courier.example/5')
    expect(sitemap).not.toContain('https://courier.example/1')
  })

  it('writes the same index for the same input, but for the run’s time', async () => {
    await put('input/a.txt', article('Alpha story'))
    await put('input/b.txt', article('Beta story'))
    const pages: string[] = []
    const articles: string[] = []
    for (const output of ['one', 'two']) {
      const result = await runCliIn(project, [
        'build',
        '--report',
        '-o',
        output
      ])
      expect(result.code).toBe(0)
      const report = path.join(project, output, 'report')
      pages.push(await readFile(path.join(report, 'index.html'), 'utf8'))
      articles.push(
        await readFile(path.join(report, 'articles', 'a.html'), 'utf8')
      )
    }
    expect(articles[1]).toBe(articles[0])
    const withoutRun = (html: string) =>
      html.replace(/<p id="run"[\s\S]*?<\/p>/, '<p id="run"></p>')
    expect(withoutRun(pages[1] ?? '')).toBe(withoutRun(pages[0] ?? ''))
    expect(pages[0]).toMatch(
      /<p id="run" class="run">This run: 2 built, 0 unchanged, 0 failed; 10 files written in <time datetime="PT\d+\.\dS">\d+\.\d s<\/time>\.<\/p>/
    )
  })

  it('builds every page through hast: the index parses back with its one script', async () => {
    await put('input/a.txt', article('Alpha </script><b>story</b>'))
    expect((await runCliIn(project, ['build', '--report'])).code).toBe(0)
    const tree = fromHtml(await read('report/index.html'))
    const scripts: string[] = []
    const visit = (node: {
      type: string
      tagName?: string
      children?: unknown[]
    }) => {
      if (node.type === 'element' && node.tagName === 'script') {
        scripts.push('script')
      }
      for (const child of (node.children ?? []) as Array<typeof node>)
        visit(child)
    }
    visit(tree)
    expect(scripts).toHaveLength(1)
    expect(await read('report/index.html')).toContain(
      'Alpha &#x3C;/script>&#x3C;b>story&#x3C;/b>'
    )
  })

  it('rebuilds the report with the outputs under --watch, unchanged pages untouched', async () => {
    await put('input/a.txt', article('Alpha story'))
    await put('input/b.txt', article('Beta story'))
    const stop = new AbortController()
    let stderr = ''
    let builds = 0
    const running = runCli(['build', '--watch', '--report', '-j', '1'], {
      cwd: project,
      stdout: {write: () => true},
      stderr: {
        write(chunk: string) {
          stderr += chunk
          if (chunk.startsWith('copydesk: watching')) builds++
          return true
        }
      },
      signal: stop.signal
    })
    const waitFor = async (count: number) => {
      for (let tries = 0; builds < count && tries < 200; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      expect(builds, stderr).toBe(count)
    }
    await waitFor(1)
    const a = await mtime('report/articles/a.html')
    expect(await read('report/index.html')).toContain('Beta story')
    await put('input/b.txt', article('Beta story retold'))
    await waitFor(2)
    expect(await read('report/articles/b.html')).toContain(
      '<h1 dir="auto" lang="en">Beta story retold</h1>'
    )
    expect(await read('report/index.html')).toContain('Beta story retold')
    expect(await mtime('report/articles/a.html')).toBe(a)
    stop.abort()
    expect(await running).toBe(0)
  }, 30_000)
})
