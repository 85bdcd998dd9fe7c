import {describe, expect, test} from 'vitest'
import type {Root} from 'xast'
import {resolveFacts} from '../pipeline/emit/facts.js'
import {encodeNitf, serializeNitf} from '../pipeline/emit/serialize-nitf.js'
import {toNitf, toNitfDate} from '../pipeline/emit/to-nitf.js'
import type {Article, ArticleContext} from '../pipeline/types.js'
import {canonicalXml, validateNitf} from './helpers/validate-nitf.js'

/** An article with only the required fields, overridden by `fields`. */
function article(fields: Partial<Article> = {}): Article {
  return {
    headline: 'Tide gauge fails at Portvale harbour',
    bylines: [],
    body: ['The gauge stopped recording on Tuesday.'],
    summary: [],
    editorNotes: [],
    captions: [],
    credits: [],
    boilerplate: [],
    ...fields
  }
}

function context(fields: Partial<ArticleContext> = {}): ArticleContext {
  return {
    path: 'harbour/gauge.txt',
    storyId: 'harbour-gauge',
    meta: {},
    config: {},
    ...fields
  }
}

function nitf(a: Article, c: ArticleContext = context()): string {
  return serializeNitf(toNitf(resolveFacts(a, c)))
}

/** Every field of `Article`, meta and config set. */
function fullArticle(): Article {
  return article({
    publication: 'The Portvale Courier',
    headline: 'UPDATE 1-Ferry fares to rise as fuel costs bite',
    subheadline: 'Harbour board blames diesel prices',
    bylines: [
      {
        text: 'By Mira Sol, Transport correspondent, mira.sol@example.org, Reuters',
        authors: [
          {
            name: 'Mira Sol',
            kind: 'Person',
            jobTitle: 'Transport correspondent',
            email: 'mira.sol@example.org'
          },
          {
            name: 'Ode Lund',
            kind: 'Person',
            jobTitle: 'Reuters data editor',
            handle: '@odelund'
          }
        ],
        agency: 'Reuters'
      },
      {
        text: 'Our Harbour Staff',
        authors: [{name: 'Our Harbour Staff', kind: 'Organization'}]
      }
    ],
    dateline: {
      text: 'PORTVALE, Nov 12 (Reuters) -',
      location: 'PORTVALE',
      date: 'Nov 12',
      agency: 'Reuters'
    },
    body: [
      'Ferry fares on the Portvale crossing will rise 8% from January, the harbour board said on Sunday.',
      'The board said diesel now made up a third of its running costs.'
    ],
    summary: ['Fares up 8% from January', 'Board cites diesel prices'],
    editorNotes: ['Eds: Updates with board statement', '(Adds byline)'],
    captions: ['A ferry leaves Portvale. Photo: Courier'],
    credits: ['Reporting by Mira Sol', 'Editing by Ana Reis'],
    boilerplate: ['Newspapers in English']
  })
}

function fullContext(datePublished: string): ArticleContext {
  return context({
    storyId: 'ferry-fares-2023',
    meta: {
      id: 'ferry-fares-2023',
      datePublished,
      dateModified: '2023-11-12T10:00:00Z',
      url: 'https://news.example.org/ferry-fares',
      section: 'Business',
      keywords: ['ferries', 'fuel prices'],
      language: 'en-GB',
      publisher: {name: 'Portvale Courier Group'}
    },
    config: {
      publisher: {name: 'Portvale Syndicate'},
      nitf: {regsrc: 'PVC'}
    }
  })
}

