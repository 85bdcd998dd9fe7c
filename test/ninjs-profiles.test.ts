// ninjs profiles and versions: the 1.6 and 3.1 emitters (`toNinjs16`,
// `toNinjs31`) beside 2.2, every document checked against IPTC's own schema
// of its version compiled here from the vendored files and by the
// precompiled validators the build uses; 1.6 date-times in UTC, its
// associations keyed by name; which files a config asks for
// (`ninjsProfiles`, `emitDocuments`), their names and collisions, and a
// config with a version no profile can write.
import {createHash} from 'node:crypto'
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
import {fileURLToPath} from 'node:url'
import {Ajv} from 'ajv'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, it, test} from 'vitest'
import {collisionCheck} from '../pipeline/build/collisions.js'
import type {Input} from '../pipeline/build/inputs.js'
import {readJson} from '../pipeline/build/read-json.js'
import {channelFileTest} from '../pipeline/emit/channel-settings.js'
import {type Facts, resolveFacts} from '../pipeline/emit/facts.js'
import {outputFiles, outputSuffixes} from '../pipeline/emit/formats.js'
import {toNinjs} from '../pipeline/emit/to-ninjs.js'
import {
  type Ninjs16,
  serializeNinjs16,
  toNinjs16,
  utcDateTime
} from '../pipeline/emit/to-ninjs-1.6.js'
import {
  type Ninjs31,
  serializeNinjs31,
  toNinjs31
} from '../pipeline/emit/to-ninjs-3.1.js'
import {ninjsProfiles, renderNinjs} from '../pipeline/emit/to-ninjs-profiles.js'
import {
  describeNinjsErrors,
  type NinjsValidator,
  ninjsErrors
} from '../pipeline/emit/validate-ninjs.js'
import type {NinjsVersion} from '../pipeline/generated/schema-types.js'
import {processArticle} from '../pipeline/index.js'
import {checkConfig, validateConfigSchema} from '../pipeline/json-schemas.js'
import type {Article, ArticleContext, Config, Meta} from '../pipeline/types.js'
import geoJsonSchema from '../schemas/ninjs/GeoJSON-schema.json' with {
  type: 'json'
}
import schema16 from '../schemas/ninjs/ninjs-schema_1.6.json' with {
  type: 'json'
}
import schema31 from '../schemas/ninjs/ninjs-schema_3.1.json' with {
  type: 'json'
}
import {ninjsOptions} from '../scripts/schema-types.js'
import {articleText} from './helpers/arbitraries.js'
import {makeArticle, makeContext} from './helpers/article-fixtures.js'
import {officialNinjsErrors} from './helpers/official-ninjs.js'
import {runCliIn} from './helpers/run-cli.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const origcont = 'http://cv.iptc.org/newscodes/contentprodpartyrole/origcont'

// IPTC's schemas compiled from the vendored files with the options of the
// precompiled validators: 1.6 is draft-07 (ajv's default class), 3.1 is
// 2020-12 and refers to the GeoJSON schema, as 2.2 does.
const official16: NinjsValidator = (() => {
  const ajv = new Ajv(ninjsOptions)
  addFormats.default(ajv)
  return ajv.compile(schema16)
})()
const official31: NinjsValidator = (() => {
  const ajv = new Ajv2020(ninjsOptions)
  addFormats.default(ajv)
  ajv.addSchema(geoJsonSchema)
  return ajv.compile(schema31)
})()

/** Errors of `document` against IPTC's schema of `version`, compiled here. */
function officialErrors(document: unknown, version: NinjsVersion): string[] {
  if (version === '1.6') return describeNinjsErrors(official16, document)
  if (version === '3.1') return describeNinjsErrors(official31, document)
  return officialNinjsErrors(document)
}

/** Every JSON pointer in `value` whose value is `""`, `[]` or `{}`. */
function emptyValues(value: unknown, pointer = ''): string[] {
  if (value === '' || (Array.isArray(value) && value.length === 0)) {
    return [pointer]
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
    if (entries.length === 0) return [pointer]
    return entries.flatMap(([key, item]) =>
      emptyValues(item, `${pointer}/${key}`)
    )
  }
  return []
}

/**
 * Valid against IPTC's schema of `version` (the copy compiled here and the
 * build's precompiled one), as built and as written, with nothing empty.
 */
function expectValid(document: unknown, version: NinjsVersion) {
  expect(officialErrors(document, version)).toEqual([])
  expect(ninjsErrors(document, version)).toEqual([])
  const text =
    version === '1.6'
      ? serializeNinjs16(document as Ninjs16)
      : version === '3.1'
        ? serializeNinjs31(document as Ninjs31)
        : undefined
  if (text !== undefined) {
    expect(officialErrors(JSON.parse(text), version)).toEqual([])
  }
  expect(emptyValues(document)).toEqual([])
}

/** Every date-time value in a document, by JSON pointer. */
function dateTimes(value: unknown, pointer = ''): Array<[string, string]> {
  if (typeof value === 'string') {
    return /^\d{4}-\d{2}-\d{2}T/.test(value) ? [[pointer, value]] : []
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      dateTimes(item, `${pointer}/${key}`)
    )
  }
  return []
}

const fullArticle = makeArticle({
  publication: 'The Tarn Valley Courier',
  headline: 'Tarn Valley orchard reopens its cider press after the flood',
  subheadline: 'Volunteers rebuilt the mill wheel in six weeks',
  bylines: [
    {
      text: 'By Maren Solberg, Rural Affairs Editor',
      authors: [
        {
          name: 'Maren Solberg',
          kind: 'Person',
          email: 'maren.solberg@courier.example',
          jobTitle: 'Rural Affairs Editor'
        }
      ]
    },
    {
      text: 'Courier Valley Desk',
      authors: [{name: 'Courier Valley Desk', kind: 'Organization'}]
    }
  ],
  dateline: {
    text: 'ALBI, France, Oct. 12 (Valley Wire) -',
    location: 'ALBI, France',
    date: 'Oct. 12',
    agency: 'Valley Wire'
  },
  body: [
    'The press turned its first apples of the year on Saturday morning.',
    'Some 40 growers brought fruit, the cooperative said, and the queue reached the bridge.'
  ],
  summary: ['The cider press is working again after the spring flood.'],
  editorNotes: ['Eds: Moves on regional wires.', '(Corrects name of river)']
})

