// The ninjs 2.2 emitter (`toNinjs`, `serializeNinjs`) and its validator
// (`ninjsErrors`, IPTC's official schema through ajv; the 1.6 and 3.1
// emitters and the profiles are in `ninjs-profiles.test.ts`): exact documents for
// built articles, the mapping of each field, the fixture articles through
// the real processor, hostile text, determinism, and a validator that
// catches what the schema forbids.
import {createHash} from 'node:crypto'
import {existsSync} from 'node:fs'
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Element, ElementContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {describe, expect, it} from 'vitest'
import {resolveFacts} from '../pipeline/emit/facts.js'
import {toJsonLd} from '../pipeline/emit/to-jsonld.js'
import {type Ninjs, serializeNinjs, toNinjs} from '../pipeline/emit/to-ninjs.js'
import {ninjsErrors} from '../pipeline/emit/validate-ninjs.js'
import {processArticle, storyIdFromPath} from '../pipeline/index.js'
import type {Article, ArticleContext, Config, Meta} from '../pipeline/types.js'
import ninjsSchema from '../schemas/ninjs/ninjs-schema_2.2.json' with {
  type: 'json'
}
import {makeArticle, makeContext} from './helpers/article-fixtures.js'
import {officialNinjsErrors} from './helpers/official-ninjs.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const origcont = 'http://cv.iptc.org/newscodes/contentprodpartyrole/origcont'
const standard = {
  name: 'ninjs',
  version: '2.2',
  schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json'
}

/** `toNinjs` with the page facts the build would pass. */
function ninjs(article: Article, context: ArticleContext): Ninjs {
  return toNinjs(resolveFacts(article, context))
}

/** Every JSON pointer in `value` whose value is `""` or `[]`. */
function emptyValues(value: unknown, pointer = ''): string[] {
  if (value === '' || (Array.isArray(value) && value.length === 0)) {
    return [pointer]
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) =>
      emptyValues(item, `${pointer}/${index}`)
    )
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      emptyValues(item, `${pointer}/${key}`)
    )
  }
  return []
}

/** Valid against the official schema, with no empty string or list. */
function expectValid(document: Ninjs) {
  expect(ninjsErrors(document)).toEqual([])
  expect(ninjsErrors(JSON.parse(serializeNinjs(document)))).toEqual([])
  expect(officialNinjsErrors(document)).toEqual([])
  expect(emptyValues(document)).toEqual([])
}

/** The text of every `<p>` of an HTML fragment, as a browser would read it. */
function paragraphTexts(html: string): string[] {
  const text = (node: ElementContent): string =>
    node.type === 'text'
      ? node.value
      : node.type === 'element'
        ? node.children.map(text).join('')
        : ''
  return fromHtml(html, {fragment: true})
    .children.filter(
      (node): node is Element => node.type === 'element' && node.tagName === 'p'
    )
    .map(text)
}

const fullArticle = makeArticle({
  publication: 'The Millbrook Ledger',
  headline: 'Millbrook ferry returns after two-year pause',
  subheadline: 'Commuters cheer as the river crossing reopens',
  bylines: [
    {
      text: 'By Ada Okafor, Transport Reporter',
      authors: [
        {
          name: 'Ada Okafor',
          kind: 'Person',
          email: 'ada.okafor@ledger.example',
          jobTitle: 'Transport Reporter'
        }
      ]
    },
    {
      text: 'Ledger Metro Desk',
      authors: [{name: 'Ledger Metro Desk', kind: 'Organization'}]
    }
  ],
  dateline: {
    text: 'MILLBROOK, June 3 (Reuters) -',
    location: 'MILLBROOK',
    date: 'June 3',
    agency: 'Reuters'
  },
  body: [
    'The ferry made its first crossing at dawn on Monday.',
    'About 200 riders were aboard, the operator said.'
  ],
  summary: ['The river ferry is back in service after repairs.'],
  editorNotes: ['Eds: Embargoed until 0600.', '(Adds quote)'],
  credits: ['Additional reporting by Lars Berg', 'Editing by Mia Chen'],
  captions: ['The ferry leaves the east pier.']
})

