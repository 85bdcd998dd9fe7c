// The catalogue of hostile input in docs/hostile-input.md: one test
// per row, named as the row is. Text-level rows run the processor; file
// system rows run the CLI in a temporary project. Crash and concurrency rows
// are in `crash.test.ts`, arbitrary input in `properties.test.ts`.

import {execFileSync, spawn} from 'node:child_process'
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  writeFile
} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {fromHtml} from 'hast-util-from-html'
import type {VFile} from 'vfile'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {fromXml} from 'xast-util-from-xml'
import {formatReport} from '../pipeline/cli/cli.js'
import {defaultContext, processArticle} from '../pipeline/index.js'
import {bodyParagraphs, checkOutputs} from './helpers/output-checks.js'
import {runCliIn} from './helpers/run-cli.js'

const story = (body: string, headline = 'Council backs the footbridge plan') =>
  `${headline}\n\nBy Mina Kowalczyk\n\n${body}\n\nA second paragraph closes the story.\n`

async function build(value: string | Uint8Array, path = 'story.txt') {
  const file = await processArticle(value, {
    path,
    context: {
      ...defaultContext(path),
      meta: {datePublished: '2024-03-05T09:00:00+01:00'}
    }
  })
  return file
}

function fatal(file: VFile) {
  return file.messages.filter((message) => message.fatal).map(String)
}

function ruleIds(file: VFile) {
  return file.messages.map((message) => message.ruleId)
}

/** Built, with every output invariant holding. */
function expectBuilt(file: VFile) {
  expect(fatal(file)).toEqual([])
  expect(checkOutputs(file)).toEqual([])
}

/** Refused: a fatal message at a place, and no outputs. */
function expectRefused(file: VFile, ruleId: string, place: RegExp) {
  const message = file.messages.find((item) => item.fatal)
  expect(message?.ruleId).toBe(ruleId)
  expect(String(message)).toMatch(place)
  expect(file.data.outputs).toBeUndefined()
  expect(checkOutputs(file)).toEqual([])
}

const utf8 = (value: string) => new TextEncoder().encode(value)

describe('encodings', () => {
  it('UTF-8 with a byte order mark: read as UTF-8', async () => {
    const file = await build(
      Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(story('Café owners met.'))])
    )
    expectBuilt(file)
    expect(file.data.article?.headline).toBe(
      'Council backs the footbridge plan'
    )
    expect(bodyParagraphs(file)?.[0]).toBe('Café owners met.')
  })

  it('UTF-16 LE and BE with a byte order mark: decoded', async () => {
    const text = story('Ünal Şahin met the mayor.')
    const le = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(text, 'utf16le')
    ])
    const be = Buffer.from(le)
    be.swap16()
    for (const bytes of [le, be]) {
      const file = await build(bytes)
      expectBuilt(file)
      expect(bodyParagraphs(file)?.[0]).toBe('Ünal Şahin met the mayor.')
    }
  })

  it('legacy 8-bit text: decoded as Windows-1252, with a warning', async () => {
    const file = await build(
      Buffer.from(story('The caf\u00e9 \u0093reopened\u0094.'), 'latin1')
    )
    expectBuilt(file)
    expect(ruleIds(file)).toContain('legacy-encoding')
    expect(bodyParagraphs(file)?.[0]).toBe('The café “reopened”.')
  })

  it('UTF-8 with a corrupt byte: fatal, the byte offset named', async () => {
    const bytes = Buffer.concat([
      Buffer.from(story('Crème brûlée and more café text.')),
      Buffer.from([0x0a, 0xc3, 0x28, 0x0a])
    ])
    const file = await build(bytes)
    expectRefused(file, 'invalid-utf8', /byte offset \d+/)
  })

  it('NUL bytes: fatal, at their place', async () => {
    const file = await build(utf8(`Headline\n\nBody\u0000 text.\n`))
    expectRefused(file, 'binary-file', /story\.txt:3:5.*byte offset 14/)
  })

  it('binary files: fatal', async () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49
    ])
    expectRefused(await build(png), 'binary-file', /NUL byte/)
  })
})