describe('toNitfDate', () => {
  test.each([
    ['2023-11-12T09:30:00+09:00', '20231112T093000+0900'],
    ['2023-11-12T00:30:00Z', '20231112T003000+0000'],
    ['2024-02-26T07:05-05:00', '20240226T070500-0500'],
    ['2024-02-26T07:05:09.250Z', '20240226T070509+0000'],
    ['2024-12-31T23:59:59+05:45', '20241231T235959+0545']
  ])('%s -> %s', (iso, expected) => {
    expect(toNitfDate(iso)).toBe(expected)
  })

  test.each([
    '2023-11-12T09:30:00',
    '2023-11-12',
    '12 Nov 2023',
    '2023-11-12T09:30:00+0900'
  ])('refuses `%s` (no offset or not ISO 8601)', (value) => {
    expect(() => toNitfDate(value)).toThrow(RangeError)
  })
})

describe('toNitf', () => {
  test('serializes a small article exactly', () => {
    const xml = nitf(
      article({
        bylines: [
          {
            text: 'By Mira Sol',
            authors: [{name: 'Mira Sol', kind: 'Person'}]
          }
        ],
        body: [
          'The gauge stopped recording on Tuesday.',
          'Engineers expect a repair next week.'
        ]
      }),
      context({
        meta: {datePublished: '2024-03-05T06:15:00Z'},
        config: {publisher: {name: 'Portvale Courier'}}
      })
    )
    expect(xml).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>
<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" version="-//IPTC//DTD NITF 3.6//EN" change.date="September 11, 2009" change.time="12:26">
  <head>
    <title>Tide gauge fails at Portvale harbour</title>
    <docdata management-status="usable">
      <doc-id id-string="harbour-gauge"/>
      <urgency ed-urg="5"/>
      <date.issue norm="20240305T061500+0000"/>
    </docdata>
    <pubdata type="web" item-length="12" unit-of-measure="word" date.publication="20240305T061500+0000" name="Portvale Courier"/>
  </head>
  <body>
    <body.head>
      <hedline>
        <hl1>Tide gauge fails at Portvale harbour</hl1>
      </hedline>
      <byline>By <person>Mira Sol</person></byline>
    </body.head>
    <body.content>
      <p>The gauge stopped recording on Tuesday.</p>
      <p>Engineers expect a repair next week.</p>
    </body.content>
  </body>
</nitf>
`
    )
  })

  test('builds a tree with the `nitf` element only (no declaration, no indent)', () => {
    const tree = toNitf(resolveFacts(article(), context()))
    expect(tree.children.map((node) => node.type)).toEqual(['element'])
    const [root] = tree.children
    expect(root?.type === 'element' && root.name).toBe('nitf')
    expect(JSON.stringify(tree)).not.toMatch(/"value":"\\n/)
  })

  test('a minimal article without meta is valid', async () => {
    const xml = nitf(article())
    expect(await validateNitf(xml)).toEqual([])
    expect(xml).toContain('<doc-id id-string="harbour-gauge"/>')
    expect(xml).toContain(
      '<pubdata type="web" item-length="6" unit-of-measure="word"/>'
    )
    // NITF's own defaults, the only values not taken from the input.
    expect(xml).toContain(
      '<docdata management-status="usable">\n      <doc-id id-string="harbour-gauge"/>\n      <urgency ed-urg="5"/>\n    </docdata>'
    )
    for (const unknown of [
      'date.issue',
      'date.release',
      'date.expire',
      'du-key',
      'doc.rights',
      '<meta',
      'doc.copyright',
      'key-list',
      'byline',
      'dateline',
      'abstract',
      'body.end',
      'baselang'
    ]) {
      expect(xml).not.toContain(unknown)
    }
  })

  test.each([
    ['2023-11-12T00:30:00Z', '20231112T003000+0000'],
    ['2023-11-12T09:30:00+09:00', '20231112T093000+0900']
  ])('a full article published %s is valid', async (published, norm) => {
    const xml = nitf(fullArticle(), fullContext(published))
    expect(await validateNitf(xml)).toEqual([])

    expect(xml).toContain(' baselang="en-GB">')
    expect(xml).toContain('<doc-id regsrc="PVC" id-string="ferry-fares-2023"/>')
    expect(xml).toContain(`<date.issue norm="${norm}"/>`)
    expect(xml).toContain(
      '<ed-msg info="Eds: Updates with board statement"/>\n      <ed-msg info="(Adds byline)"/>'
    )
    // The config's publisher wins over the sidecar's and the masthead; it
    // is not taken for the copyright holder, which nothing here names.
    expect(xml).toContain(' name="Portvale Courier Group" ')
    expect(xml).not.toContain('doc.copyright')
    expect(xml).toContain(
      '<key-list>\n        <keyword key="ferries"/>\n        <keyword key="fuel prices"/>\n      </key-list>'
    )
    expect(xml).toContain(
      `<pubdata type="web" item-length="30" unit-of-measure="word" date.publication="${norm}" name="Portvale Courier Group" position.section="Business" ex-ref="https://news.example.org/ferry-fares"/>`
    )
    expect(xml).toContain(
      '<hl1>UPDATE 1-Ferry fares to rise as fuel costs bite</hl1>\n        <hl2>Harbour board blames diesel prices</hl2>'
    )
    expect(xml).toContain(
      '<byline>By <person>Mira Sol</person>, <byttl>Transport correspondent</byttl>, <virtloc>mira.sol@example.org</virtloc>; <person>Ode Lund</person>, <byttl><org>Reuters</org> data editor</byttl>, <virtloc>@odelund</virtloc></byline>'
    )
    expect(xml).toContain('<byline>By Our Harbour Staff</byline>')
    expect(xml).toContain('<distributor><org>Reuters</org></distributor>')
    expect(xml).toContain(
      `<dateline><location><city>PORTVALE</city></location>, <story.date norm="${norm}">Nov 12</story.date> (Reuters)</dateline>`
    )
    expect(xml).toContain(
      '<abstract>\n        <p>Fares up 8% from January</p>\n        <p>Board cites diesel prices</p>\n      </abstract>'
    )
    expect(xml).toContain(
      '<body.end>\n      <tagline>Reporting by Mira Sol<br/>\nEditing by Ana Reis</tagline>\n    </body.end>'
    )
    // Captions and boilerplate are not article text.
    expect(xml).not.toContain('Photo: Courier')
    expect(xml).not.toContain('Newspapers in English')
  })

  test('body paragraphs are kept exactly, in order', () => {
    const body = [
      'First, a lead with  two spaces.',
      'Then a quote: \u201cIt is late,\u201d she said.',
      'Last.'
    ]
    const paragraphs = [...nitf(article({body})).matchAll(/<p>(.*?)<\/p>/g)]
    expect(paragraphs.map((match) => match[1])).toEqual(body)
  })

  test('escapes markup-like text so that it stays text', async () => {
    const tricky = 'Close </script> then ]]> and &amp; and <b>bold</b> > end'
    const xml = nitf(
      article({
        headline: `Parser note: ${tricky}`,
        bylines: [
          {
            text: 'By A <b> Writer',
            authors: [{name: 'A <b> Writer', kind: 'Person'}]
          }
        ],
        body: [tricky],
        editorNotes: [`Eds: ${tricky}`]
      }),
      context({meta: {keywords: ['<b>&amp;]]>']}})
    )
    expect(await validateNitf(xml)).toEqual([])
    const escaped =
      'Close &lt;/script&gt; then ]]&gt; and &amp;amp; and &lt;b&gt;bold&lt;/b&gt; &gt; end'
    expect(xml).toContain(`<p>${escaped}</p>`)
    expect(xml).toContain(`<hl1>Parser note: ${escaped}</hl1>`)
    expect(xml).toContain('<person>A &lt;b&gt; Writer</person>')
    expect(xml).toContain(
      '<ed-msg info="Eds: Close &lt;/script> then ]]> and &amp;amp; and &lt;b>bold&lt;/b> > end"/>'
    )
    expect(xml).toContain('<keyword key="&lt;b>&amp;amp;]]>"/>')
    // Outside attribute values nothing unescaped is left.
    const content = xml.replace(/"[^"]*"/g, '""')
    expect(content).not.toContain(']]>')
    expect(content).not.toContain('</script>')
    expect(content).not.toContain('<b>')
  })

  test('omits elements and attributes that would be empty', async () => {
    // Blank values the article schema rules out, as if validation were skipped.
    const xml = nitf(
      article({
        headline: ' ',
        subheadline: ' ',
        bylines: [
          {text: ' ', authors: [{name: ' ', kind: 'Person'}]},
          {
            text: 'By Ana Reis',
            authors: [
              {name: 'Ana Reis', kind: 'Person', jobTitle: ' ', email: ''}
            ],
            agency: ' '
          }
        ],
        dateline: {text: ' '},
        body: ['Only paragraph.', ' '],
        summary: [''],
        editorNotes: [' '],
        credits: ['  ']
      }),
      context({
        storyId: '',
        meta: {keywords: [' '], section: ' '},
        config: {publisher: {name: '  '}, nitf: {}}
      })
    )
    expect(await validateNitf(xml)).toEqual([])
    expect(xml).toContain(
      '<docdata management-status="usable">\n      <urgency ed-urg="5"/>\n    </docdata>'
    )
    for (const omitted of [
      '<title',
      '<hedline',
      '<doc-id',
      '<dateline',
      '<abstract',
      '<body.end',
      '<byttl',
      '<virtloc',
      '<distributor',
      'name=',
      'position.section=',
      'regsrc='
    ]) {
      expect(xml).not.toContain(omitted)
    }
    expect(xml).toContain(
      '<body.head>\n      <byline>By <person>Ana Reis</person></byline>\n    </body.head>'
    )
    expect(xml.match(/<p>/g)).toHaveLength(1)
    expect(xml).not.toMatch(/=""/)
    // Neither `<x></x>`, `<x> </x>` nor `<x/>` without attributes.
    expect(xml).not.toMatch(/<([\w.-]+)>\s*<\/\1>/)
    expect(xml).not.toMatch(/<[\w.-]+\/>/)
  })

  test('takes the publisher from the sidecar, then the masthead', () => {
    expect(
      nitf(
        article({publication: 'Masthead'}),
        context({meta: {publisher: {name: 'Sidecar'}}})
      )
    ).toContain(' name="Sidecar"/>')
    expect(nitf(article({publication: 'Masthead'}))).toContain(
      ' name="Masthead"/>'
    )
    // A blank name is no name: the next source is used.
    expect(
      nitf(
        article({publication: 'Masthead'}),
        context({config: {publisher: {name: ' '}}})
      )
    ).toContain(' name="Masthead"/>')
  })

  test('joins authors without titles with commas and `and`', () => {
    const xml = nitf(
      article({
        bylines: [
          {
            text: 'By Mira Sol, Ode Lund and Ana Reis, Reuters',
            authors: [
              {name: 'Mira Sol', kind: 'Person'},
              {name: 'Ode Lund', kind: 'Person'},
              {name: 'Ana Reis', kind: 'Person'}
            ],
            agency: 'Reuters'
          }
        ]
      })
    )
    expect(xml).toContain(
      '<byline>By <person>Mira Sol</person>, <person>Ode Lund</person> and <person>Ana Reis</person>, <byttl><org>Reuters</org></byttl></byline>'
    )
  })

  test('keeps a byline without authors as printed', () => {
    expect(
      nitf(article({bylines: [{text: 'Staff and agencies', authors: []}]}))
    ).toContain('<byline>Staff and agencies</byline>')
  })

  test('collects byline and dateline agencies in one distributor', async () => {
    const xml = nitf(
      article({
        bylines: [
          {
            text: 'By Mira Sol, AFP',
            authors: [{name: 'Mira Sol', kind: 'Person'}],
            agency: 'AFP'
          }
        ],
        dateline: {
          text: 'PORTVALE (dpa) \u2014',
          location: 'PORTVALE',
          agency: 'dpa'
        }
      })
    )
    expect(await validateNitf(xml)).toEqual([])
    expect(xml).toContain(
      '<distributor><org>Agence France-Presse</org>, <org>Deutsche Presse-Agentur</org></distributor>'
    )
    expect(xml).toContain(
      '<dateline><location><city>PORTVALE</city></location> (dpa)</dateline>'
    )
  })

  test('names an agency once, whatever spelling byline and dateline use', () => {
    const xml = nitf(
      article({
        bylines: [
          {
            text: 'By Mira Sol, Associated Press',
            authors: [{name: 'Mira Sol', kind: 'Person'}],
            agency: 'Associated Press'
          }
        ],
        dateline: {
          text: 'PORTVALE (AP) \u2014',
          location: 'PORTVALE',
          agency: 'AP'
        }
      })
    )
    expect(xml).toContain(
      '<distributor><org>Associated Press</org></distributor>'
    )
  })

  test.each([
    ['Nov 12', true],
    ['12 November 2023', true],
    ['Nov. 12', true],
    ['2023-11-12', true],
    ['Nov 13', false],
    ['Dec 12', false],
    ['12 November 2022', false],
    ['Monday', false]
  ])('dateline date `%s` gets a normalized date: %s', (date, normalized) => {
    const xml = nitf(
      article({
        dateline: {text: `PORTVALE, ${date} -`, location: 'PORTVALE', date}
      }),
      context({meta: {datePublished: '2023-11-12T09:30:00+09:00'}})
    )
    const storyDate = normalized
      ? `<story.date norm="20231112T093000+0900">${date}</story.date>`
      : `<story.date>${date}</story.date>`
    expect(xml).toContain(
      `<dateline><location><city>PORTVALE</city></location>, ${storyDate}</dateline>`
    )
  })

  test('builds the dateline from its parts when the printed text lacks them', () => {
    const xml = nitf(
      article({
        dateline: {text: 'Portvale:', location: 'PORTVALE', date: 'Nov 12'}
      })
    )
    expect(xml).toContain(
      '<dateline><location><city>PORTVALE</city></location>, <story.date>Nov 12</story.date></dateline>'
    )
  })

  test('is deterministic and leaves its input alone', () => {
    const input = fullArticle()
    const copy = structuredClone(input)
    const first = nitf(input, fullContext('2023-11-12T00:30:00Z'))
    expect(nitf(input, fullContext('2023-11-12T00:30:00Z'))).toBe(first)
    expect(input).toEqual(copy)
  })
})

describe('serializeNitf', () => {
  test('encodes raw nodes as text instead of passing markup through', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'element',
          name: 'nitf',
          attributes: {},
          children: [{type: 'raw', value: '<evil/>'}]
        }
      ]
    }
    expect(serializeNitf(tree)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<nitf>&lt;evil/&gt;</nitf>\n'
    )
  })
})

describe('validateNitf', () => {
  const namespace = 'http://iptc.org/std/NITF/2006-10-18/'

  test('reports an element the XSD does not allow there', async () => {
    const errors = await validateNitf(
      `<?xml version="1.0" encoding="UTF-8"?>\n<nitf xmlns="${namespace}"><body><body.end><tagline>a</tagline><tagline>b</tagline></body.end></body></nitf>\n`
    )
    expect(errors).toEqual([
      `document.nitf.xml:2: Schemas validity error : Element '{${namespace}}tagline': This element is not expected. Expected is one of ( {${namespace}}bibliography, ##other{${namespace}}* ).`
    ])
  })

  test('reports XML that is not well-formed', async () => {
    const errors = await validateNitf(
      `<?xml version="1.0" encoding="UTF-8"?>\n<nitf xmlns="${namespace}"><body><body.content><p>a]]>b</p></body.content></body></nitf>\n`
    )
    expect(errors[0]).toMatch(/Sequence ']]>' not allowed in content/)
  })

  test('reports a root outside the NITF namespace', async () => {
    const errors = await validateNitf('<nitf><body/></nitf>\n')
    expect(errors).not.toEqual([])
  })
})

