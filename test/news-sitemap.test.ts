import {describe, expect, test} from 'vitest'
import type {Element, Root} from 'xast'
import {fromXml} from 'xast-util-from-xml'
import type {FeedEntry} from '../pipeline/emit/feed-entry.js'
import {
  type NewsSitemapOptions,
  toNewsLanguage,
  toNewsSitemap
} from '../pipeline/emit/to-news-sitemap.js'
import {xmlIllegalCodePoints} from '../pipeline/emit/xml-characters.js'
import {treeText as text} from './helpers/tree-text.js'
import {
  validateNewsSitemap,
  validateSitemapIndex,
  validateWithSitemapXsdOnly
} from './helpers/validate-sitemap.js'

// 2024-03-02T05:00:00Z; 2024 is a leap year, so two days back is 29 February.
const now = '2024-03-02T14:00:00+09:00'
const nowInstant = Date.parse(now)
const options: NewsSitemapOptions = {
  now,
  publicationName: 'The Portvale Courier'
}
const googleLanguage = /^([a-z]{2,3}|zh-cn|zh-tw)$/

/** A dated English article, overridden by `fields`. */
function entry(name: string, fields: Partial<FeedEntry> = {}): FeedEntry {
  return {
    path: `news/${name}.txt`,
    id: `https://courier.example/${name}`,
    url: `https://courier.example/${name}`,
    title: `Story ${name}`,
    body: ['A paragraph.'],
    authors: [],
    datePublished: '2024-03-02T08:00:00+09:00',
    language: 'en-GB',
    keywords: [],
    ...fields
  }
}

/** An article whose language is not known. */
function withoutLanguage(name: string): FeedEntry {
  const {language: _, ...rest} = entry(name)
  return rest
}

/** `count` articles one minute apart, the newest a minute before `now`. */
function manyEntries(count: number): FeedEntry[] {
  return Array.from({length: count}, (_, index) =>
    entry(`story-${String(index).padStart(4, '0')}`, {
      datePublished: new Date(nowInstant - (index + 1) * 60_000).toISOString()
    })
  )
}

/** Descendant elements of `node` named `name`, in document order. */
function elements(node: Root | Element, name: string): Element[] {
  return node.children.flatMap((child) =>
    child.type === 'element'
      ? [...(child.name === name ? [child] : []), ...elements(child, name)]
      : []
  )
}

/** Names of the element children of `element`, in order. */
function childNames(element: Element): string[] {
  return element.children.flatMap((child) =>
    child.type === 'element' ? [child.name] : []
  )
}

/** Texts of the elements named `name` in `xml`. */
function texts(xml: string, name: string): string[] {
  return elements(fromXml(xml), name).map(text)
}

/** The only file of a sitemap that needs no index. */
function single(entries: FeedEntry[], extra: Partial<NewsSitemapOptions> = {}) {
  const result = toNewsSitemap(entries, {...options, ...extra})
  expect(result.files.map((file) => file.name)).toEqual(['news-sitemap.xml'])
  const [file] = result.files
  if (!file) throw new Error('Unexpected missing file')
  return {xml: file.xml, left: result.left}
}

