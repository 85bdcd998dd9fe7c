// Markup is not text: an HTML or XML document given as an article is
// refused at the decode stage (`markup-input`), with nothing written for it;
// plain copy that mentions tags (ticker codes, addresses, a quoted `<html>`)
// stays an article. The detector alone is in `pipeline/rules/markup.ts`.
import {mkdir, mkdtemp, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import type {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {defaultContext, processArticle} from '../pipeline/index.js'
import {findMarkup, measureMarkup} from '../pipeline/rules/markup.js'
import {runCliIn} from './helpers/run-cli.js'

const advice =
  "expected plain article text; save the article's text, or convert it first"

async function build(value: string | Uint8Array) {
  return processArticle(value, {
    path: 'story.txt',
    context: {
      ...defaultContext('story.txt'),
      meta: {datePublished: '2024-03-05T09:00:00+01:00'}
    }
  })
}

function fatal(file: VFile): string[] {
  return file.messages.filter((message) => message.fatal).map(String)
}

/** Refused with exactly `reason` at `place`, and nothing to write. */
function expectRefused(file: VFile, place: string, reason: string) {
  expect(fatal(file)).toEqual([`story.txt:${place}: ${reason}`])
  expect(file.messages.find((message) => message.fatal)?.ruleId).toBe(
    'markup-input'
  )
  expect(file.data.outputs).toBeUndefined()
  expect(file.data.article).toBeUndefined()
}

/** Built as an article: no fatal message, outputs written. */
function expectArticle(file: VFile) {
  expect(fatal(file)).toEqual([])
  expect(file.messages.map((message) => message.ruleId)).not.toContain(
    'markup-input'
  )
  expect(file.data.outputs?.['.jsonld']).toBeDefined()
}

const htmlPage = [
  '<!DOCTYPE html>',
  '<html lang="en">',
  '<head>',
  '  <meta charset="utf-8">',
  '  <title>Ferry timetable returns to winter hours</title>',
  '</head>',
  '<body>',
  '  <h1>Ferry timetable returns to winter hours</h1>',
  '  <p>The harbour board cut the evening crossings on Monday.</p>',
  '  <p>Summer hours resume in April.</p>',
  '</body>',
  '</html>',
  ''
].join('\n')

describe('markup-input: documents are refused', () => {
  it('an HTML page with a doctype, at the doctype', async () => {
    expectRefused(
      await build(htmlPage),
      '1:1',
      `Unexpected HTML document (\`<!DOCTYPE html>\` at 1:1), ${advice}`
    )
  })

  it('an HTML page with no doctype, at its `<html>` root', async () => {
    const page = htmlPage.slice(htmlPage.indexOf('<html'))
    expectRefused(
      await build(page),
      '1:1',
      `Unexpected HTML document (\`<html lang="en">\` at 1:1), ${advice}`
    )
  })

  it('an XML declaration and a NITF root, at the declaration', async () => {
    const nitf = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<nitf version="-//IPTC//DTD NITF 3.6//EN">',
      '  <head><title>Grain silos reopen</title></head>',
      '  <body>',
      '    <body.head><hedline><hl1>Grain silos reopen</hl1></hedline></body.head>',
      '    <body.content><p>The port reopened its silos.</p></body.content>',
      '  </body>',
      '</nitf>',
      ''
    ].join('\n')
    expectRefused(
      await build(nitf),
      '1:1',
      `Unexpected NITF document (\`<?xml version="1.0" encoding="UTF-8"?>\` at 1:1), ${advice}`
    )
  })

  it('an HTML page after a byte order mark and blank lines, at its line', async () => {
    const bytes = new TextEncoder().encode(`\ufeff\r\n\r\n${htmlPage}`)
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf])
    expectRefused(
      await build(bytes),
      '3:1',
      `Unexpected HTML document (\`<!DOCTYPE html>\` at 3:1), ${advice}`
    )
  })

  it('a page saved with a leading comment, at the doctype after it', async () => {
    const file = await build(
      `<!-- saved from url=(0027)https://news.example/ferry -->\n${htmlPage}`
    )
    expectRefused(
      file,
      '2:1',
      `Unexpected HTML document (\`<!DOCTYPE html>\` at 2:1), ${advice}`
    )
  })

  it('a long doctype, shortened in the message', async () => {
    const file = await build(
      '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">\n<HTML><BODY><P>Ferries.</P></BODY></HTML>\n'
    )
    expectRefused(
      file,
      '1:1',
      `Unexpected HTML document (\`<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML…\` at 1:1), ${advice}`
    )
  })

  it('an HTML fragment whose elements hold the text, at its first tag', async () => {
    const fragment = [
      '',
      '<div class="story">',
      '<h1>Ferry timetable returns to winter hours</h1>',
      '<p>The harbour board cut the evening crossings on Monday.</p>',
      '<p>Summer hours resume in April.</p>',
      '</div>',
      ''
    ].join('\n')
    expectRefused(
      await build(fragment),
      '2:1',
      `Unexpected HTML markup (\`<div class="story">\` at 2:1, 100% of the text inside elements), ${advice}`
    )
  })

  it('HTML that never closes its paragraphs, by its lines', async () => {
    const fragment = [
      'Ferry timetable returns to winter hours',
      '<P>The harbour board cut the evening crossings on Monday.',
      '<P>Summer hours resume in April.',
      '<P>The board meets again in March.',
      ''
    ].join('\n')
    expectRefused(
      await build(fragment),
      '2:1',
      `Unexpected HTML markup (\`<P>\` at 2:1, 75% of the lines open with a tag), ${advice}`
    )
  })
})