const fullContext = makeContext({
  path: 'valley/cider-press.txt',
  storyId: 'courier-2025-1012-cider',
  meta: {
    id: 'courier-2025-1012-cider',
    datePublished: '2025-10-12T07:45:00+02:00',
    dateModified: '2025-10-12T23:30:15.25-03:00',
    embargoUntil: '2025-10-12T06:00:00+02:00',
    expires: '2025-11-12T00:00:00Z',
    url: 'https://courier.example/valley/cider-press',
    keywords: ['cider', 'floods'],
    language: 'en-GB',
    images: [
      {
        url: 'https://courier.example/img/press.jpg',
        width: 1920,
        height: 1080,
        caption: 'The press on Saturday.',
        credit: 'Photo: Luc Amiel'
      },
      {url: 'https://courier.example/img/queue.jpg'}
    ],
    copyrightHolder: 'Tarn Courier SA',
    license: 'https://courier.example/licence',
    urgency: 4,
    version: 3
  },
  config: {
    authors: [
      {
        name: 'Maren Solberg',
        url: 'https://courier.example/staff/maren-solberg'
      }
    ]
  }
})

const fullFacts = resolveFacts(fullArticle, fullContext)
const [plainBody, htmlBody] = toNinjs(fullFacts).bodies ?? []

describe('the vendored schemas', () => {
  it('are IPTC’s files byte for byte, as SOURCES.md lists them', async () => {
    const sha256 = async (name: string) =>
      createHash('sha256')
        .update(await readFile(path.join(root, 'schemas', 'ninjs', name)))
        .digest('hex')
    expect(await sha256('ninjs-schema_1.6.json')).toBe(
      'ae8deb3991f10368593ace8696888a3fd47189893dd327ab89eb344e6b966f49'
    )
    expect(await sha256('ninjs-schema_3.1.json')).toBe(
      '404f578a299bf34e76e98f2de26ad9989882ebd7abf3a4d3cf3aa689b70a8744'
    )
  })

  it('are compiled here with the draft their `$schema` names', () => {
    expect(schema16.$schema).toBe('http://json-schema.org/draft-07/schema#')
    expect(schema31.$schema).toBe(
      'https://json-schema.org/draft/2020-12/schema'
    )
  })

  it.each([
    ['1.6', fullFacts, toNinjs16],
    ['3.1', fullFacts, toNinjs31]
  ] as const)(
    '%s: the precompiled validator says what the official schema says',
    (version, facts, build) => {
      const documents: unknown[] = [
        {uri: 'urn:copydesk:story:a'},
        {uri: 5},
        {},
        'not an object',
        {uri: 'urn:copydesk:story:a', section: 'News'},
        {uri: 'a file path/story.txt', urgency: '3'},
        {uri: 'urn:copydesk:story:a', headlines: [{role: 'main'}]},
        {uri: 'urn:copydesk:story:a', associations: [{uri: 'urn:x'}]},
        {uri: 'urn:copydesk:story:a', associations: {a: {headline: 5}}},
        {uri: 'urn:copydesk:story:a', firstcreated: '2024-06-04'},
        {uri: 'urn:copydesk:story:a', firstCreated: '2024-06-04'},
        build(facts)
      ]
      for (const document of documents) {
        expect(ninjsErrors(document, version)).toEqual(
          officialErrors(document, version)
        )
      }
      expect(ninjsErrors({uri: 5}, version)).toEqual(['/uri: must be string'])
    }
  )

  it('refuses each version’s names in another version', () => {
    const document16 = toNinjs16(fullFacts)
    const document31 = toNinjs31(fullFacts)
    const document22 = toNinjs(fullFacts)
    expect(ninjsErrors(document16, '2.2')).not.toEqual([])
    expect(ninjsErrors(document22, '1.6')).not.toEqual([])
    expect(ninjsErrors(document22, '3.1')).not.toEqual([])
    expect(ninjsErrors(document31, '2.2')).not.toEqual([])
    // 1.6 admits no key it does not define, and associations by name only.
    expect(ninjsErrors({...document16, headlines: []}, '1.6')).toEqual([
      '/: must NOT have additional properties `headlines`'
    ])
    expect(
      ninjsErrors({uri: 'urn:x', associations: [{uri: 'urn:y'}]}, '1.6')
    ).toEqual(['/associations: must be object'])
  })
})