const fullContext = makeContext({
  path: 'metro/ferry-returns.txt',
  storyId: 'ledger-2024-0603-ferry',
  meta: {
    id: 'ledger-2024-0603-ferry',
    datePublished: '2024-06-03T07:30:00-04:00',
    dateModified: '2024-06-03T11:05:00-04:00',
    url: 'https://ledger.example/metro/ferry-returns',
    section: 'Metro',
    keywords: ['ferry', 'transport, river'],
    language: 'en-US',
    images: [
      {
        url: 'https://ledger.example/img/ferry.jpg',
        width: 1600,
        height: 900,
        caption: 'The ferry leaves the east pier.',
        credit: 'Photo: Jo Park'
      },
      {url: 'https://ledger.example/img/pier.jpg'}
    ],
    copyrightHolder: 'Millbrook Ledger Ltd',
    license: 'https://ledger.example/licence',
    urgency: 3,
    embargoUntil: '2024-06-03T06:00:00-04:00',
    expires: '2024-07-03T00:00:00-04:00',
    version: 2
  },
  config: {
    publisher: {
      name: 'The Millbrook Ledger',
      url: 'https://ledger.example/'
    },
    authors: [
      {
        name: 'Ada Okafor',
        url: 'https://ledger.example/staff/ada-okafor'
      }
    ],
    language: 'en',
    copyrightHolder: 'Ledger Group'
  }
})

