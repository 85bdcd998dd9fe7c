import type {Graph} from 'schema-dts'
import {describe, expect, it} from 'vitest'
import {resolveFacts} from '../pipeline/emit/facts.js'
import {serializeJsonLd, toJsonLd} from '../pipeline/emit/to-jsonld.js'
import type {Article, ArticleContext} from '../pipeline/types.js'
import {makeArticle, makeContext} from './helpers/article-fixtures.js'
import {checkJsonLdTerms} from './helpers/check-jsonld.js'

type JsonObject = Record<string, unknown>

/**
 * The NewsArticle node with its `author`, `publisher` and `image` references
 * replaced by the nodes they name, and every `@id` and page link left out:
 * the article as one tree, for expectations about its values. The links
 * themselves are tested on the graph.
 */
function articleTree(graph: Graph): JsonObject {
  const nodes = graph['@graph'] as unknown as JsonObject[]
  const byId = new Map(nodes.map((node) => [node['@id'], node]))
  const withoutId = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(withoutId)
    if (node === null || typeof node !== 'object') return node
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key]) => key !== '@id')
        .map(([key, value]) => [key, withoutId(value)])
    )
  }
  const resolve = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(resolve)
      : withoutId(byId.get((value as JsonObject)['@id']) ?? value)
  const article = {...nodes[0]}
  for (const key of ['author', 'publisher', 'image']) {
    if (key in article) article[key] = resolve(article[key])
  }
  delete article.mainEntityOfPage
  delete article.isPartOf
  return withoutId(article) as JsonObject
}

/** `toJsonLd` as one article tree (see `articleTree`). */
function tree(article: Article, context: ArticleContext): JsonObject {
  return articleTree(toJsonLd(resolveFacts(article, context)))
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
      authors: [
        {name: 'Ledger Metro Desk', kind: 'Organization', jobTitle: 'Desk'}
      ]
    }
  ],
  dateline: {
    text: 'MILLBROOK, June 3 -',
    location: 'MILLBROOK',
    date: 'June 3'
  },
  body: [
    'The ferry made its first crossing at dawn on Monday.',
    'About 200 riders were aboard, the operator said.'
  ],
  summary: ['The river ferry is back in service after repairs.'],
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
      }
    ]
  },
  config: {
    publisher: {
      name: 'The Millbrook Ledger',
      url: 'https://ledger.example/',
      logo: {url: 'https://ledger.example/logo.png', width: 600, height: 60}
    },
    baseUrl: 'https://ledger.example/articles',
    language: 'en'
  }
})