describe('toNinjs16', () => {
  it('emits the exact document for an article with everything', () => {
    const document = toNinjs16(fullFacts)
    const expected = {
      uri: 'https://courier.example/valley/cider-press',
      type: 'text',
      representationtype: 'complete',
      version: '3',
      firstcreated: '2025-10-12T05:45:00+00:00',
      versioncreated: '2025-10-13T02:30:15.25+00:00',
      embargoed: '2025-10-12T04:00:00+00:00',
      pubstatus: 'usable',
      urgency: 4,
      copyrightholder: 'Tarn Courier SA',
      copyrightnotice: '© 2025 Tarn Courier SA',
      usageterms: 'https://courier.example/licence',
      ednote: 'Eds: Moves on regional wires. (Corrects name of river)',
      language: 'en-GB',
      person: [
        {
          name: 'Maren Solberg',
          rel: 'author',
          contactinfo: [
            {type: 'web', value: 'https://courier.example/staff/maren-solberg'},
            {type: 'email', value: 'maren.solberg@courier.example'}
          ]
        }
      ],
      organisation: [{name: 'Courier Valley Desk', rel: 'author'}],
      place: [
        {
          name: 'ALBI, France',
          rel: 'located',
          contactinfo: [
            {type: 'address', address: {locality: 'ALBI', country: 'France'}}
          ]
        }
      ],
      subject: [{name: 'cider'}, {name: 'floods'}],
      infosource: [{name: 'Valley Wire', rel: origcont}],
      byline: 'By Maren Solberg, Rural Affairs Editor; Courier Valley Desk',
      headline: 'Tarn Valley orchard reopens its cider press after the flood',
      headline_subhead: 'Volunteers rebuilt the mill wheel in six weeks',
      located: 'ALBI, France',
      charcount: plainBody?.charcount,
      wordcount: plainBody?.wordcount,
      description_text:
        'The cider press is working again after the spring flood.',
      body_text: plainBody?.value,
      body_html: htmlBody?.value,
      associations: {
        image_1: {
          uri: 'https://courier.example/valley/cider-press#image-1',
          type: 'picture',
          byline: 'Photo: Luc Amiel',
          description_text: 'The press on Saturday.',
          renditions: {
            default: {
              href: 'https://courier.example/img/press.jpg',
              height: 1080,
              width: 1920
            }
          }
        },
        image_2: {
          uri: 'https://courier.example/valley/cider-press#image-2',
          type: 'picture',
          renditions: {
            default: {href: 'https://courier.example/img/queue.jpg'}
          }
        }
      },
      $standard: {
        name: 'ninjs',
        version: '1.6',
        schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_1.6.json'
      },
      expires: '2025-11-12T00:00:00+00:00',
      rightsinfo: {linkedrights: 'https://courier.example/licence'}
    }
    // Comparing serialized text also pins the key order.
    expect(serializeNinjs16(document)).toBe(
      `${JSON.stringify(expected, null, 2)}\n`
    )
    expect(plainBody?.value).toBe(fullArticle.body.join('\n\n'))
    expectValid(document, '1.6')
  })

  it('emits only what a bare article supports', () => {
    const document = toNinjs16(
      resolveFacts(
        makeArticle({
          headline: 'Ferry timetable changes on Monday',
          body: ['Boats leave ten minutes later.']
        }),
        makeContext()
      )
    )
    expect(document).toEqual({
      uri: 'urn:copydesk:story:local-story',
      type: 'text',
      representationtype: 'complete',
      pubstatus: 'usable',
      headline: 'Ferry timetable changes on Monday',
      charcount: 30,
      wordcount: 5,
      description_text: 'Boats leave ten minutes later.',
      body_text: 'Boats leave ten minutes later.',
      body_html: '<p>Boats leave ten minutes later.</p>',
      $standard: {
        name: 'ninjs',
        version: '1.6',
        schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_1.6.json'
      }
    })
    expectValid(document, '1.6')
  })

  it('writes every date-time in UTC with `+00:00`, the same instant', () => {
    const meta: Meta = {
      datePublished: '2024-12-31T23:30:00-01:00',
      dateModified: '2025-01-01T08:15:00.125+09:00',
      embargoUntil: '2024-12-31T20:00:00Z',
      expires: '2025-02-01T00:00:00+05:45'
    }
    const document = toNinjs16(
      resolveFacts(
        makeArticle({headline: 'New Year ferry runs all night'}),
        makeContext({meta})
      )
    )
    expect(dateTimes(document)).toEqual([
      ['/firstcreated', '2025-01-01T00:30:00+00:00'],
      ['/versioncreated', '2024-12-31T23:15:00.125+00:00'],
      ['/embargoed', '2024-12-31T20:00:00+00:00'],
      ['/expires', '2025-01-31T18:15:00+00:00']
    ])
    // Each is the instant the sidecar gives.
    expect(Date.parse(document.firstcreated ?? '')).toBe(
      Date.parse(meta.datePublished ?? '')
    )
    expect(Date.parse(document.versioncreated ?? '')).toBe(
      Date.parse(meta.dateModified ?? '')
    )
    expect(Date.parse(document.expires ?? '')).toBe(
      Date.parse(meta.expires ?? '')
    )
    expectValid(document, '1.6')
  })

  it('keys associations by name, one object per picture', () => {
    const document = toNinjs16(fullFacts)
    expect(Object.keys(document.associations ?? {})).toEqual([
      'image_1',
      'image_2'
    ])
    // The keys the schema's pattern wants, and no key inside any picture
    // the root schema would refuse (each association is a ninjs object).
    for (const [name, picture] of Object.entries(document.associations ?? {})) {
      expect(name).toMatch(/^[a-zA-Z0-9_]+$/)
      expect(ninjsErrors(picture, '1.6')).toEqual([])
    }
    const none = toNinjs16(
      resolveFacts(
        makeArticle({headline: 'No pictures'}),
        makeContext({meta: {images: []}})
      )
    )
    expect('associations' in none).toBe(false)
  })
})

describe('utcDateTime', () => {
  test.each([
    ['2024-06-03T07:30:00-04:00', '2024-06-03T11:30:00+00:00'],
    ['2024-06-03T07:30:00Z', '2024-06-03T07:30:00+00:00'],
    ['2024-06-03T07:30:00+00:00', '2024-06-03T07:30:00+00:00'],
    // Across a year, a leap day, with minutes in the offset.
    ['2024-12-31T23:30:00-01:00', '2025-01-01T00:30:00+00:00'],
    ['2024-03-01T00:15:00+05:45', '2024-02-29T18:30:00+00:00'],
    ['2023-03-01T00:15:00+05:45', '2023-02-28T18:30:00+00:00'],
    // Fractions as written; the widest offsets.
    ['2024-06-03T07:30:00.123456+14:00', '2024-06-02T17:30:00.123456+00:00'],
    ['2024-06-03T20:00:00-13:59', '2024-06-04T09:59:00+00:00'],
    // What ISO 8601 also allows: lower case, no seconds.
    ['2024-06-03t07:30z', '2024-06-03T07:30:00+00:00'],
    // Years before 100 stay years before 100.
    ['0050-01-01T00:30:00+01:00', '0049-12-31T23:30:00+00:00']
  ])('%s is %s', (value, utc) => {
    expect(utcDateTime(value)).toBe(utc)
    expect(Date.parse(utc)).toBe(Date.parse(value.toUpperCase()))
  })

  test.each([
    '2024-06-03',
    '2024-06-03T07:30:00',
    'soon',
    '2024-02-30T10:00:00Z',
    '2024-06-03T24:00:00Z',
    '2024-06-03T07:30:00+15:00',
    // No RFC 3339 year in UTC.
    '0000-01-01T00:00:00+00:01',
    '9999-12-31T23:59:59-00:01'
  ])('%s has no UTC form', (value) => {
    expect(utcDateTime(value)).toBeUndefined()
  })
})