describe('toNewsSitemap: documents', () => {
  test('writes one sitemap as Google shows it, valid against both XSDs', async () => {
    const {xml, left} = single([
      entry('ferry-fares', {
        url: 'https://courier.example/ferry?id=1&lang=en',
        title: 'Ferry fares to rise',
        datePublished: '2024-03-01T23:00:00-05:00'
      })
    ])
    expect(left).toEqual([])
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
        '  <url>',
        '    <loc>https://courier.example/ferry?id=1&amp;lang=en</loc>',
        '    <news:news>',
        '      <news:publication>',
        '        <news:name>The Portvale Courier</news:name>',
        '        <news:language>en</news:language>',
        '      </news:publication>',
        '      <news:publication_date>2024-03-01T23:00:00-05:00</news:publication_date>',
        '      <news:title>Ferry fares to rise</news:title>',
        '    </news:news>',
        '  </url>',
        '</urlset>',
        ''
      ].join('\n')
    )
    expect(await validateNewsSitemap(xml)).toEqual([])
  })

  test('sitemap.xsd alone rejects `news:news`: its wildcard is strict, so the news XSD is needed', async () => {
    const {xml} = single([entry('a')])
    expect(await validateWithSitemapXsdOnly(xml)).toEqual([
      "document.xml:5: Schemas validity error : Element '{http://www.google.com/schemas/sitemap-news/0.9}news': No matching global element declaration available, but demanded by the strict wildcard."
    ])
  })

  test('the news XSD is in force: a BCP 47 region in `news:language` fails', async () => {
    const {xml} = single([entry('a')])
    const errors = await validateNewsSitemap(
      xml.replace('<news:language>en<', '<news:language>en-GB<')
    )
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(
      "The value 'en-GB' is not accepted by the pattern '[a-z]{2,3}|zh-cn|zh-tw'"
    )
  })

  test('children come in the order the XSDs fix', () => {
    const {xml} = single([entry('a'), entry('b', {language: 'zh-Hant'})])
    const tree = fromXml(xml)
    const urls = elements(tree, 'url')
    expect(urls).toHaveLength(2)
    for (const url of urls) {
      expect(childNames(url)).toEqual(['loc', 'news:news'])
      const [news] = elements(url, 'news:news')
      if (!news) throw new Error('Unexpected missing `news:news`')
      expect(childNames(news)).toEqual([
        'news:publication',
        'news:publication_date',
        'news:title'
      ])
      const [publication] = elements(news, 'news:publication')
      if (!publication) throw new Error('Unexpected missing publication')
      expect(childNames(publication)).toEqual(['news:name', 'news:language'])
    }
  })

  test('with nothing to list, no file (sitemap.xsd wants a `url`)', async () => {
    expect(toNewsSitemap([], options)).toEqual({files: [], left: []})
    const empty =
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"></urlset>\n'
    const errors = await validateNewsSitemap(empty)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain("urlset': Missing child element(s)")
  })
})

describe('toNewsSitemap: language', () => {
  test.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
    ['en_GB', 'en'],
    ['fr-CA', 'fr'],
    ['fil', 'fil'],
    ['de-CH-1996', 'de'],
    ['ko-KR', 'ko'],
    ['ar-EG', 'ar'],
    ['zh', 'zh-cn'],
    ['zh-Hans', 'zh-cn'],
    ['zh-CN', 'zh-cn'],
    ['zh-SG', 'zh-cn'],
    ['zh-Hans-HK', 'zh-cn'],
    ['zh-Hant', 'zh-tw'],
    ['zh-TW', 'zh-tw'],
    ['zh-HK', 'zh-tw'],
    ['zh-MO', 'zh-tw'],
    ['zh-Hant-CN', 'zh-tw'],
    ['zh-u-nu-hanidec', 'zh-cn'],
    ['zh-x-hant', 'zh-cn']
  ])('`%s` → `%s`', (tag, code) => {
    expect(toNewsLanguage(tag)).toBe(code)
    expect(code).toMatch(googleLanguage)
  })

  test.each([
    '',
    'e',
    'english',
    'en-',
    'x-klingon',
    'i-klingon',
    'und',
    'zxx',
    '12'
  ])('`%s` names no ISO 639 language', (tag) => {
    expect(toNewsLanguage(tag)).toBeUndefined()
  })

  test('every written language matches Google’s pattern; none or a bad one is left out', () => {
    const languages = ['en-GB', 'zh-Hans-CN', 'zh-Hant-TW', 'ko', 'ar', 'haw']
    const {xml, left} = single([
      ...languages.map((language, index) => entry(`l${index}`, {language})),
      withoutLanguage('none'),
      entry('blank', {language: '  '}),
      entry('bad', {language: 'english'})
    ])
    const written = texts(xml, 'news:language')
    expect(written.sort()).toEqual(['ar', 'en', 'haw', 'ko', 'zh-cn', 'zh-tw'])
    for (const code of written) expect(code).toMatch(googleLanguage)
    expect(left).toEqual([
      {
        path: 'news/bad.txt',
        ruleId: 'invalid-language',
        reason:
          'Unexpected language `english`, expected a BCP 47 tag with an ISO 639 language'
      },
      {
        path: 'news/blank.txt',
        ruleId: 'missing-language',
        reason: 'Unexpected missing language, expected a BCP 47 tag'
      },
      {
        path: 'news/none.txt',
        ruleId: 'missing-language',
        reason: 'Unexpected missing language, expected a BCP 47 tag'
      }
    ])
  })
})

