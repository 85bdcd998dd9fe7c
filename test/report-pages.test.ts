// The report's pure renderers on articles run through the real pipeline:
// what each line of the source became (`sourceLines`), the article page
// (messages at their lines, hostile text escaped, no script), the index
// (one script, allowed by its hash), links between them, and what to do
// about each warning.
import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import type {Element, Root, RootContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {describe, expect, it} from 'vitest'
import {defaultContext, processArticle} from '../pipeline/index.js'
import {renderArticlePage} from '../pipeline/report/article-page.js'
import {fixFor} from '../pipeline/report/fixes.js'
import {renderIndexPage} from '../pipeline/report/index-page.js'
import {relativeHref, reportPageName} from '../pipeline/report/report-names.js'
import {indexScript} from '../pipeline/report/report-style.js'
import {sourceLines} from '../pipeline/report/source-lines.js'

/** Every element under `node`, in document order. */
function elements(node: Root | Element): Element[] {
  const found: Element[] = []
  const visit = (child: RootContent) => {
    if (child.type !== 'element') return
    found.push(child)
    for (const inner of child.children) visit(inner)
  }
  for (const child of node.children) visit(child)
  return found
}

/** The elements under `node` named `tag` (or any) with every class given. */
function all(
  node: Root | Element,
  tag: string,
  ...classes: string[]
): Element[] {
  return elements(node).filter(
    (element) =>
      (tag === '*' || element.tagName === tag) &&
      classes.every((name) =>
        (element.properties.className as string[] | undefined)?.includes(name)
      )
  )
}

function byId(node: Root | Element, id: string): Element {
  const found = elements(node).find((element) => element.properties.id === id)
  if (!found) throw new Error(`no #${id}`)
  return found
}

function text(node: Root | Element | RootContent | undefined): string {
  if (!node) return ''
  if (node.type === 'text') return node.value
  if (node.type === 'element' || node.type === 'root') {
    return node.children.map(text).join('')
  }
  return ''
}

const wire = `Reuters

UPDATE 1-Copper output falls at Chilean mine

Eds: adds comment from union

By Ana Dane
Reuters Staff

SANTIAGO, Feb 26 (Reuters) - Copper output at the mine fell 5 percent in January, the company said on Monday, as a strike slowed work.

Photo: The mine at dawn

"We expect a recovery," a spokesman said. (Reporting by Ana Dane; Editing by Tom Hill)

Reuter
`

/** Each line as `number role…: text`, its parts apart. */
function describeLines(
  text: string,
  file: Awaited<ReturnType<typeof processArticle>>
) {
  return sourceLines(text, file.data.positions ?? {}, file.messages).map(
    (line) =>
      `${line.number} ${line.segments
        .filter((segment) => segment.text.trim() !== '')
        .map(
          (segment) =>
            `[${segment.marks
              .map(
                (mark) =>
                  `${mark.role}${mark.index ?? ''}${mark.kind ? `:${mark.kind}` : ''}${mark.title ? ' title' : ''}`
              )
              .join(' ')}] ${segment.text.trim()}`
        )
        .join(' | ')}`.trim()
  )
}

describe('sourceLines', () => {
  it('marks every line with what it became, and the rule that set it aside', async () => {
    const file = await processArticle(wire, {path: 'a.txt'})
    expect(describeLines(String(file.value), file)).toEqual([
      '1 [masthead] Reuters',
      '2',
      '3 [headline] UPDATE 1-Copper output falls at Chilean mine',
      '4',
      '5 [note0:editor-note] Eds: adds comment from union',
      '6',
      '7 [byline0] By Ana Dane',
      '8 [byline0 title] Reuters Staff',
      '9',
      '10 [dateline body0] SANTIAGO, Feb 26 (Reuters) - Copper output at the mine fell 5 percent in January, the company said on Monday, as a strike slowed work.',
      '11',
      '12 [caption0:caption] Photo: The mine at dawn',
      '13',
      '14 [body1] "We expect a recovery," a spokesman said. | [credit0:credit] (Reporting by Ana Dane; Editing by Tom Hill)',
      '15',
      '16 [dropped0:signature] Reuter',
      '17'
    ])
  })

  it('marks every line of a hard-wrapped paragraph', async () => {
    const wrapped = await readFile(
      new URL('fixtures/wire-wrapped/input/grain-storage.txt', import.meta.url),
      'utf8'
    )
    const file = await processArticle(wrapped, {path: 'grain-storage.txt'})
    const lines = sourceLines(wrapped, file.data.positions ?? {}, [])
    // The lead: dateline and paragraph on line 8, wrapped over 9 to 11.
    expect(lines.slice(7, 12).map((line) => line.marks)).toEqual([
      [
        {role: 'dateline', index: undefined, kind: undefined},
        {role: 'body', index: 0, kind: undefined}
      ],
      [{role: 'body', index: 0, kind: undefined, continued: true}],
      [{role: 'body', index: 0, kind: undefined, continued: true}],
      [{role: 'body', index: 0, kind: undefined, continued: true}],
      []
    ])
  })
})

describe('renderArticlePage', () => {
  it('shows each line, struck or set aside, with its messages', async () => {
    const file = await processArticle(wire, {path: 'wire/a.txt'})
    const page = renderArticlePage(file, {stem: 'wire/a'})
    expect(page.name).toBe('report/articles/wire/a.html')
    expect(page.summary).toEqual({
      headline: 'UPDATE 1-Copper output falls at Chilean mine',
      authors: ['Ana Dane'],
      datePublished: undefined,
      wordCount: 27
    })
    const tree = fromHtml(page.html)
    const line = (number: number) => byId(tree, `L${number}`)
    expect(line(16).properties.dataRole).toBe('dropped')
    expect(text(all(line(16), 'del')[0])).toBe('Reuter')
    expect(text(all(line(16), 'span', 'what')[0])).toBe('dropped: signature')
    expect(text(all(line(14), 'span', 'segment')[0])).toBe(
      'credit, moved out (Reporting by Ana Dane; Editing by Tom Hill)'
    )
    expect(
      all(line(7), 'li', 'message').map(
        (message) => message.properties.dataRule
      )
    ).toEqual(['author-without-url'])
    // Whole-article warnings at the top, each with what to do.
    const top = all(byId(tree, 'messages'), 'ul', 'messages')[0]
    expect(
      (top?.children ?? []).map((message) => [
        message.type === 'element' ? message.properties.dataRule : '',
        text(all(message as Element, 'p', 'fix')[0]).slice(0, 40)
      ])
    ).toEqual([
      ['missing-date', 'What to do: Add "datePublished": "2026-0'],
      ['missing-image', 'What to do: Add "images": [{"url": "http'],
      ['author-without-url', 'What to do: Add the author to authors in']
    ])
    expect(all(tree, 'script')).toEqual([])
  })

  it('escapes hostile text everywhere it shows it', async () => {
    const hostile =
      'Vote </script><script>alert(1)</script> <!-- on <img src=x onerror=alert(2)>\n\nThe body </style><b>bold</b> ]]> & more.\n'
    const file = await processArticle(hostile, {
      path: 'x.txt',
      context: {
        ...defaultContext('x.txt'),
        meta: {
          url: 'https://example.org/x',
          datePublished: '2026-01-01T00:00:00Z',
          keywords: ['</script><!--']
        }
      }
    })
    const page = renderArticlePage(file, {stem: 'x'})
    const tree = fromHtml(page.html)
    // Parsed back, the page has no element the text named.
    for (const tag of ['script', 'img', 'b', 'style']) {
      expect(all(tree, tag)).toEqual([])
    }
    expect(text(all(tree, 'h1')[0])).toContain(
      '</script><script>alert(1)</script>'
    )
    expect(text(all(byId(tree, 'L1'), 'span', 'text')[0])).toBe(
      'Vote </script><script>alert(1)</script> <!-- on <img src=x onerror=alert(2)>'
    )
    // And the outputs panels show the outputs' own escaping as text.
    expect(page.html).toContain('&#x26;lt;/script')
  })
})

describe('renderIndexPage', () => {
  it('allows its one script by its hash, and links pages and outputs', () => {
    const html = renderIndexPage({
      rows: [
        {
          path: 'input/desk/a #1.txt',
          stem: 'desk/a #1',
          failed: false,
          summary: {headline: 'A', authors: [], wordCount: 3},
          messages: [],
          page: reportPageName('desk/a #1'),
          outputs: ['desk/a #1.jsonld'],
          inFeeds: false,
          inNewsSitemap: false
        }
      ],
      channels: {atom: false, rss: false, json: false, newsSitemap: false},
      files: [],
      run: {
        built: 1,
        unchanged: 0,
        failed: 0,
        written: 2,
        removed: 0,
        milliseconds: 1234
      }
    })
    const hash = createHash('sha256').update(indexScript).digest('base64')
    expect(html).toContain(`script-src &#x27;sha256-${hash}&#x27;`)
    const tree = fromHtml(html)
    expect(all(tree, 'script').map((script) => text(script))).toEqual([
      indexScript
    ])
    expect(
      all(all(tree, 'tbody')[0] ?? tree, 'a').map(
        (anchor) => anchor.properties.href
      )
    ).toEqual(['articles/desk/a%20%231.html', '../desk/a%20%231.jsonld'])
    expect(text(byId(tree, 'run'))).toBe(
      'This run: 1 built, 0 unchanged, 0 failed; 2 files written in 1.2 s.'
    )
  })
})

describe('relativeHref', () => {
  it('climbs out of the page’s folder and encodes each segment', () => {
    expect(relativeHref('report/articles/a/b.html', 'a/b.nitf.xml')).toBe(
      '../../../a/b.nitf.xml'
    )
    expect(relativeHref('report/index.html', 'report/articles/%?.html')).toBe(
      'articles/%25%3F.html'
    )
  })
})

describe('fixFor', () => {
  it('names the article’s own sidecar', () => {
    expect(fixFor('missing-date', {sidecar: 'story.meta.json'})).toContain(
      '`story.meta.json`'
    )
    expect(fixFor('no-such-rule', {sidecar: 'x'})).toBeUndefined()
    expect(fixFor(undefined, {sidecar: 'x'})).toBeUndefined()
  })
})