describe('toNinjs31', () => {
  it('emits the exact document for an article with everything', () => {
    const document = toNinjs31(fullFacts)
    const expected = {
      uri: 'https://courier.example/valley/cider-press',
      type: 'text',
      representationType: 'full',
      version: '3',
      firstCreated: '2025-10-12T07:45:00+02:00',
      versionCreated: '2025-10-12T23:30:15.25-03:00',
      embargoedUntil: '2025-10-12T06:00:00+02:00',
      pubStatus: 'usable',
      urgency: 4,
      copyrightHolder: 'Tarn Courier SA',
      copyrightNotice: '© 2025 Tarn Courier SA',
      usageTerms: 'https://courier.example/licence',
      edNote: 'Eds: Moves on regional wires. (Corrects name of river)',
      language: 'en-GB',
      descriptions: [
        {
          role: 'summary',
          value: 'The cider press is working again after the spring flood.'
        }
      ],
      bodies: [
        {
          contentType: 'text/plain',
          charCount: plainBody?.charcount,
          wordCount: plainBody?.wordcount,
          value: plainBody?.value
        },
        {contentType: 'text/html', value: htmlBody?.value}
      ],
      headlines: [
        {
          role: 'main',
          value: 'Tarn Valley orchard reopens its cider press after the flood'
        },
        {
          role: 'subhead',
          value: 'Volunteers rebuilt the mill wheel in six weeks'
        }
      ],
      people: [
        {
          name: 'Maren Solberg',
          rel: 'author',
          uri: 'https://courier.example/staff/maren-solberg',
          contactInfo: [{type: 'email', value: 'maren.solberg@courier.example'}]
        }
      ],
      organisations: [{name: 'Courier Valley Desk', rel: 'author'}],
      places: [
        {
          name: 'ALBI, France',
          rel: 'located',
          contactInfo: [
            {type: 'address', address: {locality: 'ALBI', country: 'France'}}
          ]
        }
      ],
      subjects: [{name: 'cider'}, {name: 'floods'}],
      infoSources: [{name: 'Valley Wire', role: origcont}],
      by: 'By Maren Solberg, Rural Affairs Editor; Courier Valley Desk',
      located: 'ALBI, France',
      associations: [
        {
          name: 'image-1',
          uri: 'https://courier.example/valley/cider-press#image-1',
          type: 'picture',
          descriptions: [{role: 'caption', value: 'The press on Saturday.'}],
          by: 'Photo: Luc Amiel',
          renditions: [
            {
              name: 'default',
              href: 'https://courier.example/img/press.jpg',
              height: 1080,
              width: 1920
            }
          ]
        },
        {
          name: 'image-2',
          uri: 'https://courier.example/valley/cider-press#image-2',
          type: 'picture',
          renditions: [
            {name: 'default', href: 'https://courier.example/img/queue.jpg'}
          ]
        }
      ],
      standard: {
        name: 'ninjs',
        version: '3.1',
        schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json'
      },
      expires: '2025-11-12T00:00:00Z',
      rightsInfo: {linkedRights: 'https://courier.example/licence'}
    }
    expect(serializeNinjs31(document)).toBe(
      `${JSON.stringify(expected, null, 2)}\n`
    )
    expectValid(document, '3.1')
  })

  it('names the official schema by its `$id`, without the empty fragment', () => {
    expect(schema31.$id).toBe(`${toNinjs31(fullFacts).standard?.schema}#`)
    expect(schema16.$id).toBe(`${toNinjs16(fullFacts).$standard?.schema}#`)
  })

  it('is the 2.2 document in 3.x’s names, key for key', () => {
    const rename: Record<string, string> = {
      representationtype: 'representationType',
      firstcreated: 'firstCreated',
      versioncreated: 'versionCreated',
      embargoed: 'embargoedUntil',
      pubstatus: 'pubStatus',
      copyrightholder: 'copyrightHolder',
      copyrightnotice: 'copyrightNotice',
      usageterms: 'usageTerms',
      ednote: 'edNote',
      infosources: 'infoSources',
      rightsinfo: 'rightsInfo',
      linkedrights: 'linkedRights',
      contenttype: 'contentType',
      charcount: 'charCount',
      wordcount: 'wordCount',
      contactinfo: 'contactInfo'
    }
    const renamed = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(renamed)
      if (value === null || typeof value !== 'object') return value
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [
          rename[key] ?? key,
          renamed(item)
        ])
      )
    }
    for (const facts of [fullFacts, ...builtFacts()]) {
      const {standard: _22, ...document22} = toNinjs(facts)
      const {standard: _31, ...document31} = toNinjs31(facts)
      expect(document31).toEqual(renamed(document22))
    }
  })
})

// Articles written for these tests, built by the real processor: a US wire
// story, a foreign story with a summary, a story with no dateline and no
// sidecar, and one with hostile text and a region.
const stories: Array<{name: string; text: string; meta: Meta; config: Config}> =
  [
    {
      name: 'grain-elevator',
      text: `Prairie town votes to save its last grain elevator

By HOLLIS MBEKI and Jun Tanaka

CHEYENNE, Wyo. (Reuters) - Voters in a small ranching town chose on Tuesday to keep its last wooden grain elevator standing, 412 to 388.

The elevator, built in 1917, has been empty since the rail spur closed.

"It's the tallest thing for forty miles," said Edna Kowalczyk, 80.
`,
      meta: {
        datePublished: '2025-04-15T21:40:00-06:00',
        dateModified: '2025-04-16T06:05:00-06:00',
        url: 'https://plains.example/2025/04/grain-elevator',
        keywords: ['elevators', 'Wyoming'],
        images: [
          {
            url: 'https://plains.example/img/elevator.jpg',
            width: 1200,
            height: 800,
            caption: 'The elevator at dusk.'
          }
        ],
        urgency: 2,
        embargoUntil: '2025-04-15T20:00:00-06:00'
      },
      config: {
        authors: [
          {name: 'Jun Tanaka', url: 'https://plains.example/staff/jun-tanaka'}
        ]
      }
    },
    {
      name: 'night-trains',
      text: `Night trains return to the Alps line

Sleeper service resumes after eight years

By Greta Holm

INNSBRUCK, Austria, Dec. 1 (Alpine News) - The first sleeper train in eight years left the station at 22:14 on Sunday, with every berth sold.

The operator plans three departures a week until March.
`,
      meta: {
        id: 'alpine-night-trains',
        datePublished: '2025-12-01T23:55:00.5+01:00',
        language: 'de-AT',
        license: 'https://alpine.example/terms',
        copyrightHolder: 'Alpine News GmbH',
        version: 2
      },
      config: {baseUrl: 'https://alpine.example/stories/'}
    },
    {
      name: 'library-hours',
      text: `Library adds Sunday hours

The town library will open on Sundays from next month, the council said.

Staff agreed to the change after a survey of readers.
`,
      meta: {},
      config: {}
    },
    {
      name: 'border-market',
      text: `Market traders <b>protest</b> & "fees" </script>

By Amal Haddad

RAMALLAH, West Bank (Levant Wire) - Traders closed their stalls for an hour on Wednesday — Москва, 東京, القاهرة and 😀 were on the placards — over a new fee.

The council said the fee pays for cleaning.
`,
      meta: {
        datePublished: '2025-07-09T14:00:00+03:00',
        keywords: ['markets', '</script><!--'],
        expires: '2025-08-09T00:00:00+03:00'
      },
      config: {language: 'en', copyrightHolder: 'Levant Wire'}
    }
  ]

