// Partner profiles: which NITF files an article gets (`nitfProfiles`, the
// config schema, `emitDocuments`), the bare root, and the encodings, each
// output validated against the NITF 3.6 XSD as the bytes that are written.

import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  writeFile
} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import type {Root} from 'xast'
import {resolveFacts} from '../pipeline/emit/facts.js'
import {
  defaultNitfProfile,
  type NitfProfile,
  nitfProfiles
} from '../pipeline/emit/nitf-profile.js'
import {encodeNitf, serializeNitf} from '../pipeline/emit/serialize-nitf.js'
import {type NitfTreeProfile, toNitf} from '../pipeline/emit/to-nitf.js'
import {processArticle} from '../pipeline/index.js'
import {
  validateConfigSchema,
  validateMetaSchema
} from '../pipeline/json-schemas.js'
import type {Article, ArticleContext, Config} from '../pipeline/types.js'
import {runCliIn} from './helpers/run-cli.js'
import {
  canonicalXml,
  validateBareNitf,
  validateNitf,
  withNamespace
} from './helpers/validate-nitf.js'

/** The example `copydesk.config.json` of the README, between its markers. */
const readmeConfig: Config = await readFile(
  new URL('../README.md', import.meta.url),
  'utf8'
).then((readme) => {
  const block =
    /<!-- example-config -->\s*```json\n([\s\S]*?)```\s*<!-- \/example-config -->/.exec(
      readme
    )?.[1]
  if (!block) throw new Error('Unexpected README without an example config')
  return JSON.parse(block) as Config
})

/** A short wire story whose text needs more than Latin-1 and ASCII. */
const storyText = `Gdańsk–Malmö ferry fares to fall 12% as fuel costs ease

By Zofia Łukasik

GDAŃSK, May 14 (Baltic Wire) - Fares on the Gdańsk–Malmö ferry will fall 12% from June, the operator said on Tuesday.

A crossing will cost €189, down from €215. "We are passing the saving on," said chief executive Søren Åberg. Is it enough? Café owners think so 😀.
`

function storyContext(config: Config): ArticleContext {
  return {
    path: 'gdansk-ferry.txt',
    storyId: 'gdansk-ferry',
    meta: {
      datePublished: '2024-05-14T06:00:00+02:00',
      keywords: ['Gdańsk', 'Malmö', 'café "society"']
    },
    config
  }
}

async function build(config: Config) {
  return processArticle(storyText, {
    path: 'gdansk-ferry.txt',
    context: storyContext(config)
  })
}

/** An article with characters from every range the encodings treat apart. */
function article(): Article {
  return {
    headline: 'Łódź café owners say “ça va” — prices up 5 € 😀',
    bylines: [
      {text: 'By Søren Åberg', authors: [{name: 'Søren Åberg', kind: 'Person'}]}
    ],
    body: [
      'Plain ASCII: 1 < 2 & 3 > 2, "quoted" and \'single\'. Is it? Yes.',
      'Latin-1: café, naïve, £5, ½, ÿ; beyond: Łódź, €, ‘’ “”, – —, 한국, 😀.',
      'C1 and DEL, legal in XML, written as references outside UTF-8: \u0085\u007f.'
    ],
    summary: [],
    editorNotes: ['Eds: café “société”'],
    captions: [],
    credits: [],
    boilerplate: []
  }
}

const context: ArticleContext = {
  path: 'lodz.txt',
  storyId: 'lodz',
  meta: {keywords: ['Łódź', 'café'], section: 'Économie €'},
  config: {}
}

/** The bytes `emitDocuments` would write for `tree` in `encoding`. */
function bytesOf(tree: Root, encoding: NitfProfile['encoding']): Buffer {
  return encodeNitf(serializeNitf(tree, {encoding}), encoding)
}