describe('toNewsSitemap: the two-day window', () => {
  test('exactly 48 hours before `now` is in, a millisecond more is out, after `now` is out', () => {
    const {xml, left} = single([
      entry('at-now', {datePublished: now}),
      entry('exactly-48h', {datePublished: '2024-02-29T05:00:00Z'}),
      entry('just-over-48h', {datePublished: '2024-02-29T04:59:59.999Z'}),
      entry('a-second-late', {datePublished: '2024-03-02T05:00:01Z'})
    ])
    expect(texts(xml, 'loc')).toEqual([
      'https://courier.example/at-now',
      'https://courier.example/exactly-48h'
    ])
    expect(left).toEqual([
      {
        path: 'news/a-second-late.txt',
        ruleId: 'in-future',
        reason:
          'Unexpected publication date `2024-03-02T05:00:01Z`, expected none after `now` (`2024-03-02T14:00:00+09:00`)'
      },
      {
        path: 'news/just-over-48h.txt',
        ruleId: 'too-old',
        reason:
          'Unexpected publication date `2024-02-29T04:59:59.999Z`, expected one in the two days before `now` (`2024-03-02T14:00:00+09:00`)'
      }
    ])
  })

  test('offsets count: instants are compared, dates are written as published', () => {
    const {xml, left} = single([
      // 04:00Z: an hour before now, though "23:00" on the 1st.
      entry('new-york', {datePublished: '2024-03-01T23:00:00-05:00'}),
      // 04:30Z: before now, though the clock reads later than now's 14:00.
      entry('sydney', {datePublished: '2024-03-02T14:30:00+10:00'}),
      // 18:30Z: after now, though the clock reads earlier than now's 14:00.
      entry('chicago', {datePublished: '2024-03-02T13:30:00-05:00'})
    ])
    expect(texts(xml, 'news:publication_date')).toEqual([
      '2024-03-02T14:30:00+10:00',
      '2024-03-01T23:00:00-05:00'
    ])
    expect(left.map((item) => [item.path, item.ruleId])).toEqual([
      ['news/chicago.txt', 'in-future']
    ])
  })

  test('dates are written in the form xsd:dateTime takes, offset kept', async () => {
    const {xml} = single([
      entry('no-seconds', {datePublished: '2024-03-02T09:00+09:00'}),
      entry('lower-case', {datePublished: '2024-03-01t20:00:00z'}),
      entry('fraction', {datePublished: '2024-03-01T19:00:00.250+00:00'})
    ])
    expect(texts(xml, 'news:publication_date')).toEqual([
      '2024-03-02T09:00:00+09:00',
      '2024-03-01T20:00:00Z',
      '2024-03-01T19:00:00.250+00:00'
    ])
    expect(await validateNewsSitemap(xml)).toEqual([])
  })

  test.each([
    '2024-02-30T10:00:00Z',
    '2024-03-01',
    '2024-03-01T10:00:00',
    '2024-03-01T24:00:00Z',
    '2024-03-01T10:00:00+15:00',
    'yesterday'
  ])('`%s` is no date-time with an offset', (datePublished) => {
    const {files, left} = toNewsSitemap([entry('a', {datePublished})], options)
    expect(files).toEqual([])
    expect(left).toEqual([
      {
        path: 'news/a.txt',
        ruleId: 'invalid-date',
        reason: `Unexpected date \`${datePublished}\`, expected an ISO 8601 date-time with an offset`
      }
    ])
  })
})