describe('characters', () => {
  it('C0 and C1 controls: removed with a warning, or read as Windows-1252', async () => {
    const file = await build(
      story('Bell\u0007 and escape\u001b gone; it\u0092s kept.')
    )
    expectBuilt(file)
    expect(bodyParagraphs(file)?.[0]).toBe('Bell and escape gone; it’s kept.')
    expect(
      ruleIds(file).filter((id) => id === 'illegal-character')
    ).toHaveLength(2)
  })

  it('U+FFFE, U+FFFF and lone surrogates: removed with a warning', async () => {
    const file = await build(story('Non\ufffe char\uffff and half\ud800 pair.'))
    expectBuilt(file)
    expect(bodyParagraphs(file)?.[0]).toBe('Non char and half pair.')
    expect(
      ruleIds(file).filter((id) => id === 'illegal-character')
    ).toHaveLength(3)
  })

  it('U+2028 and U+2029: white space, read as a space', async () => {
    const file = await build(
      story('Line one\u2028goes on.\u2029Still this one.')
    )
    expectBuilt(file)
    expect(bodyParagraphs(file)?.[0]).toBe('Line one goes on. Still this one.')
    // Never raw in the page head, where a script would end its string.
    expect(String(file.data.outputs?.['.head.html'])).not.toMatch(
      /[\u2028\u2029]/
    )
  })

  it('combining sequences: composed to NFC', async () => {
    const file = await build(story('The cafe\u0301 on Ko\u0308nigstrasse.'))
    expectBuilt(file)
    expect(bodyParagraphs(file)?.[0]).toBe('The café on Königstrasse.')
  })

  it('right-to-left text and bidi controls: kept as written', async () => {
    const body = 'قال المجلس \u202bإن الجسر\u202c سيفتح. הגשר ייפתח.'
    const file = await build(story(body))
    expectBuilt(file)
    expect(bodyParagraphs(file)?.[0]).toBe(body)
  })

  it('emoji, with modifiers and joiners: kept whole', async () => {
    const body = 'Coders 👩🏽‍💻 and flags 🇰🇷 cheered 🎉.'
    const file = await build(story(body))
    expectBuilt(file)
    expect(bodyParagraphs(file)?.[0]).toBe(body)
    expect(String(file.data.outputs?.['.nitf.xml'])).toContain(body)
  })
})

describe('shape', () => {
  it('an empty or whitespace-only file: fatal', async () => {
    for (const value of ['', ' \n\t\n \n']) {
      expectRefused(await build(value), 'missing-headline', /story\.txt:1:1/)
    }
  })

  it('a headline with no body: fatal, at the headline', async () => {
    expectRefused(
      await build('Council backs the footbridge plan\n'),
      'article-schema',
      /story\.txt:1:1-1:34.*\/body/
    )
  })

  it('a 5,000-character first line: the headline, with a warning', async () => {
    const headline = `Council ${'backs the plan '.repeat(357)}`.trim()
    expect(headline.length).toBeGreaterThan(5000)
    const file = await build(story('The vote was close.', headline))
    expectBuilt(file)
    expect(file.data.article?.headline).toBe(headline)
    expect(ruleIds(file)).toContain('long-headline')
  })

  it('a multi-megabyte single line: refused above `maxFileSize`, built below it', async () => {
    const project = await mkdtemp(path.join(tmpdir(), 'copydesk-size-'))
    try {
      const line = 'The council met again. '.repeat(48_000)
      await mkdir(path.join(project, 'input'))
      await writeFile(
        path.join(project, 'input', 'a.txt'),
        `Headline\n\n${line}\n`
      )
      const refused = await runCliIn(project, ['build'])
      expect(refused.code).toBe(1)
      expect(refused.stderr).toMatch(
        /input\/a\.txt\n.*error.*Unexpected file of \d+ bytes, expected at most 1048576 bytes.*maxFileSize.*file-too-large/
      )
      expect(
        await readdir(path.join(project, 'output')).catch(() => [])
      ).toEqual([])

      await writeFile(
        path.join(project, 'copydesk.config.json'),
        '{"maxFileSize": 2000000}\n'
      )
      const built = await runCliIn(project, ['build'])
      expect(built.stderr).not.toMatch(/error/)
      const jsonld = JSON.parse(
        await readFile(path.join(project, 'output', 'a.jsonld'), 'utf8')
      )
      expect(jsonld['@graph'][0].articleBody).toBe(line.trim())
    } finally {
      await rm(project, {recursive: true, force: true})
    }
  }, 60_000)

  it('tens of thousands of paragraphs: every one kept, in order', async () => {
    const paragraphs = Array.from(
      {length: 20_000},
      (_, index) => `Paragraph number ${index + 1} of the long story.`
    )
    const file = await build(`Headline\n\n${paragraphs.join('\n\n')}\n`)
    expectBuilt(file)
    expect(bodyParagraphs(file)).toEqual(paragraphs)
  }, 60_000)

  it('a 50,000-character token: kept whole', async () => {
    const token = 'x'.repeat(50_000)
    const file = await build(story(`The code was ${token} in full.`))
    expectBuilt(file)
    expect(bodyParagraphs(file)?.[0]).toBe(`The code was ${token} in full.`)
  })
})