describe('toJsonLd', () => {
  it('emits the exact graph for a small article', () => {
    const document = toJsonLd(
      resolveFacts(
        makeArticle({
          headline: 'Library extends weekend hours',
          bylines: [
            {
              text: 'By Tom Reyes',
              authors: [{name: 'Tom Reyes', kind: 'Person'}]
            }
          ],
          body: ['The town library will open on Sundays.', 'Staff agreed.']
        }),
        makeContext()
      )
    )

    // No URL and no site: ids are built from the story id, stable all the same.
    const expected = {
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'NewsArticle',
          '@id': 'urn:copydesk:story:local-story#article',
          headline: 'Library extends weekend hours',
          description: 'The town library will open on Sundays.',
          author: [{'@id': 'urn:copydesk:story:local-story#/person/tom-reyes'}],
          identifier: 'local-story',
          articleBody:
            'The town library will open on Sundays.\n\nStaff agreed.',
          wordCount: 9
        },
        {
          '@type': 'Person',
          '@id': 'urn:copydesk:story:local-story#/person/tom-reyes',
          name: 'Tom Reyes'
        }
      ]
    }
    // Comparing serialized text also pins the key order.
    expect(serializeJsonLd(document)).toBe(
      `${JSON.stringify(expected, null, 2)}\n`
    )
  })

  it('links article, page, site, publisher, authors and images by id', () => {
    const graph = toJsonLd(resolveFacts(fullArticle, fullContext))
    const nodes = graph['@graph'] as unknown as JsonObject[]
    expect(nodes.map((node) => [node['@type'], node['@id']])).toEqual([
      ['NewsArticle', 'https://ledger.example/metro/ferry-returns#article'],
      ['WebPage', 'https://ledger.example/metro/ferry-returns'],
      ['WebSite', 'https://ledger.example/#website'],
      ['NewsMediaOrganization', 'https://ledger.example/#publisher'],
      ['Person', 'https://ledger.example/#/person/ada-okafor'],
      [
        'Organization',
        'https://ledger.example/#/organization/ledger-metro-desk'
      ],
      ['ImageObject', 'https://ledger.example/metro/ferry-returns#image-1']
    ])
    const [article, page, site] = nodes
    expect(article?.mainEntityOfPage).toEqual({
      '@id': 'https://ledger.example/metro/ferry-returns'
    })
    expect(page).toEqual({
      '@type': 'WebPage',
      '@id': 'https://ledger.example/metro/ferry-returns',
      url: 'https://ledger.example/metro/ferry-returns',
      name: 'Millbrook ferry returns after two-year pause',
      isPartOf: {'@id': 'https://ledger.example/#website'},
      primaryImageOfPage: {
        '@id': 'https://ledger.example/metro/ferry-returns#image-1'
      },
      inLanguage: 'en-US',
      datePublished: '2024-06-03T07:30:00-04:00',
      dateModified: '2024-06-03T11:05:00-04:00'
    })
    expect(site).toEqual({
      '@type': 'WebSite',
      '@id': 'https://ledger.example/#website',
      url: 'https://ledger.example/',
      name: 'The Millbrook Ledger',
      publisher: {'@id': 'https://ledger.example/#publisher'},
      inLanguage: 'en-US'
    })
    // Every reference names a node of the graph: no dangling ids.
    const ids = new Set(nodes.map((node) => node['@id']))
    const references = JSON.stringify(graph).match(/\{"@id":"[^"]+"\}/g) ?? []
    for (const reference of references) {
      expect(ids).toContain(JSON.parse(reference)['@id'])
    }
  })

  it('takes url, sameAs and jobTitle from the author directory, by alias too', () => {
    const graph = toJsonLd(
      resolveFacts(
        makeArticle({
          headline: 'Vote count',
          bylines: [
            {
              text: 'By ROSA LIND and Karl Ek',
              authors: [
                {name: 'ROSA LIND', kind: 'Person'},
                {name: 'Karl Ek', kind: 'Person'}
              ]
            }
          ]
        }),
        makeContext({
          meta: {url: 'https://paper.example/vote'},
          config: {
            authors: [
              {
                name: 'Rosa Lind',
                aliases: ['Rosa LIND'],
                url: 'https://paper.example/staff/rosa-lind',
                sameAs: ['https://social.example/@rosalind'],
                jobTitle: 'Political Editor'
              }
            ]
          }
        })
      )
    )
    const nodes = graph['@graph'] as unknown as JsonObject[]
    expect(nodes.filter((node) => node['@type'] === 'Person')).toEqual([
      {
        '@type': 'Person',
        '@id': 'https://paper.example/#/person/rosa-lind',
        name: 'Rosa Lind',
        url: 'https://paper.example/staff/rosa-lind',
        sameAs: ['https://social.example/@rosalind'],
        jobTitle: 'Political Editor'
      },
      {
        '@type': 'Person',
        '@id': 'https://paper.example/#/person/karl-ek',
        name: 'Karl Ek'
      }
    ])
  })

  it('maps paywall, print placement, copyright and licence from the sidecar', () => {
    const document = tree(
      makeArticle({headline: 'Members only'}),
      makeContext({
        meta: {
          datePublished: '2024-02-01T08:00:00Z',
          isAccessibleForFree: false,
          paywalledSections: ['.paywall'],
          print: {edition: 'Late', section: 'B', page: '3', column: '2'},
          license: 'https://paper.example/licence'
        },
        config: {copyrightHolder: 'Paper Group'}
      })
    )
    expect(document).toMatchObject({
      isAccessibleForFree: false,
      hasPart: [
        {
          '@type': 'WebPageElement',
          isAccessibleForFree: false,
          cssSelector: '.paywall'
        }
      ],
      printEdition: 'Late',
      printSection: 'B',
      printPage: '3',
      printColumn: '2',
      copyrightHolder: 'Paper Group',
      copyrightYear: 2024,
      license: 'https://paper.example/licence'
    })
  })

  it('maps every field of a full article, in a stable order', () => {
    const document = tree(fullArticle, fullContext)

    expect(document).toEqual({
      '@type': 'NewsArticle',
      headline: 'Millbrook ferry returns after two-year pause',
      alternativeHeadline: 'Commuters cheer as the river crossing reopens',
      description: 'The river ferry is back in service after repairs.',
      author: [
        {
          '@type': 'Person',
          name: 'Ada Okafor',
          email: 'ada.okafor@ledger.example',
          jobTitle: 'Transport Reporter'
        },
        {'@type': 'Organization', name: 'Ledger Metro Desk'}
      ],
      creditText: ['Additional reporting by Lars Berg', 'Editing by Mia Chen'],
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: 'The Millbrook Ledger',
        url: 'https://ledger.example/',
        logo: {
          '@type': 'ImageObject',
          url: 'https://ledger.example/logo.png',
          contentUrl: 'https://ledger.example/logo.png',
          width: {'@type': 'QuantitativeValue', value: 600, unitCode: 'E37'},
          height: {'@type': 'QuantitativeValue', value: 60, unitCode: 'E37'}
        }
      },
      datePublished: '2024-06-03T07:30:00-04:00',
      dateModified: '2024-06-03T11:05:00-04:00',
      url: 'https://ledger.example/metro/ferry-returns',
      identifier: 'ledger-2024-0603-ferry',
      inLanguage: 'en-US',
      articleSection: 'Metro',
      keywords: ['ferry', 'transport, river'],
      image: [
        {
          '@type': 'ImageObject',
          url: 'https://ledger.example/img/ferry.jpg',
          contentUrl: 'https://ledger.example/img/ferry.jpg',
          width: {'@type': 'QuantitativeValue', value: 1600, unitCode: 'E37'},
          height: {'@type': 'QuantitativeValue', value: 900, unitCode: 'E37'},
          caption: 'The ferry leaves the east pier.',
          creditText: 'Photo: Jo Park'
        }
      ],
      dateline: 'MILLBROOK, June 3 -',
      contentLocation: {
        '@type': 'Place',
        name: 'MILLBROOK',
        address: {'@type': 'PostalAddress', addressLocality: 'MILLBROOK'}
      },
      articleBody:
        'The ferry made its first crossing at dawn on Monday.\n\n' +
        'About 200 riders were aboard, the operator said.',
      wordCount: 18
    })
    expect(Object.keys(document)).toEqual([
      '@type',
      'headline',
      'alternativeHeadline',
      'description',
      'author',
      'creditText',
      'publisher',
      'datePublished',
      'dateModified',
      'url',
      'identifier',
      'inLanguage',
      'articleSection',
      'keywords',
      'image',
      'dateline',
      'contentLocation',
      'articleBody',
      'wordCount'
    ])
  })

  it('uses only schema.org terms, for a full and a minimal article', async () => {
    expect(
      await checkJsonLdTerms(toJsonLd(resolveFacts(fullArticle, fullContext)))
    ).toEqual([])
    expect(
      await checkJsonLdTerms(
        toJsonLd(
          resolveFacts(makeArticle({headline: 'Quiet day'}), makeContext())
        )
      )
    ).toEqual([])
  })

  it.each([
    [
      'ROSCOE, South Dakota (AP) —',
      'ROSCOE, South Dakota',
      {
        addressLocality: 'ROSCOE',
        addressRegion: 'South Dakota',
        addressCountry: 'US'
      }
    ],
    [
      'CHEYENNE, Wyo., May 2 —',
      'CHEYENNE, Wyo.',
      {
        addressLocality: 'CHEYENNE',
        addressRegion: 'Wyoming',
        addressCountry: 'US'
      }
    ],
    [
      'KINGSTON, Ont. —',
      'KINGSTON, Ont.',
      {
        addressLocality: 'KINGSTON',
        addressRegion: 'Ontario',
        addressCountry: 'CA'
      }
    ],
    [
      'CHANGWON, South Korea (Reuters) -',
      'CHANGWON, South Korea',
      {addressLocality: 'CHANGWON', addressCountry: 'KR'}
    ],
    [
      'BONN, West Germany (AP) -',
      'BONN, West Germany',
      {addressLocality: 'BONN', addressCountry: 'West Germany'}
    ],
    [
      'NABLUS, West Bank -',
      'NABLUS, West Bank',
      {addressLocality: 'NABLUS', addressRegion: 'West Bank'}
    ],
    ['Geneva (dpa) -', 'Geneva', {addressLocality: 'Geneva'}]
  ])(
    'gives the dateline `%s` its place as `contentLocation`',
    async (text, location, address) => {
      const document = toJsonLd(
        resolveFacts(
          makeArticle({headline: 'Quiet day', dateline: {text, location}}),
          makeContext()
        )
      )
      const article = articleTree(document)
      expect(article.dateline).toBe(text)
      expect(article.contentLocation).toEqual({
        '@type': 'Place',
        name: location,
        address: {'@type': 'PostalAddress', ...address}
      })
      expect(await checkJsonLdTerms(document)).toEqual([])
    }
  )

  it('gives no `contentLocation` for a dateline without a place', () => {
    const article = tree(
      makeArticle({
        headline: 'Quiet day',
        dateline: {text: 'May 2 (AP) —', date: 'May 2'}
      }),
      makeContext()
    )
    expect(article.dateline).toBe('May 2 (AP) —')
    expect(article).not.toHaveProperty('contentLocation')
  })

  it('invents no dates, URL, publisher or language without meta', () => {
    const document = tree(
      makeArticle({headline: 'Quiet day', body: ['Nothing happened.']}),
      makeContext()
    )

    expect(document).toEqual({
      '@type': 'NewsArticle',
      headline: 'Quiet day',
      description: 'Nothing happened.',
      identifier: 'local-story',
      articleBody: 'Nothing happened.',
      wordCount: 2
    })
    for (const key of [
      'datePublished',
      'dateModified',
      'url',
      'mainEntityOfPage',
      'publisher',
      'inLanguage',
      'author',
      'image'
    ]) {
      expect(document).not.toHaveProperty(key)
    }
  })

  it('counts words in the article body', () => {
    // Hand count: 17 tokens in the first paragraph (each dash is not a word,
    // `3`, `1962` and `mayor’s` are), 4 in the second.
    const document = tree(
      makeArticle({
        headline: 'Bridges close',
        body: [
          'The mayor’s office said on Tuesday that 3 bridges — two of them built in 1962 — will close.',
          'Repairs start in May.'
        ]
      }),
      makeContext()
    )

    expect(document).toHaveProperty('wordCount', 21)
  })

  it('keeps `</script>`, quotes and backslashes JSON-correct', () => {
    const body = [
      'He typed </script><script>alert("x")</script> into the form.',
      'A path C:\\temp and a line\u2028separator.'
    ]
    const document = toJsonLd(
      resolveFacts(
        makeArticle({headline: 'A "quoted" headline', body}),
        makeContext()
      )
    )
    const text = serializeJsonLd(document)

    expect(text.endsWith('}\n')).toBe(true)
    expect(text).toContain('"headline": "A \\"quoted\\" headline"')
    expect(JSON.parse(text)).toEqual(document)
    expect(articleTree(JSON.parse(text))).toHaveProperty(
      'articleBody',
      body.join('\n\n')
    )
  })

  it('is deterministic', () => {
    expect(
      serializeJsonLd(toJsonLd(resolveFacts(fullArticle, fullContext)))
    ).toBe(serializeJsonLd(toJsonLd(resolveFacts(fullArticle, fullContext))))
  })
})