describe('toNinjs', () => {
  it('emits the exact document for an article with everything', () => {
    const document = ninjs(fullArticle, fullContext)
    const body =
      'The ferry made its first crossing at dawn on Monday.\n\nAbout 200 riders were aboard, the operator said.'
    const expected = {
      uri: 'https://ledger.example/metro/ferry-returns',
      type: 'text',
      representationtype: 'full',
      version: '2',
      firstcreated: '2024-06-03T07:30:00-04:00',
      versioncreated: '2024-06-03T11:05:00-04:00',
      embargoed: '2024-06-03T06:00:00-04:00',
      pubstatus: 'usable',
      urgency: 3,
      copyrightholder: 'Millbrook Ledger Ltd',
      copyrightnotice: '© 2024 Millbrook Ledger Ltd',
      usageterms: 'https://ledger.example/licence',
      ednote: 'Eds: Embargoed until 0600. (Adds quote)',
      language: 'en-US',
      descriptions: [
        {
          role: 'summary',
          value: 'The river ferry is back in service after repairs.'
        }
      ],
      bodies: [
        {contenttype: 'text/plain', charcount: 102, wordcount: 18, value: body},
        {
          contenttype: 'text/html',
          value:
            '<p>The ferry made its first crossing at dawn on Monday.</p>\n<p>About 200 riders were aboard, the operator said.</p>'
        }
      ],
      headlines: [
        {role: 'main', value: 'Millbrook ferry returns after two-year pause'},
        {
          role: 'subhead',
          value: 'Commuters cheer as the river crossing reopens'
        }
      ],
      people: [
        {
          name: 'Ada Okafor',
          rel: 'author',
          uri: 'https://ledger.example/staff/ada-okafor',
          contactinfo: [{type: 'email', value: 'ada.okafor@ledger.example'}]
        }
      ],
      organisations: [{name: 'Ledger Metro Desk', rel: 'author'}],
      places: [
        {
          name: 'MILLBROOK',
          rel: 'located',
          contactinfo: [{type: 'address', address: {locality: 'MILLBROOK'}}]
        }
      ],
      subjects: [{name: 'ferry'}, {name: 'transport, river'}],
      infosources: [{name: 'Reuters', role: origcont}],
      by: 'By Ada Okafor, Transport Reporter; Ledger Metro Desk',
      located: 'MILLBROOK',
      associations: [
        {
          name: 'image-1',
          uri: 'https://ledger.example/metro/ferry-returns#image-1',
          type: 'picture',
          descriptions: [
            {role: 'caption', value: 'The ferry leaves the east pier.'}
          ],
          by: 'Photo: Jo Park',
          renditions: [
            {
              name: 'default',
              href: 'https://ledger.example/img/ferry.jpg',
              height: 900,
              width: 1600
            }
          ]
        },
        {
          name: 'image-2',
          uri: 'https://ledger.example/metro/ferry-returns#image-2',
          type: 'picture',
          renditions: [
            {name: 'default', href: 'https://ledger.example/img/pier.jpg'}
          ]
        }
      ],
      standard,
      expires: '2024-07-03T00:00:00-04:00',
      rightsinfo: {linkedrights: 'https://ledger.example/licence'}
    }
    // Comparing serialized text also pins the key order.
    expect(serializeNinjs(document)).toBe(
      `${JSON.stringify(expected, null, 2)}\n`
    )
    expectValid(document)
  })

  it('emits only what a bare article supports', () => {
    const document = ninjs(
      makeArticle({
        headline: 'Library extends weekend hours',
        body: ['The town library will open on Sundays.', 'Staff agreed.']
      }),
      makeContext()
    )
    expect(document).toEqual({
      uri: 'urn:copydesk:story:local-story',
      type: 'text',
      representationtype: 'full',
      pubstatus: 'usable',
      descriptions: [
        {role: 'summary', value: 'The town library will open on Sundays.'}
      ],
      bodies: [
        {
          contenttype: 'text/plain',
          charcount: 53,
          wordcount: 9,
          value: 'The town library will open on Sundays.\n\nStaff agreed.'
        },
        {
          contenttype: 'text/html',
          value:
            '<p>The town library will open on Sundays.</p>\n<p>Staff agreed.</p>'
        }
      ],
      headlines: [{role: 'main', value: 'Library extends weekend hours'}],
      standard
    })
    expectValid(document)
  })

  it('names the official schema by its `$id`, without the empty fragment', () => {
    expect(ninjsSchema.$id).toBe(`${standard.schema}#`)
    expect(ninjs(fullArticle, fullContext).standard).toEqual(standard)
  })

  it('identifies the story as the JSON-LD does: URL, else the story URN', () => {
    const cases: ArticleContext[] = [
      fullContext,
      makeContext({storyId: 'ap:harbor/ferry 2'}),
      makeContext({
        path: 'world/Süd ost.txt',
        config: {baseUrl: 'https://wire.example/stories/'}
      })
    ]
    const uris = cases.map((context) => {
      const document = ninjs(fullArticle, context)
      expectValid(document)
      const graph = toJsonLd(resolveFacts(fullArticle, context)) as unknown as {
        '@graph': Array<{'@id': string}>
      }
      expect(`${document.uri}#article`).toBe(graph['@graph'][0]?.['@id'])
      return document.uri
    })
    expect(uris).toEqual([
      'https://ledger.example/metro/ferry-returns',
      'urn:copydesk:story:ap%3Aharbor%2Fferry%202',
      'https://wire.example/stories/world/S%C3%BCd%20ost'
    ])
  })

  it('dates: versioncreated falls back to datePublished, offsets as written', () => {
    const article = makeArticle({headline: 'Dates'})
    const published = ninjs(
      article,
      makeContext({meta: {datePublished: '2024-03-07T18:30:00Z'}})
    )
    expect(published.firstcreated).toBe('2024-03-07T18:30:00Z')
    expect(published.versioncreated).toBe('2024-03-07T18:30:00Z')
    const modifiedOnly = ninjs(
      article,
      makeContext({meta: {dateModified: '2024-03-08T09:00:00.250+05:30'}})
    )
    expect(modifiedOnly.firstcreated).toBeUndefined()
    expect(modifiedOnly.versioncreated).toBe('2024-03-08T09:00:00.250+05:30')
    expectValid(published)
    expectValid(modifiedOnly)
  })

  it('copyright: holder from sidecar or config, year from sidecar or datePublished', () => {
    const article = makeArticle({headline: 'Rights'})
    const notice = (meta: Meta, config: Config = {}) => {
      const document = ninjs(article, makeContext({meta, config}))
      expectValid(document)
      return [document.copyrightholder, document.copyrightnotice]
    }
    expect(
      notice(
        {datePublished: '2023-12-31T23:30:00-05:00'},
        {copyrightHolder: 'A'}
      )
    ).toEqual(['A', '© 2023 A'])
    expect(
      notice(
        {
          copyrightHolder: 'B',
          copyrightYear: 2019,
          datePublished: '2024-01-01T00:00:00Z'
        },
        {copyrightHolder: 'A'}
      )
    ).toEqual(['B', '© 2019 B'])
    expect(notice({}, {copyrightHolder: 'A'})).toEqual(['A', '© A'])
    // A year claims nothing without a holder; the publisher is no holder.
    expect(
      notice(
        {copyrightYear: 2024, publisher: {name: 'Ledger'}},
        {publisher: {name: 'Ledger'}}
      )
    ).toEqual([undefined, undefined])
  })

  it('usage terms and linked rights from the sidecar licence, else the config', () => {
    const article = makeArticle({headline: 'Licence'})
    const fromConfig = ninjs(
      article,
      makeContext({config: {license: 'https://example.org/terms'}})
    )
    expect(fromConfig.usageterms).toBe('https://example.org/terms')
    expect(fromConfig.rightsinfo).toEqual({
      linkedrights: 'https://example.org/terms'
    })
    const fromMeta = ninjs(
      article,
      makeContext({
        meta: {license: 'https://example.org/cc-by'},
        config: {license: 'https://example.org/terms'}
      })
    )
    expect(fromMeta.usageterms).toBe('https://example.org/cc-by')
    expect(fromMeta.rightsinfo).toEqual({
      linkedrights: 'https://example.org/cc-by'
    })
    expectValid(fromMeta)
  })

  it('language from the sidecar, else the config, else none', () => {
    const article = makeArticle({headline: 'Language'})
    expect(
      ninjs(
        article,
        makeContext({meta: {language: 'de-CH'}, config: {language: 'en'}})
      ).language
    ).toBe('de-CH')
    expect(
      ninjs(article, makeContext({config: {language: 'en'}})).language
    ).toBe('en')
    expect('language' in ninjs(article, makeContext())).toBe(false)
  })

  it('authors: persons to people, desks to organisations, one per name', () => {
    const article = makeArticle({
      headline: 'Wire story',
      bylines: [
        {
          text: 'By JOSE DIAZ and Kim Lee, AP Sports Writer',
          agency: 'AP',
          authors: [
            {name: 'JOSE DIAZ', kind: 'Person'},
            {name: 'Kim Lee', kind: 'Person', jobTitle: 'AP Sports Writer'}
          ]
        },
        {
          text: 'By José Díaz',
          authors: [{name: 'José Díaz', kind: 'Person'}]
        },
        {
          text: 'Our Foreign Staff',
          authors: [
            {
              name: 'Our Foreign Staff',
              kind: 'Organization',
              email: 'foreign@paper.example'
            }
          ]
        }
      ],
      dateline: {
        text: 'MADRID (Associated Press) —',
        location: 'MADRID',
        agency: 'Associated Press'
      }
    })
    const context = makeContext({
      config: {
        authors: [
          {
            name: 'Kim Lee',
            aliases: ['KIM LEE'],
            url: 'https://paper.example/staff/kim-lee'
          },
          {
            name: 'Our Foreign Staff',
            url: 'https://paper.example/desks/foreign'
          }
        ]
      }
    })
    const document = ninjs(article, context)
    expect(document.people).toEqual([
      {name: 'JOSE DIAZ', rel: 'author'},
      {
        name: 'Kim Lee',
        rel: 'author',
        uri: 'https://paper.example/staff/kim-lee'
      }
    ])
    expect(document.organisations).toEqual([
      {
        name: 'Our Foreign Staff',
        rel: 'author',
        uri: 'https://paper.example/desks/foreign',
        contactinfo: [{type: 'email', value: 'foreign@paper.example'}]
      }
    ])
    // `AP` in the byline and `Associated Press` in the dateline: one source.
    expect(document.infosources).toEqual([
      {name: 'Associated Press', role: origcont}
    ])
    expect(document.by).toBe(
      'By JOSE DIAZ and Kim Lee, AP Sports Writer; By José Díaz; Our Foreign Staff'
    )
    expect(document.located).toBe('MADRID')
    expectValid(document)
  })

  it('the dateline place as a `located` place, its parts as the address', () => {
    const placeOf = (location: string) =>
      ninjs(
        makeArticle({
          headline: 'Places',
          dateline: {text: `${location} —`, location}
        }),
        makeContext()
      )
    const cases: Array<[string, unknown]> = [
      ['LYON', {locality: 'LYON'}],
      // The full name of a state or region the place rules know.
      ['CHEYENNE, Wyo.', {locality: 'CHEYENNE', area: 'Wyoming'}],
      ['OTTAWA, Ont.', {locality: 'OTTAWA', area: 'Ontario'}],
      ['RAMALLAH, West Bank', {locality: 'RAMALLAH', area: 'West Bank'}],
      ['SEOUL, South Korea', {locality: 'SEOUL', country: 'South Korea'}]
    ]
    for (const [location, address] of cases) {
      const document = placeOf(location)
      expect(document.located).toBe(location)
      expect(document.places).toEqual([
        {
          name: location,
          rel: 'located',
          contactinfo: [{type: 'address', address}]
        }
      ])
      expectValid(document)
    }
    expect(
      'places' in ninjs(makeArticle({headline: 'No'}), makeContext())
    ).toBe(false)
  })

  it('a dateline without a place says no `located`, one with only an agency a source', () => {
    const document = ninjs(
      makeArticle({
        headline: 'CNN story',
        dateline: {text: '(CNN) —', agency: 'CNN'}
      }),
      makeContext()
    )
    expect('located' in document).toBe(false)
    expect(document.infosources).toEqual([{name: 'CNN', role: origcont}])
    expectValid(document)
  })

  it('counts words as every output does, and characters as code points', () => {
    const body = ['Fares fall 12% — “finally”, says Søren.', '한국 😀 ... ok']
    const article = makeArticle({headline: 'Counts', body})
    const [plain] = ninjs(article, makeContext()).bodies ?? []
    const graph = toJsonLd(resolveFacts(article, makeContext())) as unknown as {
      '@graph': Array<{wordCount: number; articleBody: string}>
    }
    expect(plain?.value).toBe(graph['@graph'][0]?.articleBody)
    expect(plain?.wordcount).toBe(graph['@graph'][0]?.wordCount)
    expect(plain?.wordcount).toBe(8)
    // 😀 is two UTF-16 code units but one character.
    expect(plain?.charcount).toBe(52)
    expect(plain?.value.length).toBe(53)
  })

  it('keeps hostile text as plain text, and escapes it in the HTML body', () => {
    const body = [
      'Critics said </p><script>alert("x")</script> & more &amp; <b>so</b>.',
      'Москва, 東京, القاهرة and 😀👍🏽 are fine — “quoted” ]]> <!-- too.'
    ]
    const article = makeArticle({
      headline: '</script><script>alert(1)</script> & <b>rates</b>',
      subheadline: 'Ünïcödé — 한국어 — עברית 🚀',
      body,
      summary: ['<img src=x onerror=alert(1)> & summary'],
      editorNotes: ['Eds: <i>not</i> for publication & internal']
    })
    const document = ninjs(
      article,
      makeContext({meta: {keywords: ['</script><!--', 'café “society”']}})
    )
    const [plain, html] = document.bodies ?? []
    expect(plain?.value).toBe(body.join('\n\n'))
    expect(html?.value).toBe(
      '<p>Critics said &#x3C;/p>&#x3C;script>alert("x")&#x3C;/script> &#x26; more &#x26;amp; &#x3C;b>so&#x3C;/b>.</p>\n' +
        '<p>Москва, 東京, القاهرة and 😀👍🏽 are fine — “quoted” ]]> &#x3C;!-- too.</p>'
    )
    // Read back as HTML, the paragraphs are the text, character for character.
    expect(paragraphTexts(html?.value ?? '')).toEqual(body)
    expect(document.headlines).toEqual([
      {
        role: 'main',
        value: '</script><script>alert(1)</script> & <b>rates</b>'
      },
      {role: 'subhead', value: 'Ünïcödé — 한국어 — עברית 🚀'}
    ])
    expect(document.descriptions).toEqual([
      {role: 'summary', value: '<img src=x onerror=alert(1)> & summary'}
    ])
    expect(document.ednote).toBe('Eds: <i>not</i> for publication & internal')
    expect(document.subjects).toEqual([
      {name: '</script><!--'},
      {name: 'café “society”'}
    ])
    // JSON keeps every character; parsing gives the same document back.
    expect(JSON.parse(serializeNinjs(document))).toEqual(document)
    expectValid(document)
  })

  it('writes no empty string or list for empty lists and missing values', () => {
    const document = ninjs(
      makeArticle({
        headline: 'Empty',
        bylines: [{text: 'Staff', authors: []}]
      }),
      makeContext({meta: {keywords: [], images: []}})
    )
    expect(Object.keys(document)).toEqual([
      'uri',
      'type',
      'representationtype',
      'pubstatus',
      'descriptions',
      'bodies',
      'headlines',
      'by',
      'standard'
    ])
    expectValid(document)
    // Not a valid `Article`, but no empty `headlines` list either.
    expect(
      'headlines' in ninjs(makeArticle({headline: ' '}), makeContext())
    ).toBe(false)
  })
})