/** The facts of every story above, as the processor resolves them. */
const built: Array<{name: string; facts: Facts; file: VFile}> = []
for (const story of stories) {
  const context: ArticleContext = {
    path: `${story.name}.txt`,
    storyId: story.meta.id ?? story.name,
    meta: story.meta,
    config: story.config
  }
  const file = await processArticle(story.text, {
    path: context.path,
    context
  })
  const article = file.data.article as Article | undefined
  if (!article) throw new Error(`Unexpected failure: ${story.name}`)
  built.push({name: story.name, facts: resolveFacts(article, context), file})
}

function builtFacts(): Facts[] {
  return built.map((item) => item.facts)
}

describe('stories through the processor', () => {
  it('extracts what the stories print', () => {
    expect(
      built.map(({facts}) => [
        facts.article.headline,
        facts.place?.text,
        facts.agencies
      ])
    ).toEqual([
      [
        'Prairie town votes to save its last grain elevator',
        'CHEYENNE, Wyo.',
        ['Reuters']
      ],
      [
        'Night trains return to the Alps line',
        'INNSBRUCK, Austria',
        ['Alpine News']
      ],
      ['Library adds Sunday hours', undefined, []],
      [
        'Market traders <b>protest</b> & “fees” </script>',
        'RAMALLAH, West Bank',
        ['Levant Wire']
      ]
    ])
  })

  it.each(built)(
    '$name: every version is valid against IPTC’s schema',
    ({facts}) => {
      expectValid(toNinjs16(facts), '1.6')
      expectValid(toNinjs(facts), '2.2')
      expectValid(toNinjs31(facts), '3.1')
      for (const version of ['1.6', '2.2', '3.1'] as const) {
        const rendered = renderNinjs(facts, version)
        if (!('text' in rendered)) throw new Error(rendered.errors.join('\n'))
        expect(officialErrors(JSON.parse(rendered.text), version)).toEqual([])
      }
    }
  )

  it.each(built)('$name: 1.6 says what 2.2 says, dates in UTC', ({facts}) => {
    const document16 = toNinjs16(facts)
    const document22 = toNinjs(facts)
    const [plain, html] = document22.bodies ?? []
    expect(document16.uri).toBe(document22.uri)
    expect(document16.body_text).toBe(plain?.value)
    expect(document16.body_html).toBe(html?.value)
    expect(document16.charcount).toBe(plain?.charcount)
    expect(document16.wordcount).toBe(plain?.wordcount)
    expect(document16.headline).toBe(document22.headlines?.[0]?.value)
    expect(document16.description_text).toBe(
      document22.descriptions?.[0]?.value
    )
    expect(document16.byline).toBe(document22.by)
    expect(document16.located).toBe(document22.located)
    expect(document16.place).toEqual(document22.places)
    expect(document16.subject).toEqual(document22.subjects)
    expect(document16.infosource?.map((source) => source.name)).toEqual(
      document22.infosources?.map((source) => source.name)
    )
    expect(document16.copyrightnotice).toBe(document22.copyrightnotice)
    expect(Object.values(document16.associations ?? {})).toHaveLength(
      document22.associations?.length ?? 0
    )
    // Every date-time in UTC, at the instant 2.2 writes with its offset.
    const utc = dateTimes(document16)
    const offsets = dateTimes(document22)
    expect(utc.map(([pointer]) => pointer)).toEqual(
      offsets.map(([pointer]) => pointer)
    )
    for (const [index, [, value]] of utc.entries()) {
      expect(value).toMatch(
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+00:00$/
      )
      expect(Date.parse(value)).toBe(Date.parse(offsets[index]?.[1] ?? ''))
    }
  })

  it('grain-elevator: the state’s full name as the place’s area', () => {
    const facts = built[0]?.facts
    if (!facts) throw new Error('Unexpected missing story')
    expect(toNinjs16(facts).place).toEqual([
      {
        name: 'CHEYENNE, Wyo.',
        rel: 'located',
        contactinfo: [
          {type: 'address', address: {locality: 'CHEYENNE', area: 'Wyoming'}}
        ]
      }
    ])
    expect(toNinjs16(facts)).toMatchObject({
      firstcreated: '2025-04-16T03:40:00+00:00',
      versioncreated: '2025-04-16T12:05:00+00:00',
      embargoed: '2025-04-16T02:00:00+00:00',
      urgency: 2,
      person: [
        {name: 'HOLLIS MBEKI', rel: 'author'},
        {
          name: 'Jun Tanaka',
          rel: 'author',
          contactinfo: [
            {type: 'web', value: 'https://plains.example/staff/jun-tanaka'}
          ]
        }
      ],
      associations: {
        image_1: {
          uri: 'https://plains.example/2025/04/grain-elevator#image-1',
          type: 'picture',
          description_text: 'The elevator at dusk.',
          renditions: {
            default: {
              href: 'https://plains.example/img/elevator.jpg',
              height: 800,
              width: 1200
            }
          }
        }
      }
    })
  })

  it('night-trains: a fraction of a second across midnight, subhead as `headline_subhead`', () => {
    const facts = built[1]?.facts
    if (!facts) throw new Error('Unexpected missing story')
    const document = toNinjs16(facts)
    expect(document).toMatchObject({
      uri: 'https://alpine.example/stories/night-trains',
      version: '2',
      firstcreated: '2025-12-01T22:55:00.5+00:00',
      versioncreated: '2025-12-01T22:55:00.5+00:00',
      headline_subhead: 'Sleeper service resumes after eight years',
      language: 'de-AT',
      usageterms: 'https://alpine.example/terms',
      rightsinfo: {linkedrights: 'https://alpine.example/terms'}
    })
    expect(toNinjs31(facts).firstCreated).toBe('2025-12-01T23:55:00.5+01:00')
  })

  it('library-hours: no dateline, no sidecar: no place, no date, no source', () => {
    const facts = built[2]?.facts
    if (!facts) throw new Error('Unexpected missing story')
    const document = toNinjs16(facts)
    for (const key of [
      'place',
      'located',
      'infosource',
      'firstcreated',
      'versioncreated',
      'byline',
      'associations'
    ]) {
      expect(key in document).toBe(false)
    }
    expect('places' in toNinjs31(facts)).toBe(false)
  })

  it('border-market: hostile text stays text in every version', () => {
    const facts = built[3]?.facts
    if (!facts) throw new Error('Unexpected missing story')
    const document16 = toNinjs16(facts)
    const document31 = toNinjs31(facts)
    expect(document16.headline).toBe(
      'Market traders <b>protest</b> & “fees” </script>'
    )
    expect(document16.body_html).not.toMatch(/<\/?(?:b|script)\b/)
    expect(document16.body_html).toContain('Москва, 東京, القاهرة and 😀')
    expect(document16.place?.[0]?.contactinfo).toEqual([
      {type: 'address', address: {locality: 'RAMALLAH', area: 'West Bank'}}
    ])
    expect(document31.subjects).toEqual([
      {name: 'markets'},
      {name: '</script><!--'}
    ])
    expect(JSON.parse(serializeNinjs16(document16))).toEqual(document16)
    expect(JSON.parse(serializeNinjs31(document31))).toEqual(document31)
  })
})