describe('toJsonLd: url', () => {
  const article = makeArticle({headline: 'Roadworks'})

  it('prefers the sidecar url over `baseUrl`', () => {
    const document = tree(
      article,
      makeContext({
        meta: {url: 'https://paper.example/canonical'},
        config: {baseUrl: 'https://paper.example/'}
      })
    )

    expect(document).toHaveProperty('url', 'https://paper.example/canonical')
  })

  it('falls back to `baseUrl` + the path without extension', () => {
    const document = tree(
      article,
      makeContext({
        path: 'city/road works.v2.txt',
        config: {baseUrl: 'https://paper.example/news/'}
      })
    )

    expect(document).toHaveProperty(
      'url',
      'https://paper.example/news/city/road%20works.v2'
    )
  })
})

describe('toJsonLd: publisher', () => {
  const article = makeArticle({
    headline: 'Harbour plan',
    publication: 'Harbour Times'
  })

  it('lets a sidecar naming another publisher drop the config’s url and logo', () => {
    const document = tree(
      article,
      makeContext({
        meta: {publisher: {name: 'Wire Partner'}},
        config: {
          publisher: {
            name: 'Coast Daily',
            url: 'https://coast.example/',
            logo: {url: 'https://coast.example/logo.png'}
          }
        }
      })
    )

    expect(document).toHaveProperty('publisher', {
      '@type': 'NewsMediaOrganization',
      name: 'Wire Partner'
    })
  })

  it('joins the masthead name, the sidecar url and the config logo', () => {
    const document = tree(
      article,
      makeContext({
        meta: {publisher: {url: 'https://harbour.example/'}},
        config: {publisher: {logo: {url: 'https://harbour.example/logo.png'}}}
      })
    )

    expect(document).toHaveProperty('publisher', {
      '@type': 'NewsMediaOrganization',
      name: 'Harbour Times',
      url: 'https://harbour.example/',
      logo: {
        '@type': 'ImageObject',
        url: 'https://harbour.example/logo.png',
        contentUrl: 'https://harbour.example/logo.png'
      }
    })
  })

  it('falls back to the masthead', () => {
    expect(tree(article, makeContext())).toHaveProperty('publisher', {
      '@type': 'NewsMediaOrganization',
      name: 'Harbour Times'
    })
  })
})