describe('toNitf: copyright', () => {
  test('takes holder and year from the sidecar over the publisher', async () => {
    const xml = serializeNitf(
      toNitf(
        resolveFacts(
          article({}),
          context({
            meta: {
              datePublished: '2023-11-12T09:30:00Z',
              copyrightHolder: 'Portvale Syndicate',
              copyrightYear: 2022
            },
            config: {publisher: {name: 'Portvale Courier'}}
          })
        )
      )
    )
    expect(xml).toContain(
      '<doc.copyright year="2022" holder="Portvale Syndicate"/>'
    )
    expect(await validateNitf(xml)).toEqual([])
  })
})

describe('toNitf: docdata from sidecar and config', () => {
  /** The `docdata` element of `xml`, as serialized. */
  function docdataOf(xml: string): string {
    return /<docdata[\s\S]*<\/docdata>/.exec(xml)?.[0] ?? ''
  }

  test('a sidecar with urgency, embargo, expiry and version fills docdata in the XSD order', async () => {
    const full = fullContext('2023-11-12T09:30:00+09:00')
    const xml = nitf(
      fullArticle(),
      context({
        ...full,
        meta: {
          ...full.meta,
          urgency: 2,
          embargoUntil: '2023-11-12T12:00:00+09:00',
          expires: '2023-12-12T00:00:00Z',
          version: 3
        },
        config: {
          ...full.config,
          copyrightHolder: 'Portvale Courier Group',
          nitf: {
            regsrc: 'PVC',
            rights: {
              owner: 'Portvale Courier Group',
              agent: 'Portvale Syndicate',
              type: 'online',
              geography: 'United Kingdom',
              locationCode: 'GB',
              codeSource: 'ISO 3166-1',
              limitations: 'No archive use',
              startDate: '2023-01-01T00:00:00Z',
              endDate: '2024-12-31T23:59:59-05:00'
            }
          }
        }
      })
    )
    expect(await validateNitf(xml)).toEqual([])
    expect(docdataOf(xml)).toBe(
      `<docdata management-status="embargoed">
      <doc-id regsrc="PVC" id-string="ferry-fares-2023"/>
      <urgency ed-urg="2"/>
      <date.issue norm="20231112T093000+0900"/>
      <date.release norm="20231112T120000+0900"/>
      <date.expire norm="20231212T000000+0000"/>
      <ed-msg info="Eds: Updates with board statement"/>
      <ed-msg info="(Adds byline)"/>
      <du-key key="ferry-fares-2023" version="3"/>
      <doc.copyright year="2023" holder="Portvale Courier Group"/>
      <doc.rights owner="Portvale Courier Group" startdate="20230101T000000+0000" enddate="20241231T235959-0500" agent="Portvale Syndicate" geography="United Kingdom" location-code="GB" code-source="ISO 3166-1" type="online" limitations="No archive use"/>
      <key-list>
        <keyword key="ferries"/>
        <keyword key="fuel prices"/>
      </key-list>
    </docdata>`
    )
  })

  test('without an embargo the story is usable, with normal urgency', () => {
    const xml = nitf(article(), context({meta: {expires: '2024-01-01T00:00Z'}}))
    expect(docdataOf(xml)).toBe(
      `<docdata management-status="usable">
      <doc-id id-string="harbour-gauge"/>
      <urgency ed-urg="5"/>
      <date.expire norm="20240101T000000+0000"/>
    </docdata>`
    )
  })

  test.each([1, 8])('writes urgency %i as given', (urgency) => {
    expect(nitf(article(), context({meta: {urgency}}))).toContain(
      `<urgency ed-urg="${urgency}"/>`
    )
  })

  test('leaves out what the schema rules out instead of writing it', async () => {
    // Values the sidecar schema refuses, as if validation were skipped.
    const xml = nitf(
      article(),
      context({
        meta: {
          urgency: 9,
          version: 0,
          embargoUntil: '2023-11-12T12:00:00',
          expires: 'soon'
        },
        config: {nitf: {rights: {owner: ' ', startDate: 'yesterday'}}}
      })
    )
    expect(await validateNitf(xml)).toEqual([])
    for (const omitted of [
      '<urgency',
      'du-key',
      'date.release',
      'date.expire',
      'embargoed',
      'doc.rights'
    ]) {
      expect(xml).not.toContain(omitted)
    }
  })

  test('keeps only the rights attributes the config gives', () => {
    expect(
      nitf(article(), context({config: {nitf: {rights: {geography: 'EU'}}}}))
    ).toContain('<doc.rights geography="EU"/>')
    expect(
      nitf(article(), context({config: {nitf: {rights: {}}}}))
    ).not.toContain('doc.rights')
  })

  test('writes every date in NITF basic format with an offset', () => {
    const full = fullContext('2023-11-12T09:30:00.5+09:00')
    const xml = nitf(
      fullArticle(),
      context({
        ...full,
        meta: {
          ...full.meta,
          embargoUntil: '2023-11-12T12:00Z',
          expires: '2023-12-12T00:00:00.999-03:30'
        },
        config: {
          nitf: {
            rights: {
              startDate: '2023-01-01T00:00:00+14:00',
              endDate: '2024-12-31T23:59-12:00'
            }
          }
        }
      })
    )
    const dates = [
      ...xml.matchAll(/\s(norm|startdate|enddate|date\.publication)="([^"]*)"/g)
    ].map((match) => [match[1], match[2]])
    expect(dates).toEqual([
      ['norm', '20231112T093000+0900'],
      ['norm', '20231112T120000+0000'],
      ['norm', '20231212T000000-0330'],
      ['startdate', '20230101T000000+1400'],
      ['enddate', '20241231T235900-1200'],
      ['date.publication', '20231112T093000+0900'],
      ['norm', '20231112T093000+0900']
    ])
  })
})