describe('serializeNinjs', () => {
  it('is deterministic: same input, same bytes', () => {
    const first = serializeNinjs(ninjs(fullArticle, fullContext))
    const second = serializeNinjs(
      ninjs(structuredClone(fullArticle), structuredClone(fullContext))
    )
    expect(second).toBe(first)
    expect(first.endsWith('}\n')).toBe(true)
    expect(first.split('\n')[1]).toBe(
      '  "uri": "https://ledger.example/metro/ferry-returns",'
    )
  })

  it('writes the same bytes whatever order the keys were set in', () => {
    const document = ninjs(fullArticle, fullContext)
    const reversed = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reversed)
      if (value === null || typeof value !== 'object') return value
      return Object.fromEntries(
        Object.entries(value)
          .reverse()
          .map(([key, item]) => [key, reversed(item)])
      )
    }
    const shuffled = reversed(document) as Ninjs
    expect(Object.keys(shuffled)[0]).toBe('rightsinfo')
    expect(serializeNinjs(shuffled)).toBe(serializeNinjs(document))
  })
})

describe('ninjsErrors', () => {
  it('validates with the vendored IPTC files, byte for byte as SOURCES.md lists them', async () => {
    const sha256 = async (name: string) =>
      createHash('sha256')
        .update(await readFile(path.join(root, 'schemas', 'ninjs', name)))
        .digest('hex')
    expect(await sha256('ninjs-schema_2.2.json')).toBe(
      '88c84fa87382c5a7a314fd44ab1041921c7cbac47ab9550bc4964b1fa30897e2'
    )
    expect(await sha256('GeoJSON-schema.json')).toBe(
      'e52886cce1429941ab3725a055a61d6bf8b6f5429837ff7dbca32f809e3500c2'
    )
  })

  it('the precompiled validator says what the official schema says', () => {
    const documents: unknown[] = [
      {uri: 'urn:copydesk:story:a'},
      {uri: 5},
      {},
      {uri: 'urn:copydesk:story:a', section: 'News'},
      {uri: 'urn:copydesk:story:a', type: 'article', version: 2},
      {uri: 'urn:copydesk:story:a', bodies: [{value: 'x', charcount: 'n'}]},
      ninjs(fullArticle, fullContext)
    ]
    for (const document of documents) {
      expect(ninjsErrors(document)).toEqual(officialNinjsErrors(document))
    }
    expect(ninjsErrors({uri: 5})).toEqual(['/uri: must be string'])
  })

  it('accepts a minimal document: only `uri` is required', () => {
    expect(ninjsErrors({uri: 'urn:copydesk:story:a'})).toEqual([])
  })

  it('reports unknown properties, wrong types and values, as `/path: message`', () => {
    expect(ninjsErrors({uri: 'urn:copydesk:story:a', section: 'News'})).toEqual(
      ['/: must NOT have unevaluated properties `section`']
    )
    expect(ninjsErrors({})).toEqual(["/: must have required property 'uri'"])
    // Every error at once (`allErrors`), in the order of the schema.
    expect(
      ninjsErrors({
        uri: 'urn:copydesk:story:a',
        type: 'article',
        version: 2,
        urgency: '3',
        versioncreated: '2024-06-04',
        headlines: [{role: 'main'}],
        bodies: [{value: 'x', charcount: 'many'}]
      })
    ).toEqual([
      '/type: must be equal to one of the allowed values: `text`, `audio`, `video`, `picture`, `graphic`, `composite`, `component`',
      '/version: must be string',
      '/versioncreated: must match format "date-time"',
      '/urgency: must be number',
      '/bodies/0/charcount: must be number',
      "/headlines/0: must have required property 'value'"
    ])
    expect(ninjsErrors({uri: 'a file path/story.txt'})).toEqual([
      '/uri: must match format "uri"'
    ])
    expect(ninjsErrors('not an object')).toEqual(['/: must be object'])
  })

  it('catches a broken emitter document: unknown key, bad association', () => {
    const document = ninjs(fullArticle, fullContext)
    expect(ninjsErrors({...document, section: 'Metro'})).toEqual([
      '/: must NOT have unevaluated properties `section`'
    ])
    // Associations need a `name`; the root takes none.
    const [picture] = document.associations ?? []
    const {name: _name, ...nameless} = picture ?? {name: '', uri: ''}
    expect(
      ninjsErrors({...document, name: 'story', associations: [nameless]})
    ).toEqual([
      "/associations/0: must have required property 'name'",
      '/: must NOT have unevaluated properties `name`'
    ])
  })
})