describe('nitfProfiles', () => {
  test('without profiles, only the default: namespaced UTF-8 `.nitf.xml`', () => {
    expect(nitfProfiles({})).toEqual([
      {
        name: 'default',
        suffix: '.nitf.xml',
        namespace: 'namespaced',
        encoding: 'utf-8',
        meta: [],
        byline: 'markup'
      }
    ])
    expect(nitfProfiles({nitf: {regsrc: 'x'}})).toEqual([defaultNitfProfile])
  })

  test('the README example: the default, then the config’s profiles in order', () => {
    expect(nitfProfiles(readmeConfig)).toEqual([
      {
        name: 'default',
        suffix: '.nitf.xml',
        namespace: 'namespaced',
        encoding: 'utf-8',
        meta: [],
        byline: 'markup'
      },
      {
        name: 'kindle',
        suffix: '.kindle.nitf.xml',
        namespace: 'bare',
        encoding: 'iso-8859-1',
        meta: [{name: 'partner', content: 'Kindle Newsstand'}],
        byline: 'markup'
      }
    ])
    expect(validateConfigSchema(readmeConfig)).toBe(true)
  })

  test('fills what a profile leaves out; the default keeps its suffix', () => {
    const config = {
      nitf: {
        profiles: {
          wire: {encoding: 'us-ascii', suffix: '.wire.xml'},
          plain: {},
          // Not allowed by the schema: the default's file name is fixed.
          default: {namespace: 'bare', suffix: '.other.xml'}
        }
      }
    } as Config
    expect(nitfProfiles(config)).toEqual([
      {...defaultNitfProfile, namespace: 'bare'},
      {
        ...defaultNitfProfile,
        name: 'wire',
        suffix: '.wire.xml',
        encoding: 'us-ascii'
      },
      {...defaultNitfProfile, name: 'plain', suffix: '.plain.nitf.xml'}
    ])
  })
})

describe('config and sidecar schemas', () => {
  const profilesConfig = (profiles: unknown) => ({nitf: {profiles}})

  test.each([
    [{kindle: {}}],
    [{'kindle-2_uk': {namespace: 'bare', encoding: 'us-ascii'}}],
    [{a: {suffix: '.xml'}, b: {suffix: '.b-feed.nitf.xml'}}],
    [{superdesk: {namespace: 'bare', byline: 'plain'}}],
    [{default: {byline: 'markup'}}],
    [
      {
        default: {
          encoding: 'iso-8859-1',
          meta: [{name: 'dc:source', content: 'x'}]
        }
      }
    ]
  ])('accepts profiles %j', (profiles) => {
    expect(validateConfigSchema(profilesConfig(profiles))).toBe(true)
  })

  test.each([
    [{Kindle: {}}, '/nitf/profiles', 'pattern'],
    [{'my kindle': {}}, '/nitf/profiles', 'pattern'],
    [{'../up': {}}, '/nitf/profiles', 'pattern'],
    [{'': {}}, '/nitf/profiles', 'pattern'],
    [{k: {namespace: 'none'}}, '/nitf/profiles/k/namespace', 'enum'],
    [{k: {encoding: 'latin1'}}, '/nitf/profiles/k/encoding', 'enum'],
    [{k: {encoding: 'UTF-8'}}, '/nitf/profiles/k/encoding', 'enum'],
    [{k: {byline: 'text'}}, '/nitf/profiles/k/byline', 'enum'],
    [{default: {byline: 'Plain'}}, '/nitf/profiles/default/byline', 'enum'],
    [{k: {suffix: '.k.txt'}}, '/nitf/profiles/k/suffix', 'pattern'],
    [{k: {suffix: 'k.xml'}}, '/nitf/profiles/k/suffix', 'pattern'],
    [{k: {suffix: '.a/../b.xml'}}, '/nitf/profiles/k/suffix', 'pattern'],
    [{k: {suffix: '.K.xml'}}, '/nitf/profiles/k/suffix', 'pattern'],
    [
      {k: {meta: [{name: 'a b', content: 'x'}]}},
      '/nitf/profiles/k/meta/0/name',
      'pattern'
    ],
    [
      {k: {meta: [{name: 'a', content: ''}]}},
      '/nitf/profiles/k/meta/0/content',
      'minLength'
    ],
    [{k: {meta: [{name: 'a'}]}}, '/nitf/profiles/k/meta/0', 'required']
  ])('refuses profiles %j at %s (%s)', (profiles, instancePath, keyword) => {
    expect(validateConfigSchema(profilesConfig(profiles))).toBe(false)
    expect(validateConfigSchema.errors).toContainEqual(
      expect.objectContaining({instancePath, keyword})
    )
  })

  test('refuses rights dates without an offset', () => {
    expect(
      validateConfigSchema({nitf: {rights: {startDate: '2024-01-01T00:00'}}})
    ).toBe(false)
  })

  test('accepts the NITF fields of a sidecar', () => {
    expect(
      validateMetaSchema({
        urgency: 1,
        embargoUntil: '2024-05-14T06:00:00+02:00',
        expires: '2024-06-14T00:00:00Z',
        version: 1
      })
    ).toBe(true)
  })

  test.each([
    [{urgency: 0}, '/urgency'],
    [{urgency: 9}, '/urgency'],
    [{urgency: 2.5}, '/urgency'],
    [{urgency: '5'}, '/urgency'],
    [{version: 0}, '/version'],
    [{embargoUntil: '2024-05-14T06:00:00'}, '/embargoUntil'],
    [{expires: '2024-06-14'}, '/expires']
  ])('refuses the sidecar %j', (meta, instancePath) => {
    expect(validateMetaSchema(meta)).toBe(false)
    expect(validateMetaSchema.errors).toContainEqual(
      expect.objectContaining({instancePath})
    )
  })
})