describe('ninjsProfiles', () => {
  const defaultProfile = {
    name: 'default',
    suffix: '.ninjs.json',
    version: '2.2'
  }

  test.each([
    ['no ninjs key', {}],
    ['`true`', {ninjs: true}],
    ['an object without profiles', {ninjs: {}}],
    ['no profiles', {ninjs: {profiles: {}}}]
  ] as Array<[string, Config]>)('%s: only the default, 2.2', (_, config) => {
    expect(ninjsProfiles(config)).toEqual([defaultProfile])
  })

  test('`false`: none', () => {
    expect(ninjsProfiles({ninjs: false})).toEqual([])
    expect(outputSuffixes({ninjs: false})).not.toContain('.ninjs.json')
  })

  test('the default first, then the config’s in order, named as NITF’s are', () => {
    expect(
      ninjsProfiles({
        ninjs: {
          profiles: {
            superdesk: {version: '1.6'},
            next: {version: '3.1', suffix: '.v3.json'},
            plain: {}
          }
        }
      })
    ).toEqual([
      defaultProfile,
      {name: 'superdesk', suffix: '.superdesk.ninjs.json', version: '1.6'},
      {name: 'next', suffix: '.v3.json', version: '3.1'},
      {name: 'plain', suffix: '.plain.ninjs.json', version: '2.2'}
    ])
  })

  test('`default` sets the version of `<stem>.ninjs.json`, wherever it is listed', () => {
    expect(
      ninjsProfiles({
        ninjs: {profiles: {legacy: {version: '1.6'}, default: {version: '3.1'}}}
      })
    ).toEqual([
      {name: 'default', suffix: '.ninjs.json', version: '3.1'},
      {name: 'legacy', suffix: '.legacy.ninjs.json', version: '1.6'}
    ])
  })
})

/** A short story, built with `config` by the real processor. */
async function build(config: Config) {
  const story = stories[0]
  if (!story) throw new Error('Unexpected missing story')
  return processArticle(story.text, {
    path: 'grain-elevator.txt',
    context: {
      path: 'grain-elevator.txt',
      storyId: 'grain-elevator',
      meta: story.meta,
      config
    }
  })
}

describe('emitDocuments with ninjs profiles', () => {
  test('writes one file per profile, each valid in its version', async () => {
    const file = await build({
      ninjs: {
        profiles: {
          superdesk: {version: '1.6'},
          next: {version: '3.1', suffix: '.v3.json'}
        }
      }
    })
    expect(file.messages.filter((message) => message.fatal)).toEqual([])
    const outputs = file.data.outputs ?? {}
    expect(Object.keys(outputs)).toEqual([
      '.jsonld',
      '.nitf.xml',
      '.head.html',
      '.ninjs.json',
      '.superdesk.ninjs.json',
      '.v3.json'
    ])
    const parsed = (suffix: string) => JSON.parse(String(outputs[suffix]))
    expect(officialErrors(parsed('.ninjs.json'), '2.2')).toEqual([])
    expect(officialErrors(parsed('.superdesk.ninjs.json'), '1.6')).toEqual([])
    expect(officialErrors(parsed('.v3.json'), '3.1')).toEqual([])
    expect(parsed('.ninjs.json').standard.version).toBe('2.2')
    expect(parsed('.superdesk.ninjs.json').$standard.version).toBe('1.6')
    expect(parsed('.v3.json').standard.version).toBe('3.1')

    // Profiles leave the default output as it is.
    const plain = await build({})
    expect(outputs['.ninjs.json']).toBe(plain.data.outputs?.['.ninjs.json'])
  })

  test('two profiles of one version write the same bytes', async () => {
    const file = await build({
      ninjs: {
        profiles: {
          default: {version: '1.6'},
          superdesk: {version: '1.6'},
          archive: {version: '2.2', suffix: '.archive.json'}
        }
      }
    })
    const outputs = file.data.outputs ?? {}
    expect(outputs['.superdesk.ninjs.json']).toBe(outputs['.ninjs.json'])
    expect(JSON.parse(String(outputs['.ninjs.json'])).$standard.version).toBe(
      '1.6'
    )
    expect(JSON.parse(String(outputs['.archive.json'])).standard.version).toBe(
      '2.2'
    )
  })

  test('`ninjs: false` writes none, whatever NITF does', async () => {
    const file = await build({
      ninjs: false,
      nitf: {profiles: {kindle: {namespace: 'bare'}}}
    })
    expect(Object.keys(file.data.outputs ?? {})).toEqual([
      '.jsonld',
      '.nitf.xml',
      '.kindle.nitf.xml',
      '.head.html'
    ])
  })

  test.each([
    [
      {x: {suffix: '.ninjs.json'}},
      'Unexpected ninjs profile `x` writing `<stem>.ninjs.json`, which ninjs profile `default` writes too, expected one output per file name; give the profile another `suffix` in `copydesk.config.json`'
    ],
    [
      {a: {}, b: {version: '1.6', suffix: '.a.ninjs.json'}},
      'Unexpected ninjs profile `b` writing `<stem>.a.ninjs.json`, which ninjs profile `a` writes too, expected one output per file name; give the profile another `suffix` in `copydesk.config.json`'
    ],
    // No suffix of its own: the name of another's.
    [
      {a: {suffix: '.b.ninjs.json'}, b: {version: '3.1'}},
      'Unexpected ninjs profile `b` writing `<stem>.b.ninjs.json`, which ninjs profile `a` writes too, expected one output per file name; give the profile another `suffix` in `copydesk.config.json`'
    ],
    // Not allowed by the schema; one file on macOS and Windows all the same.
    [
      {a: {suffix: '.wire.json'}, b: {suffix: '.WIRE.json'}},
      'Unexpected ninjs profile `b` writing `<stem>.WIRE.json`, which ninjs profile `a` writes too, expected one output per file name; give the profile another `suffix` in `copydesk.config.json`'
    ]
  ])(
    'refuses profiles %j that write one file twice',
    async (profiles, reason) => {
      const file = await build({ninjs: {profiles}} as Config)
      const fatal = file.messages.filter((message) => message.fatal)
      expect(fatal.map(String)).toEqual([`grain-elevator.txt:1:1: ${reason}`])
      expect(fatal[0]?.ruleId).toBe('ninjs-profile-collision')
      expect(file.data.outputs).toBe(undefined)
    }
  )
  test('an invalid document is the fatal `invalid-ninjs`, naming its version', () => {
    // Facts no resolution gives: a path where the URI goes.
    const broken: Facts = {...fullFacts, uri: 'a file path/story.txt'}
    const files = outputFiles({
      ninjs: {
        profiles: {
          superdesk: {version: '1.6'},
          next: {version: '3.1', suffix: '.v3.json'}
        }
      }
    }).filter((file) => file.suffix.endsWith('.json'))
    expect(files.map((file) => file.render(broken))).toEqual(
      (['2.2', '1.6', '3.1'] as const).map((version) => ({
        problem: {
          reason: expect.stringMatching(
            new RegExp(
              `^Unexpected invalid ninjs ${version.replace('.', '\\.')} \\(/uri: must match format "uri".*\\), expected a document valid against ninjs ${version.replace('.', '\\.')}; this is a copydesk bug, please report it$`
            )
          ),
          ruleId: 'invalid-ninjs'
        }
      }))
    )
  })
})