describe('toNewsSitemap: order and limits', () => {
  test('newest first (by instant, then path), whatever the input order', () => {
    const entries = [
      entry('b-same-instant', {datePublished: '2024-03-02T10:00:00+09:00'}),
      entry('oldest', {datePublished: '2024-03-01T00:00:00Z'}),
      entry('a-same-instant', {datePublished: '2024-03-02T01:00:00Z'}),
      entry('newest', {datePublished: '2024-03-02T04:59:00Z'})
    ]
    const {xml} = single(entries)
    expect(texts(xml, 'loc')).toEqual([
      'https://courier.example/newest',
      'https://courier.example/a-same-instant',
      'https://courier.example/b-same-instant',
      'https://courier.example/oldest'
    ])
  })

  test('2,500 articles: three sitemaps of at most 1,000 and an index, all valid', async () => {
    const entries = manyEntries(2500)
    const result = toNewsSitemap([...entries].reverse(), {
      ...options,
      base: 'https://courier.example/sitemaps'
    })
    expect(result.left).toEqual([])
    expect(result.files.map((file) => file.name)).toEqual([
      'news-sitemap-1.xml',
      'news-sitemap-2.xml',
      'news-sitemap-3.xml',
      'news-sitemap.xml'
    ])
    const parts = result.files.slice(0, 3)
    const index = result.files[3]
    if (!index) throw new Error('Unexpected missing index')

    expect(parts.map((part) => texts(part.xml, 'url').length)).toEqual([
      1000, 1000, 500
    ])
    // Newest first across the parts, with nothing lost or repeated.
    const dates = parts.flatMap((part) =>
      texts(part.xml, 'news:publication_date')
    )
    expect(dates).toEqual(entries.map((item) => item.datePublished))

    expect(texts(index.xml, 'loc')).toEqual([
      'https://courier.example/sitemaps/news-sitemap-1.xml',
      'https://courier.example/sitemaps/news-sitemap-2.xml',
      'https://courier.example/sitemaps/news-sitemap-3.xml'
    ])
    expect(texts(index.xml, 'lastmod')).toEqual(
      parts.map((part) => texts(part.xml, 'news:publication_date')[0])
    )

    for (const part of parts) {
      expect(await validateNewsSitemap(part.xml)).toEqual([])
    }
    expect(await validateSitemapIndex(index.xml)).toEqual([])
  })

  test('`maxPerFile` sets the split; exactly that many need no index', async () => {
    const seven = manyEntries(7)
    const split = toNewsSitemap(seven, {
      ...options,
      base: 'https://courier.example/',
      maxPerFile: 3
    })
    expect(
      split.files.map((file) => [file.name, texts(file.xml, 'loc').length])
    ).toEqual([
      ['news-sitemap-1.xml', 3],
      ['news-sitemap-2.xml', 3],
      ['news-sitemap-3.xml', 1],
      ['news-sitemap.xml', 3]
    ])
    const index = split.files[3]?.xml ?? ''
    expect(index).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '  <sitemap>',
        '    <loc>https://courier.example/news-sitemap-1.xml</loc>',
        '    <lastmod>2024-03-02T04:59:00.000Z</lastmod>',
        '  </sitemap>',
        '  <sitemap>',
        '    <loc>https://courier.example/news-sitemap-2.xml</loc>',
        '    <lastmod>2024-03-02T04:56:00.000Z</lastmod>',
        '  </sitemap>',
        '  <sitemap>',
        '    <loc>https://courier.example/news-sitemap-3.xml</loc>',
        '    <lastmod>2024-03-02T04:53:00.000Z</lastmod>',
        '  </sitemap>',
        '</sitemapindex>',
        ''
      ].join('\n')
    )
    expect(await validateSitemapIndex(index)).toEqual([])

    const {xml, left} = single(manyEntries(3), {
      base: 'https://courier.example/',
      maxPerFile: 3
    })
    expect(texts(xml, 'loc')).toHaveLength(3)
    expect(left).toEqual([])
  })

  test('without `base`, the newest 1,000 are listed and the rest left out', async () => {
    const entries = manyEntries(1003)
    const {xml, left} = single(entries)
    expect(texts(xml, 'loc')).toEqual(
      entries.slice(0, 1000).map((item) => item.url)
    )
    expect(left).toEqual(
      entries.slice(1000).map((item) => ({
        path: item.path,
        ruleId: 'over-limit',
        reason:
          'Unexpected article beyond the newest 1000, expected `base` to split the sitemap under an index'
      }))
    )
    expect(await validateNewsSitemap(xml)).toEqual([])
  })

  test('one URL is listed once: the newest entry for it', () => {
    const {xml, left} = single([
      entry('first', {url: 'https://courier.example/same'}),
      entry('update', {
        url: 'https://courier.example/same',
        datePublished: '2024-03-02T09:00:00+09:00'
      })
    ])
    expect(texts(xml, 'news:publication_date')).toEqual([
      '2024-03-02T09:00:00+09:00'
    ])
    expect(left).toEqual([
      {
        path: 'news/first.txt',
        ruleId: 'duplicate-url',
        reason:
          'Unexpected second article at `https://courier.example/same`, expected one per URL (`news/update.txt` is listed)'
      }
    ])
  })

  test('bad URLs and empty titles are left out, sorted by path', () => {
    const long = `https://courier.example/${'a'.repeat(2100)}`
    const {xml, left} = single([
      entry('z-relative', {url: '/relative/path'}),
      entry('ftp', {url: 'ftp://courier.example/file'}),
      entry('long', {url: long}),
      entry('untitled', {title: ' \u0007\n\t '}),
      entry('kept')
    ])
    expect(texts(xml, 'loc')).toEqual(['https://courier.example/kept'])
    expect(left).toEqual([
      {
        path: 'news/ftp.txt',
        ruleId: 'invalid-url',
        reason:
          'Unexpected URL `ftp://courier.example/file`, expected an absolute http(s) URL'
      },
      {
        path: 'news/long.txt',
        ruleId: 'invalid-url',
        reason: 'Unexpected URL of 2124 characters, expected at most 2048'
      },
      {
        path: 'news/untitled.txt',
        ruleId: 'empty-title',
        reason: 'Unexpected empty title, expected the headline'
      },
      {
        path: 'news/z-relative.txt',
        ruleId: 'invalid-url',
        reason:
          'Unexpected URL `/relative/path`, expected an absolute http(s) URL'
      }
    ])
  })
})