describe('markup in any field', () => {
  const pieces = [
    '</script>',
    '</SCRIPT >',
    '</script',
    ']]>',
    '<![CDATA[x]]>',
    '&nbsp;',
    '&amp;',
    '&#x3C;',
    '<b onclick=x()>bold</b>',
    '<img src=x onerror=alert(1)>'
  ]
  const text = pieces.join(' and ')

  it('tags, entities, CDATA and script ends: kept as literal text, escaped', async () => {
    const file = await processArticle(
      `${text} headline\n\nBy Mina Kowalczyk\n\n${text} in the body.\n`,
      {
        path: 'story.txt',
        context: {
          ...defaultContext('story.txt'),
          meta: {
            datePublished: '2024-03-05T09:00:00+01:00',
            section: text,
            keywords: pieces,
            images: [
              {
                url: 'https://news.example/a.jpg',
                width: 1200,
                height: 800,
                caption: text
              }
            ]
          }
        }
      }
    )
    expectBuilt(file)
    const graph = JSON.parse(String(file.data.outputs?.['.jsonld']))['@graph']
    expect(graph[0].headline).toBe(`${text} headline`)
    expect(graph[0].articleBody).toBe(`${text} in the body.`)
    expect(graph[0].articleSection).toBe(text)
    expect(graph[0].keywords).toEqual(pieces)
    // Read back by an XML parser, the NITF gives the same characters.
    const nitf = String(file.data.outputs?.['.nitf.xml'])
    expect(nitf).not.toContain('<b onclick')
    expect(nitf).not.toContain('<![CDATA[')
    expect(JSON.stringify(fromXml(nitf))).toContain(
      JSON.stringify(`${text} in the body.`)
    )
    // In the page head, no piece ends the script or opens markup.
    const head = String(file.data.outputs?.['.head.html'])
    // (`checkOutputs` parsed it as a browser does: one script, same JSON.)
    const script = /<script[^>]*>([\s\S]*?)<\/script>/.exec(head)?.[1]
    expect(script).toContain('\\u003c/script\\u003e')
    expect(script).not.toMatch(/[<>]/)
    // In attribute values, markup is inert text: read back, it is the same.
    const title = fromHtml(head, {fragment: true}).children.find(
      (node) =>
        node.type === 'element' && node.properties.property === 'og:title'
    )
    expect(title?.type === 'element' && title.properties.content).toBe(
      `${text} headline`
    )
  })

  it('`<!--`: kept, its `--` read as a dash like every `--`', async () => {
    const file = await build(story('Before <!-- a comment --> after.'))
    expectBuilt(file)
    expect(bodyParagraphs(file)?.[0]).toBe('Before <!— a comment —> after.')
  })
})