describe('emitDocuments with profiles', () => {
  test('writes one NITF per profile, the default as text, the others as bytes', async () => {
    const file = await build({
      nitf: {
        profiles: {
          ...readmeConfig.nitf?.profiles,
          wire: {encoding: 'us-ascii', suffix: '.wire.xml'}
        }
      }
    })
    expect(file.messages.filter((message) => message.fatal)).toEqual([])
    const outputs = file.data.outputs ?? {}
    expect(Object.keys(outputs)).toEqual([
      '.jsonld',
      '.nitf.xml',
      '.kindle.nitf.xml',
      '.wire.xml',
      '.head.html',
      '.ninjs.json'
    ])
    const {
      '.nitf.xml': utf8,
      '.kindle.nitf.xml': latin1,
      '.wire.xml': ascii
    } = outputs
    expect(typeof utf8).toBe('string')
    expect(Buffer.isBuffer(latin1)).toBe(true)
    expect(Buffer.isBuffer(ascii)).toBe(true)
    if (!utf8 || !latin1 || !ascii) throw new Error('Unexpected missing NITF')

    expect(await validateNitf(utf8)).toEqual([])
    expect(await validateBareNitf(latin1)).toEqual([])
    expect(await validateNitf(ascii)).toEqual([])
    // The same document in three encodings; the bare one lacks only the
    // namespace and has the partner's `meta`.
    const canonical = await canonicalXml(utf8)
    expect(await canonicalXml(ascii)).toBe(canonical)
    const kindle = await canonicalXml(withNamespace(latin1) ?? '')
    expect(
      kindle.replace(
        /\n\s*<meta content="Kindle Newsstand" name="partner"><\/meta>/,
        ''
      )
    ).toBe(canonical)
  })

  test('leaves the default output as it is without profiles', async () => {
    const {profiles, ...nitf} = readmeConfig.nitf ?? {}
    expect(profiles).toBeDefined()
    const plain = await build({...readmeConfig, nitf})
    const profiled = await build(readmeConfig)
    expect(profiled.data.outputs?.['.nitf.xml']).toBe(
      plain.data.outputs?.['.nitf.xml']
    )
  })

  test.each([
    [
      {x: {suffix: '.nitf.xml'}},
      'Unexpected NITF profile `x` writing `<stem>.nitf.xml`, which profile `default` writes too, expected one output per file name; give the profile another `suffix` in `copydesk.config.json`'
    ],
    [
      {a: {}, b: {suffix: '.a.nitf.xml'}},
      'Unexpected NITF profile `b` writing `<stem>.a.nitf.xml`, which profile `a` writes too, expected one output per file name; give the profile another `suffix` in `copydesk.config.json`'
    ],
    // Not allowed by the schema; one file on macOS and Windows all the same.
    [
      {a: {suffix: '.feed.xml'}, b: {suffix: '.FEED.xml'}},
      'Unexpected NITF profile `b` writing `<stem>.FEED.xml`, which profile `a` writes too, expected one output per file name; give the profile another `suffix` in `copydesk.config.json`'
    ],
    [
      {page: {suffix: '.head.html'}},
      'Unexpected NITF profile `page` writing `<stem>.head.html`, which the page head writes too, expected one output per file name; give the profile another `suffix` in `copydesk.config.json`'
    ]
  ])(
    'refuses profiles %j that write one file twice',
    async (profiles, reason) => {
      const file = await build({nitf: {profiles}} as Config)
      const fatal = file.messages.filter((message) => message.fatal)
      expect(fatal.map(String)).toEqual([`gdansk-ferry.txt:1:1: ${reason}`])
      expect(fatal[0]?.ruleId).toBe('nitf-profile-collision')
      expect(file.data.outputs).toBe(undefined)
    }
  )
})