/** One fixture article built as `copydesk build` builds it, with its context. */
interface FixtureArticle {
  name: string
  article: Article
  context: ArticleContext
  jsonld: {wordCount: number; articleBody: string; '@id': string}
}

async function fixtureArticles(): Promise<FixtureArticle[]> {
  const fixtures = path.join(root, 'test', 'fixtures')
  const projects = [
    {name: 'seed', cwd: root},
    ...(await readdir(fixtures, {withFileTypes: true}))
      .filter((entry) => entry.isDirectory() && entry.name !== 'seed')
      .map((entry) => ({
        name: entry.name,
        cwd: path.join(fixtures, entry.name)
      }))
      .sort((a, b) => (a.name < b.name ? -1 : 1))
  ]
  const articles: FixtureArticle[] = []
  for (const project of projects) {
    const configFile = path.join(project.cwd, 'copydesk.config.json')
    const config: Config = existsSync(configFile)
      ? JSON.parse(await readFile(configFile, 'utf8'))
      : {}
    const input = path.join(project.cwd, 'input')
    const names = (await readdir(input)).filter((name) => name.endsWith('.txt'))
    for (const name of names.sort()) {
      const sidecar = path.join(input, name.replace(/\.txt$/, '.meta.json'))
      const meta: Meta = existsSync(sidecar)
        ? JSON.parse(await readFile(sidecar, 'utf8'))
        : {}
      const context: ArticleContext = {
        path: name,
        storyId: meta.id ?? storyIdFromPath(name),
        meta,
        config
      }
      const file = await processArticle(
        await readFile(path.join(input, name)),
        {path: name, context}
      )
      const {article, outputs} = file.data
      if (!article || !outputs) throw new Error(`Unexpected failure: ${name}`)
      const graph = JSON.parse(String(outputs['.jsonld']))
      articles.push({
        name: `${project.name}/${name}`,
        article,
        context,
        jsonld: graph['@graph'][0]
      })
    }
  }
  return articles
}