describe('the file system', () => {
  let project: string
  beforeEach(async () => {
    project = await mkdtemp(path.join(tmpdir(), 'copydesk-hostile-'))
  })
  afterEach(async () => {
    await rm(project, {recursive: true, force: true})
  })
  const put = async (file: string, value: string) => {
    await mkdir(path.dirname(path.join(project, file)), {recursive: true})
    await writeFile(path.join(project, file), value)
  }
  const listOutput = async () =>
    (await readdir(path.join(project, 'output'), {recursive: true}))
      .map(String)
      .sort()

  it('a directory named `x.txt`: a folder, never read as an article', async () => {
    await put('input/x.txt/a.txt', story('Inside the folder.'))
    const run = await runCliIn(project, ['build'])
    expect(run.code).toBe(0)
    expect(await listOutput()).toEqual([
      'x.txt',
      'x.txt/a.head.html',
      'x.txt/a.jsonld',
      'x.txt/a.ninjs.json',
      'x.txt/a.nitf.xml'
    ])
    const explicit = await runCliIn(project, [
      'build',
      'input/x.txt',
      '-o',
      'again'
    ])
    expect(explicit.code).toBe(0)
    expect(await readdir(path.join(project, 'again'))).toEqual(
      ['a.head.html', 'a.jsonld', 'a.ninjs.json', 'a.nitf.xml'].sort()
    )
  })

  it('symbolic links and link loops in a folder: not followed, no hang', async () => {
    await put('input/sub/a.txt', story('The real file.'))
    await put('outside/secret.txt', story('Never read.'))
    await symlink('..', path.join(project, 'input/sub/loop'))
    await symlink('../../outside', path.join(project, 'input/sub/out'))
    await symlink('a.txt', path.join(project, 'input/sub/link.txt'))
    const run = await runCliIn(project, ['build'])
    expect(run.code).toBe(0)
    expect(await listOutput()).toEqual([
      'sub',
      'sub/a.head.html',
      'sub/a.jsonld',
      'sub/a.ninjs.json',
      'sub/a.nitf.xml'
    ])
    // Named on the command line, a link is followed like any path.
    const named = await runCliIn(project, [
      'build',
      'input/sub/link.txt',
      '-o',
      'named'
    ])
    expect(named.code).toBe(0)
    expect(await readdir(path.join(project, 'named'))).toContain('link.jsonld')
  })

  it('file names with spaces and non-ASCII letters: kept in the output names', async () => {
    await put('input/Süd café/Ünal Şahin 2024.txt', story('Names kept.'))
    const run = await runCliIn(project, ['build'])
    expect(run.code).toBe(0)
    expect(await listOutput()).toContain('Süd café/Ünal Şahin 2024.jsonld')
    const jsonld = JSON.parse(
      await readFile(
        path.join(project, 'output/Süd café/Ünal Şahin 2024.jsonld'),
        'utf8'
      )
    )
    // The story id in the URN is a slug, never the file name.
    expect(jsonld['@graph'][0]['@id']).toBe(
      'urn:copydesk:story:sud-cafe-unal-sahin-2024#article'
    )
  })

  it('two inputs that would write one output: refused before anything is written, naming both', async () => {
    await put('input/a.txt', story('First.'))
    await put('input/A.TXT', story('Second.'))
    await put('input/b.txt', story('Unrelated.'))
    const run = await runCliIn(project, [
      'build',
      'input/a.txt',
      'input/A.TXT',
      'input/b.txt'
    ])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/input\/A\.TXT\n.*also from `input\/a\.txt`/)
    expect(run.stderr).toMatch(/input\/a\.txt\n.*also from `input\/A\.TXT`/)
    expect(await listOutput()).toEqual([
      'b.head.html',
      'b.jsonld',
      'b.ninjs.json',
      'b.nitf.xml'
    ])
  })

  it('an input outside the project: written inside the output folder', async () => {
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'copydesk-elsewhere-'))
    try {
      await writeFile(path.join(elsewhere, 'far.txt'), story('From afar.'))
      const run = await runCliIn(project, [
        'build',
        path.join(elsewhere, 'far.txt')
      ])
      expect(run.code).toBe(0)
      expect(await listOutput()).toEqual([
        'far.head.html',
        'far.jsonld',
        'far.ninjs.json',
        'far.nitf.xml'
      ])
      expect(await readdir(elsewhere)).toEqual(['far.txt'])
    } finally {
      await rm(elsewhere, {recursive: true, force: true})
    }
  })

  it('a folder where an output goes: refused, and nothing of that article written', async () => {
    await put('input/a.txt', story('First.'))
    await put('input/b.txt', story('Second.'))
    await mkdir(path.join(project, 'output', 'b.head.html'), {recursive: true})
    const run = await runCliIn(project, ['build', '-j', '1'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /input\/b\.txt\n.*error.*write failure \(EISDIR\)/
    )
    expect(await listOutput()).toEqual([
      'a.head.html',
      'a.jsonld',
      'a.ninjs.json',
      'a.nitf.xml',
      'b.head.html'
    ])
  })

  it('an output of one article that is a folder of another: both refused', async () => {
    await put('input/a.txt', story('First.'))
    await put('input/a.head.html/x.txt', story('Second.'))
    const run = await runCliIn(project, ['build'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /input\/a\.head\.html\/x\.txt\n.*also from `input\/a\.txt`/
    )
    expect(run.stderr).toMatch(
      /input\/a\.txt\n.*also from `input\/a\.head\.html\/x\.txt`/
    )
    expect(await readdir(path.join(project, 'output')).catch(() => [])).toEqual(
      []
    )
  })

  it('names that start with two dots: built inside the output folder', async () => {
    await put('input/..a.txt', story('Dots.'))
    // Named: in a folder, hidden files (a leading dot) are not articles,
    // and a folder without articles is an error that says what it searched.
    const folder = await runCliIn(project, ['build'])
    expect(folder.code).toBe(1)
    expect(folder.stderr).toContain(
      'Unexpected folder `input` without articles, expected `.txt` files in it'
    )
    expect(await readdir(project)).not.toContain('output')
    const run = await runCliIn(project, ['build', 'input/..a.txt'])
    expect(run.code).toBe(0)
    expect(await listOutput()).toEqual([
      '..a.head.html',
      '..a.jsonld',
      '..a.ninjs.json',
      '..a.nitf.xml'
    ])
  })

  it('a report reader that goes away (`| head -1`): every article still built', async () => {
    for (let index = 0; index < 60; index++) {
      await put(`input/s-${index}.txt`, story(`Story ${index}.`))
    }
    const bin = fileURLToPath(new URL('../bin/copydesk.js', import.meta.url))
    const child = spawn(process.execPath, [bin, 'build', '-j', '1'], {
      cwd: project,
      stdio: ['ignore', 'ignore', 'pipe']
    })
    // Read the first chunk of the report, then close the pipe.
    child.stderr.once('data', () => child.stderr.destroy())
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect(code).toBe(0)
    expect(await listOutput()).toHaveLength(60 * 4)
  }, 60_000)

  it('a plain file where an output folder was: that article rebuilt, the build goes on', async () => {
    await put('input/sub/a.txt', story('Nested.'))
    await put('input/b.txt', story('Flat.'))
    expect((await runCliIn(project, ['build'])).code).toBe(0)
    await rm(path.join(project, 'output', 'sub'), {recursive: true})
    await writeFile(path.join(project, 'output', 'sub'), 'in the way')
    const run = await runCliIn(project, ['build'])
    expect(run.stderr).not.toContain('Unexpected build failure')
    expect(run.stderr).toMatch(/input\/sub\/a\.txt\n.*error.*write failure/)
    expect(run.stderr).toContain('1 article unchanged')
  })
})