describe('toJsonLd: fields from text', () => {
  it('gives one author per name across bylines, jobTitle on people only', () => {
    const document = tree(
      makeArticle({
        headline: 'Council vote',
        bylines: [
          {
            text: 'By Rosa Lind and Karl Ek',
            authors: [
              {name: 'Rosa Lind', kind: 'Person'},
              {name: 'Karl Ek', kind: 'Person', jobTitle: 'Political Editor'}
            ]
          },
          {text: 'Rosa Lind', authors: [{name: 'Rosa Lind', kind: 'Person'}]},
          {
            text: 'Our City Staff',
            authors: [
              {name: 'Our City Staff', kind: 'Organization', jobTitle: 'Staff'}
            ]
          }
        ]
      }),
      makeContext()
    )

    expect(document).toHaveProperty('author', [
      {'@type': 'Person', name: 'Rosa Lind'},
      {'@type': 'Person', name: 'Karl Ek', jobTitle: 'Political Editor'},
      {'@type': 'Organization', name: 'Our City Staff'}
    ])
  })

  it('gives one node per id when spellings differ only in accents or punctuation', () => {
    const graph = toJsonLd(
      resolveFacts(
        makeArticle({
          headline: 'Harbour deal',
          bylines: [
            {
              text: 'By José Díaz and Anne-Marie Lee',
              authors: [
                {name: 'José Díaz', kind: 'Person'},
                {name: 'Anne-Marie Lee', kind: 'Person'}
              ]
            },
            {
              text: 'JOSE DIAZ, ANNE MARIE LEE',
              authors: [
                {name: 'JOSE DIAZ', kind: 'Person'},
                {name: 'ANNE MARIE LEE', kind: 'Person'}
              ]
            }
          ]
        }),
        makeContext({meta: {url: 'https://port.example/deal'}})
      )
    )
    const nodes = graph['@graph'] as unknown as JsonObject[]
    const people = nodes.filter((node) => node['@type'] === 'Person')

    expect(people).toEqual([
      {
        '@type': 'Person',
        '@id': 'https://port.example/#/person/jose-diaz',
        name: 'José Díaz'
      },
      {
        '@type': 'Person',
        '@id': 'https://port.example/#/person/anne-marie-lee',
        name: 'Anne-Marie Lee'
      }
    ])
    expect(nodes[0]?.author).toEqual([
      {'@id': 'https://port.example/#/person/jose-diaz'},
      {'@id': 'https://port.example/#/person/anne-marie-lee'}
    ])
    const ids = nodes.map((node) => node['@id'])
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('takes inLanguage from meta, else config', () => {
    const article = makeArticle({headline: 'Wahl'})
    const config = {language: 'de'}

    expect(tree(article, makeContext({config}))).toHaveProperty(
      'inLanguage',
      'de'
    )
    expect(
      tree(article, makeContext({config, meta: {language: 'de-AT'}}))
    ).toHaveProperty('inLanguage', 'de-AT')
  })

  it('cuts a long lead after the last sentence within 300 characters', () => {
    const first =
      'Mr. Hale, who ran the U.S. office of the shipping firm for a decade, ' +
      'said on Friday that the harbour would need new cranes before winter.'
    const second =
      'Dr. Ines Moreau of the port authority agreed and put the cost at ' +
      'about 40 million euros, to be shared with the regional government.'
    const third =
      'Work could start in the spring if the council approves the budget.'
    const lead = `${first} ${second} ${third}`
    expect(lead.length).toBeGreaterThan(300)
    expect(`${first} ${second}`.length).toBeLessThanOrEqual(300)

    const document = tree(
      makeArticle({headline: 'Cranes', body: [lead]}),
      makeContext()
    )

    expect(document).toHaveProperty('description', `${first} ${second}`)
  })

  it('keeps a closing quote with its sentence', () => {
    const first = `Die Bürgermeisterin sagte am Montag: „Wir bauen die Brücke neu.“`
    const rest = ' Danach'.repeat(50)
    const document = tree(
      makeArticle({headline: 'Brücke', body: [`${first}${rest}.`]}),
      makeContext()
    )

    expect(document).toHaveProperty('description', first)
  })

  it('cuts a single overlong sentence at a word, marked with `…`', () => {
    const lead = `${'word '.repeat(80)}end.`
    const document = tree(
      makeArticle({headline: 'Long', body: [lead]}),
      makeContext()
    )

    expect(document).toHaveProperty('description', `${'word '.repeat(59)}word…`)
  })
})

describe('checkJsonLdTerms', () => {
  it('reports unknown properties and types, nested ones too', async () => {
    const messages = await checkJsonLdTerms({
      '@context': 'https://schema.org',
      '@type': 'NewsArticel',
      headlinez: 'Typo',
      'schema:wordCountz': 3,
      author: [{'@type': 'Persn', nam: 'Ann'}],
      about: {'@type': ['Thing', 'http://example.org/Topic']}
    })

    expect(messages.sort()).toEqual([
      'Unexpected property `headlinez`, expected a schema.org term',
      'Unexpected property `http://schema.org/wordCountz`, expected a schema.org term',
      'Unexpected property `nam`, expected a schema.org term',
      'Unexpected type `NewsArticel`, expected a schema.org term',
      'Unexpected type `Persn`, expected a schema.org term',
      'Unexpected type `http://example.org/Topic`, expected a schema.org term'
    ])
  })

  it('accepts both `http` and `https` schema.org contexts', async () => {
    for (const context of ['http://schema.org', 'https://schema.org/']) {
      expect(
        await checkJsonLdTerms({
          '@context': context,
          '@type': 'NewsArticle',
          headline: 'Fine'
        })
      ).toEqual([])
    }
  })
})