describe('toNewsSitemap: text and determinism', () => {
  test('hostile titles round-trip as plain text, without illegal characters', async () => {
    const title =
      '<b>Bold</b> & "quoted" \'single\' ]]> end\u0000\u0007\u001f\ufffe\uffff\ud800 ' +
      '한국어 기사 — العربية 👩‍💻🎉\n\tnext line'
    const {xml} = single(
      [
        entry('hostile', {
          title,
          url: 'https://courier.example/기사?q=a&b=<c>#top'
        })
      ],
      {publicationName: 'Courier & <Sons> ]]>\u0001'}
    )
    expect(xmlIllegalCodePoints(xml)).toEqual([])
    expect(xml).not.toContain(']]>')
    expect(texts(xml, 'news:title')).toEqual([
      '<b>Bold</b> & "quoted" \'single\' ]]> end 한국어 기사 — العربية 👩‍💻🎉 next line'
    ])
    expect(texts(xml, 'news:name')).toEqual(['Courier & <Sons> ]]>'])
    expect(texts(xml, 'loc')).toEqual([
      'https://courier.example/%EA%B8%B0%EC%82%AC?q=a&b=%3Cc%3E#top'
    ])
    expect(await validateNewsSitemap(xml)).toEqual([])
  })

  test('same entries, in any order, give the same bytes', () => {
    const entries = [
      ...manyEntries(30),
      entry('old', {datePublished: '2024-01-01T00:00:00Z'}),
      withoutLanguage('no-language')
    ]
    const base = {...options, base: 'https://courier.example/', maxPerFile: 7}
    const first = toNewsSitemap(entries, base)
    const again = toNewsSitemap(entries, base)
    const shuffled = toNewsSitemap(
      entries
        .filter((_, index) => index % 2 === 1)
        .concat(entries.filter((_, index) => index % 2 === 0).reverse()),
      base
    )
    expect(first.files).toHaveLength(6)
    expect(again).toEqual(first)
    expect(shuffled).toEqual(first)
    expect(first.left.map((item) => item.path)).toEqual([
      'news/no-language.txt',
      'news/old.txt'
    ])
  })
})

describe('toNewsSitemap: options', () => {
  test.each<[Partial<NewsSitemapOptions>, string]>([
    [
      {now: '2024-03-02T14:00:00'},
      'Unexpected `now` `2024-03-02T14:00:00`, expected an ISO 8601 date-time with an offset'
    ],
    [
      {publicationName: ' \u0007 '},
      'Unexpected empty `publicationName`, expected the name Google News shows'
    ],
    [
      {maxPerFile: 0},
      'Unexpected `maxPerFile` `0`, expected a whole number from 1 to 1000'
    ],
    [
      {maxPerFile: 1001},
      'Unexpected `maxPerFile` `1001`, expected a whole number from 1 to 1000'
    ],
    [
      {maxPerFile: 2.5},
      'Unexpected `maxPerFile` `2.5`, expected a whole number from 1 to 1000'
    ],
    [
      {base: 'courier.example/'},
      'Unexpected `base` `courier.example/`, expected an absolute http(s) URL of a folder'
    ],
    [
      {base: 'ftp://courier.example/'},
      'Unexpected `base` `ftp://courier.example/`, expected an absolute http(s) URL of a folder'
    ],
    [
      {base: 'https://courier.example/?page=1'},
      'Unexpected `base` `https://courier.example/?page=1`, expected an absolute http(s) URL of a folder'
    ]
  ])('%o throws', (extra, message) => {
    expect(() => toNewsSitemap([entry('a')], {...options, ...extra})).toThrow(
      new RangeError(message)
    )
  })
})