describe('bare root', () => {
  const bare = {namespace: 'bare', meta: []} satisfies NitfTreeProfile

  test('is `<nitf>` without a namespace, valid as a namespaced copy', async () => {
    const xml = serializeNitf(toNitf(resolveFacts(article(), context), bare))
    expect(xml).toMatch(
      /^<\?xml [^>]*\?>\n<nitf version="-\/\/IPTC\/\/DTD NITF 3\.6\/\/EN" /
    )
    expect(xml).not.toContain('xmlns')
    // The XSD has a target namespace: the bare document as it is cannot be
    // valid, so it is validated as the copy a careful reader would make.
    expect(await validateNitf(xml)).not.toEqual([])
    expect(await validateBareNitf(xml)).toEqual([])
    expect(withNamespace(xml)).toBe(
      serializeNitf(
        toNitf(resolveFacts(article(), context), defaultNitfProfile)
      )
    )
  })

  test('the bare validator refuses a namespaced root', async () => {
    const xml = serializeNitf(toNitf(resolveFacts(article(), context)))
    expect(await validateBareNitf(xml)).toEqual([
      'Unexpected root: expected a bare `<nitf>` without `xmlns`'
    ])
  })
})

describe('head/meta from a profile', () => {
  test('follows `title`, in order, escaped; blank or unusable pairs are left out', async () => {
    const xml = serializeNitf(
      toNitf(resolveFacts(article(), context), {
        namespace: 'namespaced',
        meta: [
          {name: 'partner', content: 'Kindle & Co <EU>'},
          {name: 'dc:source', content: 'Baltic “Wire”'},
          {name: 'a b', content: 'not a name token'},
          {name: 'empty', content: ' '}
        ]
      })
    )
    expect(await validateNitf(xml)).toEqual([])
    expect(xml).toContain(
      '</title>\n    <meta name="partner" content="Kindle &amp; Co &lt;EU>"/>\n    <meta name="dc:source" content="Baltic “Wire”"/>\n    <docdata'
    )
    expect(xml.match(/<meta /g)).toHaveLength(2)
  })
})

describe('encodings', () => {
  const tree = () => toNitf(resolveFacts(article(), context))

  test.each([
    ['iso-8859-1', 'ISO-8859-1'],
    ['us-ascii', 'US-ASCII']
  ] as const)(
    '%s: declared, valid, and the same document as UTF-8',
    async (encoding, declared) => {
      const bytes = bytesOf(tree(), encoding)
      const utf8 = serializeNitf(tree())
      const text = bytes.toString('latin1')
      expect(
        text.startsWith(`<?xml version="1.0" encoding="${declared}"?>\n`)
      ).toBe(true)
      expect(await validateNitf(bytes)).toEqual([])
      // Parsed back, every character is the one of the UTF-8 output.
      expect(await canonicalXml(bytes)).toBe(await canonicalXml(utf8))
      // Decoded by hand too: resolving the references gives the UTF-8 text.
      expect(resolveReferences(text).replace(declared, 'UTF-8')).toBe(
        resolveReferences(utf8)
      )
      // Never `?` for a character that does not fit.
      expect(text.split('?').length).toBe(utf8.split('?').length)
    }
  )

  test('ISO-8859-1 writes Latin-1 as bytes, the rest and C1 as references', () => {
    const bytes = bytesOf(tree(), 'iso-8859-1')
    // C1 bytes would be read as Windows-1252 punctuation by many partners.
    expect([...bytes].some((byte) => byte >= 0x80 && byte <= 0x9f)).toBe(false)
    const text = bytes.toString('latin1')
    expect(text).toContain(
      '<hl1>&#x141;ód&#x17A; café owners say &#x201C;ça va&#x201D; &#x2014; prices up 5 &#x20AC; &#x1F600;</hl1>'
    )
    expect(text).toContain('<person>Søren Åberg</person>')
    expect(text).toContain('<keyword key="&#x141;ód&#x17A;"/>')
    expect(text).toContain('position.section="Économie &#x20AC;"')
    expect(text).toContain('written as references outside UTF-8: &#x85;&#x7F;.')
    expect(bytes.includes(Buffer.from('café', 'latin1'))).toBe(true)
  })

  test('US-ASCII writes every other character as a reference', () => {
    const bytes = bytesOf(tree(), 'us-ascii')
    expect([...bytes].every((byte) => byte < 0x80)).toBe(true)
    const text = bytes.toString('ascii')
    expect(text).toContain(
      '<hl1>&#x141;&#xF3;d&#x17A; caf&#xE9; owners say &#x201C;&#xE7;a va&#x201D; &#x2014; prices up 5 &#x20AC; &#x1F600;</hl1>'
    )
    expect(text).toContain('<person>S&#xF8;ren &#xC5;berg</person>')
    expect(text).toContain(
      '<ed-msg info="Eds: caf&#xE9; &#x201C;soci&#xE9;t&#xE9;&#x201D;"/>'
    )
  })

  test('UTF-8 writes every character as itself', () => {
    const xml = serializeNitf(tree())
    expect(xml).toContain(
      '<hl1>Łódź café owners say “ça va” — prices up 5 € 😀</hl1>'
    )
    expect(xml).not.toMatch(/&#x(?!26;|3C;|3E;|22;)/)
    expect(encodeNitf(xml, 'utf-8')).toEqual(Buffer.from(xml, 'utf8'))
  })

  test.each([
    ['iso-8859-1', 'price: €5', '&#x20AC;'],
    ['us-ascii', 'café', '&#xE9;']
  ] as const)(
    'encodeNitf refuses a character outside %s',
    (encoding, value, reference) => {
      expect(() => encodeNitf(value, encoding)).toThrow(
        new RangeError(
          `Unexpected character \`${reference}\`, expected only characters of \`${encoding}\``
        )
      )
    }
  )

  test('serializeNitf refuses a name a reference could not write', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {type: 'element', name: 'nitf', attributes: {café: 'x'}, children: []}
      ]
    }
    expect(() => serializeNitf(tree, {encoding: 'us-ascii'})).toThrow(
      RangeError
    )
  })
})