const fixtures = await fixtureArticles()

describe('fixture articles through the processor', () => {
  it('finds every fixture article', () => {
    expect(fixtures.map((fixture) => fixture.name)).toEqual([
      'seed/harbour-ferries-return.txt',
      'seed/korea-russia-ties-hit-new-low.txt',
      'partner-profiles/gdansk-ferry.txt',
      'script-breakout/council-budget.txt',
      'web-copy/bridge-vote.txt',
      'wire-ap/harbor-ferry.txt',
      'wire-wrapped/copper-output.txt',
      'wire-wrapped/grain-storage.txt'
    ])
  })

  it.each(fixtures)('$name: valid, and agrees with the JSON-LD', (fixture) => {
    const {article, context, jsonld} = fixture
    const document = ninjs(article, context)
    expectValid(document)
    const [plain, html] = document.bodies ?? []
    expect(plain?.value).toBe(jsonld.articleBody)
    expect(plain?.wordcount).toBe(jsonld.wordCount)
    expect(paragraphTexts(html?.value ?? '')).toEqual(article.body)
    expect(`${document.uri}#article`).toBe(jsonld['@id'])
    expect(serializeNinjs(ninjs(article, context))).toBe(
      serializeNinjs(document)
    )
  })

  /** The document of one fixture without its bodies (checked above). */
  function withoutBodies(name: string) {
    const fixture = fixtures.find((item) => item.name === name)
    if (!fixture) throw new Error(`Unexpected missing fixture ${name}`)
    const {bodies, ...rest} = ninjs(fixture.article, fixture.context)
    return {
      counts: bodies?.map(({value: _value, ...counts}) => counts),
      ...rest
    }
  }

  it('seed: no date, no image, the author with the e-mail the byline prints', () => {
    expect(withoutBodies('seed/korea-russia-ties-hit-new-low.txt')).toEqual({
      counts: [
        {contenttype: 'text/plain', charcount: 2423, wordcount: 359},
        {contenttype: 'text/html'}
      ],
      uri: 'urn:copydesk:story:korea-russia-ties-hit-new-low',
      type: 'text',
      representationtype: 'full',
      pubstatus: 'usable',
      language: 'en',
      descriptions: [
        {
          role: 'summary',
          value:
            'South Korea’s already-strained relations with Russia have worsened further following Defense Minister Shin Won-sik’s remarks on offering “full support” to Ukraine.'
        }
      ],
      headlines: [
        {
          role: 'main',
          value: 'S. Korea-Russia ties hit new low following minister’s remarks'
        }
      ],
      people: [
        {
          name: 'Lee Hyo-jin',
          rel: 'author',
          contactinfo: [{type: 'email', value: 'lhj@koreatimes.co.kr'}]
        }
      ],
      by: '- By Lee Hyo-jin lhj@koreatimes.co.kr',
      standard
    })
  })

  it('partner-profiles: version, urgency, embargo, expiry, copyright from the config', () => {
    expect(withoutBodies('partner-profiles/gdansk-ferry.txt')).toEqual({
      counts: [
        {contenttype: 'text/plain', charcount: 424, wordcount: 72},
        {contenttype: 'text/html'}
      ],
      uri: 'https://balticwire.example/2024/05/14/gdansk-ferry',
      type: 'text',
      representationtype: 'full',
      version: '2',
      firstcreated: '2024-05-14T06:00:00+02:00',
      versioncreated: '2024-05-14T06:00:00+02:00',
      embargoed: '2024-05-14T06:00:00+02:00',
      pubstatus: 'usable',
      urgency: 3,
      copyrightholder: 'Baltic Wire Ltd',
      copyrightnotice: '© 2024 Baltic Wire Ltd',
      ednote: '(Adds comment from Malmö port authority)',
      language: 'en',
      descriptions: [
        {
          role: 'summary',
          value:
            'Fares on the Gdańsk–Malmö ferry will fall 12% from June, the operator said on Tuesday, after fuel costs eased for a third month.'
        }
      ],
      headlines: [
        {
          role: 'main',
          value:
            'UPDATE 1-Gdańsk–Malmö ferry fares to fall 12% as fuel costs ease'
        }
      ],
      people: [
        {
          name: 'Zofia Łukasik',
          rel: 'author',
          uri: 'https://balticwire.example/staff/zofia-lukasik'
        }
      ],
      places: [
        {
          name: 'GDAŃSK',
          rel: 'located',
          contactinfo: [{type: 'address', address: {locality: 'GDAŃSK'}}]
        }
      ],
      subjects: [{name: 'ferries'}, {name: 'Gdańsk'}, {name: 'Malmö'}],
      infosources: [{name: 'Baltic Wire', role: origcont}],
      by: 'By Zofia Łukasik',
      located: 'GDAŃSK',
      associations: [
        {
          name: 'image-1',
          uri: 'https://balticwire.example/2024/05/14/gdansk-ferry#image-1',
          type: 'picture',
          renditions: [
            {
              name: 'default',
              href: 'https://balticwire.example/img/ferry.jpg',
              height: 900,
              width: 1600
            }
          ]
        }
      ],
      standard,
      expires: '2024-06-14T00:00:00+02:00'
    })
  })

  it('script-breakout: hostile config and sidecar values stay as text', () => {
    const fixture = fixtures.find(
      (item) => item.name === 'script-breakout/council-budget.txt'
    )
    const [, html] = fixture
      ? (ninjs(fixture.article, fixture.context).bodies ?? [])
      : []
    expect(html?.value.startsWith('<p>The council voted on Tuesday')).toBe(true)
    expect(html?.value).not.toMatch(/<\/?script/i)
    expect(withoutBodies('script-breakout/council-budget.txt')).toEqual({
      counts: [
        {contenttype: 'text/plain', charcount: 232, wordcount: 37},
        {contenttype: 'text/html'}
      ],
      uri: 'https://gazette.example/news/council-budget',
      type: 'text',
      representationtype: 'full',
      firstcreated: '2024-03-04T12:00:00+01:00',
      versioncreated: '2024-03-04T15:30:00+01:00',
      pubstatus: 'usable',
      copyrightholder: 'Halden Gazette & Co',
      copyrightnotice: '© 2024 Halden Gazette & Co',
      usageterms: 'https://gazette.example/licence',
      language: 'en',
      descriptions: [
        {
          role: 'summary',
          value:
            'The council voted on Tuesday to adopt a budget that critics called “a ]]> moment” &amp; more </script foo>.'
        }
      ],
      headlines: [
        {
          role: 'main',
          value:
            'Council votes </script><script>alert(1)</script> on </SCRIPT > budget & <b>rates</b>'
        }
      ],
      people: [
        {
          name: 'Nadia Brook',
          rel: 'author',
          uri: 'https://gazette.example/staff/nadia-brook'
        },
        {
          name: 'Oskar Lind',
          rel: 'author',
          uri: 'https://gazette.example/staff/oskar-lind'
        }
      ],
      places: [
        {
          name: 'HALDEN',
          rel: 'located',
          contactinfo: [{type: 'address', address: {locality: 'HALDEN'}}]
        }
      ],
      subjects: [{name: 'budget'}, {name: '</script><!--'}],
      infosources: [{name: 'Reuters', role: origcont}],
      by: 'By Nadia Brook & Oskar Lind',
      located: 'HALDEN',
      associations: [
        {
          name: 'image-1',
          uri: 'https://gazette.example/news/council-budget#image-1',
          type: 'picture',
          descriptions: [
            {
              role: 'caption',
              value: 'The chamber </script>\u2028at night\u2029'
            }
          ],
          by: 'Gazette <!-- staff',
          renditions: [
            {
              name: 'default',
              href: 'https://gazette.example/img/council.jpg?w=1200&h=800',
              height: 800,
              width: 1200
            }
          ]
        }
      ],
      standard,
      rightsinfo: {linkedrights: 'https://gazette.example/licence'}
    })
  })

  it('wire-ap: agency as source, names as printed, notes as ednote', () => {
    const document = withoutBodies('wire-ap/harbor-ferry.txt')
    expect(document).toMatchObject({
      uri: 'https://news.example/2024/06/04/harbor-ferry',
      firstcreated: '2024-06-04T10:12:00-04:00',
      versioncreated: '2024-06-04T10:12:00-04:00',
      ednote:
        'AP Photo NY101, NY102 Eds: With AP Photos. Moves on general news.',
      language: 'en-US',
      people: [
        {name: 'MARTA OYELARAN', rel: 'author'},
        {name: 'DEV PATEL', rel: 'author'}
      ],
      subjects: [{name: 'ferries'}, {name: 'Maine'}],
      infosources: [{name: 'Associated Press', role: origcont}],
      by: 'By MARTA OYELARAN and DEV PATEL, Associated Press',
      located: 'PORT ELLIS, Maine'
    })
    expect(document.counts).toEqual([
      {contenttype: 'text/plain', charcount: 504, wordcount: 91},
      {contenttype: 'text/html'}
    ])
    // No sidecar copyright, licence, image or embargo: none of their keys.
    for (const key of [
      'copyrightholder',
      'copyrightnotice',
      'usageterms',
      'rightsinfo',
      'associations',
      'embargoed',
      'organisations'
    ]) {
      expect(key in document).toBe(false)
    }
  })

  it('wire-wrapped: the URL from `baseUrl` and the input path', () => {
    expect(
      ['copper-output', 'grain-storage'].map(
        (stem) => withoutBodies(`wire-wrapped/${stem}.txt`).uri
      )
    ).toEqual([
      'https://wire.example/stories/copper-output',
      'https://wire.example/stories/grain-storage'
    ])
  })
})