describe('markup-input: text that mentions tags stays an article', () => {
  it('Reuters ticker and company codes', async () => {
    const file = await build(
      [
        'Harbour Holdings to buy Lanner Freight',
        '',
        'LONDON, March 4 - Harbour Holdings Plc <HBHL.L> said it agreed',
        'to buy <Lanner Freight Ltd> for 42 mln stg, and that <KLM> and',
        '<ABC.N> had no stake in the company.',
        '    It said <Lanner Freight Ltd> owned 14 vessels.',
        '<XYZ> shares rose 3 pct on the news.',
        ' Reuter',
        ''
      ].join('\n')
    )
    expectArticle(file)
    expect(file.data.article?.headline).toBe(
      'Harbour Holdings to buy Lanner Freight'
    )
    expect(JSON.stringify(file.data.article?.body)).toContain('<HBHL.L>')
  })

  it('a contact address in angle brackets', async () => {
    const file = await build(
      'Ferry timetable returns to winter hours\n\nThe harbour board cut the evening crossings on Monday.\n\nContact: Jane Roe <jane@example.com>\n'
    )
    expectArticle(file)
  })

  it('a body that quotes `<html>` and `<b>` in a sentence', async () => {
    const file = await build(
      [
        'The web page turns 35',
        '',
        'By Mina Kowalczyk',
        '',
        'GENEVA (Reuters) - Every page still begins with <html>, the tag its inventors chose, and a stray <b>bold</b> tag still slips into web copy.',
        '',
        'Programmers know that x < y and y > z do not make a tag.',
        ''
      ].join('\n')
    )
    expectArticle(file)
    expect(JSON.stringify(file.data.article?.body)).toContain('<html>')
  })

  it('a headline that starts with `<html>` and no tag after it', async () => {
    const file = await build(
      '<html> at 35: the tag that built the web\n\nBy Mina Kowalczyk\n\nThe first page went online in 1991.\n'
    )
    expectArticle(file)
    expect(file.data.article?.headline).toBe(
      '<html> at 35: the tag that built the web'
    )
  })
})

describe('findMarkup', () => {
  it('gives nothing for plain copy with a few tags', () => {
    expect(findMarkup('Shares of <ABC.N> and <CMS> rose.\n')).toBeUndefined()
    expect(
      findMarkup('A <b>bold</b> word and an <i>italic</i> one in a long line.')
    ).toBeUndefined()
  })

  it('measures balanced elements and tag lines', () => {
    expect(
      measureMarkup('<p>One.</p>\n<p>Two <b>words</b>.</p>\n<br>\nEnd.\n')
    ).toEqual({
      // 34 of the 42 characters but white space are in the two paragraphs.
      coverage: 34 / 42,
      elements: 3,
      tagLines: 0.75,
      tagLineCount: 3,
      first: 0
    })
    expect(measureMarkup('Said <Royal Ordnance> and <XYZ>.\n')).toEqual({
      coverage: 0,
      elements: 0,
      tagLines: 0,
      tagLineCount: 0,
      first: undefined
    })
  })
})

describe('markup-input in the CLI', () => {
  it('refuses the HTML file, builds the article, exits 1', async () => {
    const project = await mkdtemp(path.join(tmpdir(), 'copydesk-markup-'))
    try {
      await mkdir(path.join(project, 'input'))
      await writeFile(
        path.join(project, 'copydesk.config.json'),
        '{"authors": [{"name": "Mina Kowalczyk", "url": "https://news.example/staff/mina"}]}\n'
      )
      await writeFile(path.join(project, 'input/page.txt'), htmlPage)
      await writeFile(
        path.join(project, 'input/good.txt'),
        'Ferry timetable returns to winter hours\n\nBy Mina Kowalczyk\n\nVALLETTA, June 2 (Reuters) - The harbour board cut the evening crossings.\n\nSummer hours resume in April.\n'
      )
      await writeFile(
        path.join(project, 'input/good.meta.json'),
        '{"datePublished": "2024-06-02T08:00:00+02:00", "images": [{"url": "https://news.example/i.jpg", "width": 1200, "height": 800}]}\n'
      )
      const run = await runCliIn(project, ['build'])
      expect(run.code).toBe(1)
      expect(run.stdout).toBe('')
      const report = run.stderr
        .split('\n')
        .map((line) => line.trim().replace(/ {2,}/g, ' '))
        .join('\n')
        .replace(/ written in \d+\.\d s$/m, ' written in T s')
      expect(report).toBe(
        `input/page.txt\n1:1 error Unexpected HTML document (\`<!DOCTYPE html>\` at 1:1), ${advice} markup-input copydesk\n\n✖ 1 error\ncopydesk: 2 articles (1 built, 0 unchanged, 1 failed), 4 files written in T s\n`
      )
      const written = await readdir(path.join(project, 'output'))
      expect(written.sort()).toEqual([
        'good.head.html',
        'good.jsonld',
        'good.ninjs.json',
        'good.nitf.xml'
      ])
    } finally {
      await rm(project, {recursive: true, force: true})
    }
  })
})