/** `text` with every hexadecimal character reference replaced by its character. */
function resolveReferences(text: string): string {
  return text.replace(/&#x([\dA-F]+);/g, (_, hex: string) =>
    String.fromCodePoint(Number.parseInt(hex, 16))
  )
}

describe('copydesk build with profiles', () => {
  /** Build `storyText` in a fresh project with `config`; the run and the files written. */
  async function buildProject(config: Config) {
    const project = await mkdtemp(path.join(tmpdir(), 'copydesk-profiles-'))
    try {
      await mkdir(path.join(project, 'input'))
      await writeFile(path.join(project, 'input', 'ferry.txt'), storyText)
      await writeFile(
        path.join(project, 'copydesk.config.json'),
        JSON.stringify(config)
      )
      const run = await runCliIn(project, ['build'])
      const names = (
        await readdir(path.join(project, 'output')).catch(() => [])
      )
        .map(String)
        .sort()
      const files = new Map<string, Buffer>()
      for (const name of names) {
        files.set(name, await readFile(path.join(project, 'output', name)))
      }
      return {run, files}
    } finally {
      await rm(project, {recursive: true, force: true})
    }
  }

  test('writes `<stem>.<profile>.nitf.xml` in the profile’s encoding', async () => {
    const {run, files} = await buildProject(readmeConfig)
    expect(run.code).toBe(0)
    expect([...files.keys()]).toEqual([
      'ferry.head.html',
      'ferry.jsonld',
      'ferry.kindle.nitf.xml',
      'ferry.ninjs.json',
      'ferry.nitf.xml'
    ])
    const kindle = files.get('ferry.kindle.nitf.xml') ?? Buffer.alloc(0)
    expect(kindle.toString('latin1')).toMatch(
      /^<\?xml version="1\.0" encoding="ISO-8859-1"\?>\n<nitf version=/
    )
    expect(kindle.includes(Buffer.from('Søren Åberg', 'latin1'))).toBe(true)
    expect(await validateBareNitf(kindle)).toEqual([])
  })

  test('refuses a profile that collides with another output, writing nothing', async () => {
    const {run, files} = await buildProject({
      nitf: {profiles: {kindle: {suffix: '.nitf.xml'}}}
    })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      'Unexpected NITF profile `kindle` writing `<stem>.nitf.xml`, which profile `default` writes too'
    )
    expect(run.stderr).toContain('nitf-profile-collision')
    expect([...files.keys()]).toEqual([])
  })
})