describe('the config check', () => {
  /** The messages of reading `text` as `copydesk.config.json`, as the build does. */
  function configMessages(text: string) {
    const file = new VFile({path: 'copydesk.config.json', value: text})
    let config: Config | undefined
    try {
      config = readJson(
        file,
        validateConfigSchema,
        'config-schema',
        checkConfig
      )
    } catch {
      // `fail` throws after its message: the messages say it.
    }
    return {
      config,
      messages: file.messages.map((message) => [
        String(message),
        message.ruleId,
        message.fatal
      ])
    }
  }

  test('refuses a profile colliding with another, once and at its `suffix`', () => {
    expect(
      configMessages(
        '{\n  "ninjs": {"profiles": {"superdesk": {"version": "1.6", "suffix": ".ninjs.json"}}}\n}\n'
      )
    ).toEqual({
      config: undefined,
      messages: [
        [
          'copydesk.config.json:2:68-2:81: Unexpected ninjs profile `superdesk` writing `<stem>.ninjs.json`, which ninjs profile `default` writes too, expected one output per file name; give the profile another `suffix` in `copydesk.config.json`',
          'ninjs-profile-collision',
          true
        ]
      ]
    })
  })

  test('refuses a profile without a suffix at the profile', () => {
    const {messages} = configMessages(
      '{"ninjs": {"profiles": {\n  "a": {"suffix": ".b.ninjs.json"},\n  "b": {}\n}}}\n'
    )
    expect(messages).toEqual([
      [
        'copydesk.config.json:3:8-3:10: Unexpected ninjs profile `b` writing `<stem>.b.ninjs.json`, which ninjs profile `a` writes too, expected one output per file name; give the profile another `suffix` in `copydesk.config.json`',
        'ninjs-profile-collision',
        true
      ]
    ])
  })

  test('refuses a version no profile can write, at its place', () => {
    const {config, messages} = configMessages(
      '{\n  "ninjs": {"profiles": {"superdesk": {"version": "1.5"}}}\n}\n'
    )
    expect(config).toBeUndefined()
    expect(messages).toContainEqual([
      'copydesk.config.json:2:51-2:56: Unexpected value at `/ninjs/profiles/superdesk/version`, expected one of `1.6`, `2.2`, `3.1`',
      'config-schema',
      true
    ])
    expect(messages.every(([, ruleId]) => ruleId === 'config-schema')).toBe(
      true
    )
  })

  test.each([
    {ninjs: {profiles: {x: {version: '2.1'}}}},
    {ninjs: {profiles: {x: {version: 2.2}}}},
    {ninjs: {profiles: {default: {version: '3.0'}}}},
    {ninjs: {profiles: {default: {suffix: '.x.ninjs.json'}}}},
    {ninjs: {profiles: {x: {suffix: '.x.xml'}}}},
    {ninjs: {profiles: {X: {}}}},
    {ninjs: 'yes'}
  ])('the schema refuses %j', (config) => {
    expect(validateConfigSchema(config)).toBe(false)
  })

  test.each([
    {ninjs: true},
    {ninjs: {}},
    {ninjs: {profiles: {default: {version: '1.6'}}}},
    {
      ninjs: {
        profiles: {
          superdesk: {version: '1.6'},
          next: {version: '3.1', suffix: '.v3.json'}
        }
      }
    }
  ])('the schema and the checks accept %j', (config) => {
    expect(validateConfigSchema(config)).toBe(true)
    expect(checkConfig(config as Config)).toEqual([])
  })
})