describe('sidecars', () => {
  let project: string
  beforeEach(async () => {
    project = await mkdtemp(path.join(tmpdir(), 'copydesk-sidecar-'))
    await mkdir(path.join(project, 'input'))
    await writeFile(path.join(project, 'input/a.txt'), story('The story.'))
  })
  afterEach(async () => {
    await rm(project, {recursive: true, force: true})
  })
  const withSidecar = async (value: string) => {
    await writeFile(path.join(project, 'input/a.meta.json'), value)
    return runCliIn(project, ['build'])
  }

  it('invalid JSON: refused, the place given', async () => {
    const run = await withSidecar(
      '{"section": "City",\n  "url" "https://x.example/"}\n'
    )
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/input\/a\.meta\.json\n\s*2:9.*error/)
    expect(await readdir(path.join(project, 'output')).catch(() => [])).toEqual(
      []
    )
  })

  it('wrong types: refused, at the value', async () => {
    const run = await withSidecar('{"keywords": "not a list"}\n')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/1:14-1:26.*error.*`\/keywords`/)
  })

  it('an `id` with `../` or an absolute path: refused, never a path', async () => {
    for (const id of ['../../etc/passwd', '/etc/passwd', 'a/b', 'C:\\\\x']) {
      const run = await withSidecar(`{"id": "${id}"}\n`)
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/`\/id`/)
    }
    expect(await readdir(project)).toEqual(['input'])
    const safe = await withSidecar('{"id": "story-2024.1"}\n')
    expect(safe.code).toBe(0)
    expect(await readdir(path.join(project, 'output'))).toEqual([
      'a.head.html',
      'a.jsonld',
      'a.ninjs.json',
      'a.nitf.xml'
    ])
  })

  it('a sidecar that is a link, a FIFO or too large: refused, no hang', async () => {
    const sidecar = path.join(project, 'input/a.meta.json')
    await symlink('/dev/zero', sidecar)
    const link = await runCliIn(project, ['build'])
    expect(link.code).toBe(1)
    expect(link.stderr).toMatch(
      /input\/a\.meta\.json\n.*error.*not a plain file/
    )
    await rm(sidecar)
    execFileSync('mkfifo', [sidecar])
    const fifo = await runCliIn(project, ['build'])
    expect(fifo.code).toBe(1)
    expect(fifo.stderr).toMatch(/not a plain file/)
    await rm(sidecar)
    const limit = Buffer.byteLength(story('The story.'))
    await writeFile(
      path.join(project, 'copydesk.config.json'),
      `{"maxFileSize": ${limit}}\n`
    )
    await writeFile(sidecar, `{"section": "${'x'.repeat(limit)}"}`)
    const large = await runCliIn(project, ['build'])
    expect(large.stderr).toContain(`expected at most ${limit} bytes`)
    expect(large.stderr).toMatch(/Unexpected sidecar of \d+ bytes/)
  })

  it('URLs that are not http(s): refused, `javascript:` included', async () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      '//news.example/a'
    ]) {
      const run = await withSidecar(`{"url": "${url}"}\n`)
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/`\/url`/)
      const image = await withSidecar(`{"images": [{"url": "${url}"}]}\n`)
      expect(image.code).toBe(1)
      expect(image.stderr).toMatch(/`\/images\/0\/url`/)
    }
  })
})

describe('every fatal case', () => {
  it('no stack trace unless `--verbose`', async () => {
    // A context the schema would have refused breaks an emitter: an
    // internal error, reported on its file.
    const file = await processArticle(story('Body.'), {
      path: 'story.txt',
      context: {
        ...defaultContext('story.txt'),
        meta: {images: 7} as never
      }
    })
    expect(ruleIds(file)).toContain('internal-error')
    const quiet = formatReport([file], {verbose: false})
    expect(quiet).toMatch(/story\.txt\n.*error.*Unexpected internal error/)
    expect(quiet).not.toMatch(/\n\s+at /)
    const verbose = formatReport([file], {verbose: true})
    expect(verbose).toMatch(/\[cause\]:\n\s+TypeError.*\n\s+at /)
  })
})