describe('serializeNitf: characters', () => {
  // Every code point XML 1.0 forbids, by kind: C0 controls, the two
  // non-characters, and unpaired surrogates of both halves.
  const illegal = '\u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uDFFF\uD800'
  const dirty = (value: string) => value.replace(' ', ` ${illegal}`)

  test.each(['utf-8', 'iso-8859-1', 'us-ascii'] as const)(
    'no XML-illegal character reaches %s output, from any source',
    async (encoding) => {
      // As if nothing upstream had cleaned the article, sidecar or config.
      const xml = serializeNitf(
        toNitf(
          resolveFacts(
            article({
              publication: dirty('The Courier'),
              headline: dirty('Tide gauge fails'),
              subheadline: dirty('Board to meet'),
              bylines: [
                {
                  text: dirty('By Mira Sol'),
                  authors: [
                    {
                      name: dirty('Mira Sol'),
                      kind: 'Person',
                      jobTitle: dirty('Harbour reporter'),
                      email: `mira${illegal}@example.org`
                    }
                  ],
                  agency: dirty('Ports Wire')
                }
              ],
              dateline: {
                text: dirty('PORTVALE, Nov 12 -'),
                location: 'PORTVALE'
              },
              body: [dirty('The gauge stopped.'), dirty('Repairs next week.')],
              summary: [dirty('Gauge down')],
              editorNotes: [dirty('Eds: new lead')],
              credits: [dirty('Reporting by Mira Sol')]
            }),
            context({
              storyId: dirty('gauge 1'),
              meta: {
                datePublished: '2023-11-12T09:30:00Z',
                keywords: [dirty('tide gauges')],
                section: dirty('Local news'),
                url: `https://example.org/${illegal}`,
                language: dirty('en GB'),
                copyrightHolder: dirty('Courier Group')
              },
              config: {
                nitf: {
                  regsrc: dirty('PV C'),
                  rights: {owner: dirty('Courier Group')}
                }
              }
            })
          ),
          {
            namespace: 'namespaced',
            meta: [{name: 'partner', content: dirty('Kindle Newsstand')}]
          }
        ),
        {encoding}
      )
      expect(xml).not.toMatch(
        // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
        /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/u
      )
      // Nor as references, which are just as illegal.
      expect(xml).not.toMatch(
        /&#x(?:[0-8BCEF]|1[\dA-F]|FFF[EF]|D[89A-F][\dA-F]{2});/
      )
      expect(xml).toContain('<hl1>Tide gauge fails</hl1>')
      const bytes = encoding === 'utf-8' ? xml : encodeNitf(xml, encoding)
      expect(await validateNitf(bytes)).toEqual([])
    }
  )

  test('escapes `&`, `<`, `>` and the attribute quote with the predefined entities, never numeric references', async () => {
    const tricky = `Fish & chips <b>"hot"</b> 'n' > cold, AT&T &nbsp; caf&eacute; &#169;`
    const xml = nitf(
      article({headline: tricky, body: [tricky]}),
      context({meta: {keywords: [tricky]}})
    )
    expect(await validateNitf(xml)).toEqual([])
    const text =
      'Fish &amp; chips &lt;b&gt;"hot"&lt;/b&gt; \'n\' &gt; cold, AT&amp;T &amp;nbsp; caf&amp;eacute; &amp;#169;'
    expect(xml).toContain(`<hl1>${text}</hl1>`)
    expect(xml).toContain(`<p>${text}</p>`)
    // In an attribute, `"` would end the value; `'` and `>` cannot.
    expect(xml).toContain(
      '<keyword key="Fish &amp; chips &lt;b>&quot;hot&quot;&lt;/b> \'n\' > cold, AT&amp;T &amp;nbsp; caf&amp;eacute; &amp;#169;"/>'
    )
    // Only XML's predefined entities: no numeric reference (the input has
    // no character outside UTF-8), no HTML entity, no bare `&`.
    expect(xml).not.toMatch(/&(?!(?:amp|lt|gt|quot);)/)
    // Read back by an XML parser, the text is exactly the input.
    const canonical = await canonicalXml(xml)
    const escaped = tricky
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
    expect(canonical).toContain(`<hl1>${escaped}</hl1>`)
    expect(canonical).toContain(
      `key="${escaped.replaceAll('"', '&quot;').replaceAll('&gt;', '>')}"`
    )
  })

  test('indents between elements only, never inside mixed content', () => {
    const xml = nitf(fullArticle(), fullContext('2023-11-12T09:30:00+09:00'))
    const mixed = [
      'title',
      'hl1',
      'hl2',
      'byline',
      'distributor',
      'dateline',
      'p',
      'tagline'
    ]
    for (const name of mixed) {
      const elements = [
        ...xml.matchAll(new RegExp(`<${name}[ >][\\s\\S]*?</${name}>`, 'g'))
      ].map((match) => match[0])
      expect(elements.length, name).toBeGreaterThan(0)
      for (const element of elements) {
        // Only the tagline's own line break between credits, never an indent.
        expect(element, name).not.toMatch(/\n[ \t]|^<[^>]*>\s|\s<\/[^>]*>$/)
      }
    }
    expect(xml).toContain(
      '<tagline>Reporting by Mira Sol<br/>\nEditing by Ana Reis</tagline>'
    )
    // Every line break elsewhere is indentation between elements.
    const lines = xml.replace('<br/>\nEditing', '<br/>Editing').split('\n')
    for (const line of lines.slice(1, -1)) expect(line).toMatch(/^ *<|^$/)
  })
})