describe('output collisions between inputs', () => {
  const cwd = '/project'
  const inputs = new Map<string, Input>()
  // One object per path: the check tells an input from the others by identity.
  const input = (relative: string): Input => {
    let found = inputs.get(relative)
    if (!found) {
      found = {absolute: `/project/input/${relative}`, relative}
      inputs.set(relative, found)
    }
    return found
  }

  test('`a.txt` with profile `x` and `a.x.txt` write one file', () => {
    const config: Config = {ninjs: {profiles: {x: {version: '1.6'}}}}
    const all = [input('a.txt'), input('a.x.txt'), input('b.txt')]
    const check = collisionCheck({
      cwd,
      inputs: all,
      suffixes: outputSuffixes(config),
      isChannelFile: channelFileTest(config)
    })
    expect(check(input('b.txt'))).toBeUndefined()
    expect(check(input('a.txt'))?.messages.map(String)).toEqual([
      'input/a.txt:1:1: Unexpected second input for the outputs of `a` (also from `input/a.x.txt`), expected one input per output file; rename one of them'
    ])
    // Without the profile, they write apart.
    const plain = collisionCheck({
      cwd,
      inputs: all,
      suffixes: outputSuffixes({}),
      isChannelFile: channelFileTest({})
    })
    expect(plain(input('a.txt'))).toBeUndefined()
  })

  test('a profile suffix `.json` would make `feed.txt` write the JSON Feed', () => {
    const config: Config = {ninjs: {profiles: {bare: {suffix: '.json'}}}}
    const check = collisionCheck({
      cwd,
      inputs: [input('feed.txt')],
      suffixes: outputSuffixes(config),
      isChannelFile: channelFileTest(config)
    })
    expect(check(input('feed.txt'))?.messages.map(String)).toEqual([
      'input/feed.txt:1:1: Unexpected input whose output `feed.json` is a file the feeds or the news sitemap write, expected another name; rename the article or turn that channel off in `copydesk.config.json`'
    ])
  })
})

describe('copydesk build with ninjs profiles', () => {
  /** Build the first story in a fresh project with `config` (JSON text). */
  async function buildProject(configText: string) {
    const project = await mkdtemp(path.join(tmpdir(), 'copydesk-ninjs-'))
    try {
      const story = stories[0]
      if (!story) throw new Error('Unexpected missing story')
      await mkdir(path.join(project, 'input'))
      await writeFile(path.join(project, 'input', 'elevator.txt'), story.text)
      await writeFile(
        path.join(project, 'input', 'elevator.meta.json'),
        JSON.stringify(story.meta)
      )
      await writeFile(path.join(project, 'copydesk.config.json'), configText)
      const run = await runCliIn(project, ['build'])
      const names = (
        await readdir(path.join(project, 'output')).catch(() => [])
      )
        .map(String)
        .filter((name) => name.startsWith('elevator.'))
        .sort()
      const files = new Map<string, string>()
      for (const name of names) {
        files.set(
          name,
          await readFile(path.join(project, 'output', name), 'utf8')
        )
      }
      return {run, files}
    } finally {
      await rm(project, {recursive: true, force: true})
    }
  }

  test('writes `<stem>.<profile>.ninjs.json` and `<stem><suffix>`, each in its version', async () => {
    const {run, files} = await buildProject(
      JSON.stringify({
        ninjs: {
          profiles: {
            superdesk: {version: '1.6'},
            next: {version: '3.1', suffix: '.v3.json'}
          }
        }
      })
    )
    expect(run.code).toBe(0)
    expect([...files.keys()]).toEqual([
      'elevator.head.html',
      'elevator.jsonld',
      'elevator.ninjs.json',
      'elevator.nitf.xml',
      'elevator.superdesk.ninjs.json',
      'elevator.v3.json'
    ])
    const parsed = (name: string) => JSON.parse(files.get(name) ?? '')
    expect(officialErrors(parsed('elevator.ninjs.json'), '2.2')).toEqual([])
    expect(
      officialErrors(parsed('elevator.superdesk.ninjs.json'), '1.6')
    ).toEqual([])
    expect(officialErrors(parsed('elevator.v3.json'), '3.1')).toEqual([])
    expect(parsed('elevator.superdesk.ninjs.json').firstcreated).toBe(
      '2025-04-16T03:40:00+00:00'
    )
  })

  test('refuses a version no profile can write, at its place, writing nothing', async () => {
    const {run, files} = await buildProject(
      '{\n  "ninjs": {"profiles": {"superdesk": {"version": "1.5"}}}\n}\n'
    )
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      '2:51-2:56 error Unexpected value at `/ninjs/profiles/superdesk/version`, expected one of `1.6`, `2.2`, `3.1`'
    )
    expect([...files.keys()]).toEqual([])
  })

  test('refuses a profile that collides with another output, writing nothing', async () => {
    const {run, files} = await buildProject(
      '{"ninjs": {"profiles": {"superdesk": {"suffix": ".ninjs.json"}}}}\n'
    )
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      'Unexpected ninjs profile `superdesk` writing `<stem>.ninjs.json`, which ninjs profile `default` writes too'
    )
    expect(run.stderr).toContain('ninjs-profile-collision')
    expect([...files.keys()]).toEqual([])
  })
})

describe('properties', () => {
  /** An instant to the second, and the same instant at a whole-minute offset. */
  const dated = fc
    .record({
      seconds: fc.integer({
        min: Date.UTC(1900, 0, 1) / 1000,
        max: Date.UTC(2200, 0, 1) / 1000
      }),
      offset: fc.integer({min: -14 * 60, max: 14 * 60})
    })
    .map(({seconds, offset}) => {
      const utc = new Date(seconds * 1000)
      const local = new Date(seconds * 1000 + offset * 60_000)
      const sign = offset < 0 ? '-' : '+'
      const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')
      const minutes = String(Math.abs(offset) % 60).padStart(2, '0')
      return {
        written: `${local.toISOString().slice(0, 19)}${sign}${hours}:${minutes}`,
        utc: `${utc.toISOString().slice(0, 19)}+00:00`
      }
    })

  test('utcDateTime gives the same instant in UTC, at any offset', () => {
    fc.assert(
      fc.property(dated, ({written, utc}) => {
        expect(utcDateTime(written)).toBe(utc)
      }),
      {numRuns: 500}
    )
  })

  test('any article-shaped text gives valid 1.6 and 3.1 documents', async () => {
    await fc.assert(
      fc.asyncProperty(articleText, dated, async (sample, date) => {
        const context: ArticleContext = {
          path: 'sample.txt',
          storyId: 'sample',
          meta: {datePublished: date.written, keywords: ['x']},
          config: {}
        }
        const file = await processArticle(sample.text, {
          path: 'sample.txt',
          context
        })
        const article = file.data.article as Article | undefined
        if (!article) return
        const facts = resolveFacts(article, context)
        const document16 = toNinjs16(facts)
        expect(officialErrors(document16, '1.6')).toEqual([])
        expect(officialErrors(toNinjs31(facts), '3.1')).toEqual([])
        expect(document16.firstcreated).toBe(date.utc)
      }),
      {numRuns: 40}
    )
  })
})
