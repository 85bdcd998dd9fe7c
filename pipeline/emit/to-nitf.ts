// Emit, NITF: reads an article's `Facts` (emit/facts.ts) and builds the
// IPTC NITF 3.6 document as an xast tree for one partner profile (namespace
// mode, extra `head/meta`, bylines as markup or plain text);
// `serializeNitf` (`serialize-nitf.ts`) writes that tree in the profile's
// encoding. Pure: no clock, no randomness; a value the input does not give is
// left out, never guessed, except NITF's own defaults (urgency 5, `usable`).
// Element order follows `schemas/nitf/nitf-3-6.xsd`.
// Emits no messages: the article is validated before it gets here.

import type {Element, ElementContent, Root} from 'xast'
import {x} from 'xastscript'
import type {NitfRights} from '../generated/schema-types.js'
import {monthNames} from '../rules/text-date.js'
import type {Article, Author, Byline, Dateline} from '../types.js'
import {parseDateTime} from './date-time.js'
import {collapse, type Facts, type PlaceFacts} from './facts.js'
import {defaultNitfProfile, type NitfProfile} from './nitf-profile.js'

const nitfNamespace = 'http://iptc.org/std/NITF/2006-10-18/'

// The XSD fixes these values: writing them is allowed, any other value is not.
const nitfVersion = '-//IPTC//DTD NITF 3.6//EN'
const nitfChangeDate = 'September 11, 2009'
const nitfChangeTime = '12:26'

/** The calendar fields of an ISO 8601 date-time, as written (local time). */
interface DateTimeParts {
  year: string
  month: string
  day: string
  /** The NITF form, `YYYYMMDDTHHMMSS±HHMM`. */
  nitf: string
}

// An XML `NMTOKEN`, near enough: name characters, no space.
const nameToken = /^[\p{L}\p{M}\p{N}._:\-\u00b7]+$/u

// `urgency/@ed-urg` when the sidecar gives none: the XSD's "5=normal".
const normalUrgency = 5

/**
 * What of a profile shapes the tree (the encoding only shapes the bytes);
 * bylines are `markup` unless it says otherwise.
 */
export type NitfTreeProfile = Pick<NitfProfile, 'namespace' | 'meta'> &
  Partial<Pick<NitfProfile, 'byline'>>

/** Build the NITF 3.6 document of an article's facts as an xast tree. */
export function toNitf(
  facts: Facts,
  profile: NitfTreeProfile = defaultNitfProfile
): Root {
  const article = withoutBlanks(facts.article)
  const published = facts.datePublished
    ? readDateTime(facts.datePublished)
    : undefined
  const publisher = collapse(facts.publisher?.name)

  const head = x('head', [
    hasText(article.headline) ? x('title', article.headline) : undefined,
    ...profile.meta.flatMap(({name, content}) => {
      // `name` is an NMTOKEN and `content` is required: both or nothing.
      const token = collapse(name)
      return token && nameToken.test(token) && hasText(content)
        ? [x('meta', {name: token, content: collapse(content)})]
        : []
    }),
    docdata(article, facts, published),
    x('pubdata', {
      type: 'web',
      'item-length': String(facts.wordCount),
      'unit-of-measure': 'word',
      'date.publication': published?.nitf,
      name: publisher,
      'position.section': collapse(facts.section),
      'ex-ref': collapse(facts.url)
    })
  ])

  const body = x('body', [
    bodyHead(article, facts, published, profile.byline ?? 'markup'),
    article.body.length > 0
      ? x(
          'body.content',
          article.body.map((paragraph) => x('p', paragraph))
        )
      : undefined,
    article.credits.length > 0
      ? x('body.end', [tagline(article.credits)])
      : undefined
  ])

  return x(null, [
    x(
      'nitf',
      {
        // Bare: the same elements without a namespace, for partner parsers
        // that match `nitf` literally; valid only as a namespaced copy.
        xmlns: profile.namespace === 'bare' ? undefined : nitfNamespace,
        version: nitfVersion,
        'change.date': nitfChangeDate,
        'change.time': nitfChangeTime,
        baselang: collapse(facts.language)
      },
      [head, body]
    )
  ])
}

/** Turn an ISO 8601 date-time with offset into NITF basic form (`20231112T093000+0900`). */
export function toNitfDate(iso: string): string {
  const parts = readDateTime(iso)
  if (!parts) {
    throw new RangeError(
      `Unexpected date \`${iso}\`, expected an ISO 8601 date-time with an offset`
    )
  }
  return parts.nitf
}

/** `head/docdata`: identity, urgency, dates, notes, rights and keywords. */
function docdata(
  article: Article,
  facts: Facts,
  published: DateTimeParts | undefined
): Element {
  const storyId = collapse(facts.storyId)
  const keywords = facts.keywords.map((key) => x('keyword', {key}))
  const release = nitfDate(facts.embargoUntil)
  const expire = nitfDate(facts.expires)
  const urgency = facts.urgency ?? normalUrgency
  const holder = collapse(facts.copyright?.holder)
  return x(
    'docdata',
    // NITF's values are `usable`, `embargoed`, `withheld` and `canceled`;
    // copydesk knows of an embargo or of nothing that holds the story back.
    {'management-status': release ? 'embargoed' : 'usable'},
    [
      storyId
        ? x('doc-id', {
            regsrc: collapse(facts.nitf.regsrc),
            'id-string': storyId
          })
        : undefined,
      // An NMTOKEN: only a whole number 1-8 is written (the schema says so too).
      Number.isInteger(urgency) && urgency >= 1 && urgency <= 8
        ? x('urgency', {'ed-urg': String(urgency)})
        : undefined,
      published ? x('date.issue', {norm: published.nitf}) : undefined,
      release ? x('date.release', {norm: release}) : undefined,
      expire ? x('date.expire', {norm: expire}) : undefined,
      // `docdata` repeats freely, so each note keeps its own boundary.
      ...article.editorNotes.map((note) => {
        const info = collapse(note)
        return info ? x('ed-msg', {info}) : undefined
      }),
      // Updates of one story share the key and count up the version.
      storyId && facts.version !== undefined
        ? x('du-key', {key: storyId, version: String(facts.version)})
        : undefined,
      // A year with no holder says nothing about rights: only with the
      // holder the sidecar or config names, as in every output.
      holder
        ? x('doc.copyright', {
            year: facts.copyright?.year?.toString(),
            holder
          })
        : undefined,
      docRights(facts.nitf.rights),
      keywords.length > 0 ? x('key-list', keywords) : undefined
    ]
  )
}

/** `doc.rights` from the config's `nitf.rights`, or `undefined` if it says nothing. */
function docRights(rights: NitfRights | undefined): Element | undefined {
  if (!rights) return undefined
  const attributes = {
    owner: collapse(rights.owner),
    startdate: nitfDate(rights.startDate),
    enddate: nitfDate(rights.endDate),
    agent: collapse(rights.agent),
    geography: collapse(rights.geography),
    'location-code': collapse(rights.locationCode),
    'code-source': collapse(rights.codeSource),
    type: collapse(rights.type),
    limitations: collapse(rights.limitations)
  }
  return Object.values(attributes).some(Boolean)
    ? x('doc.rights', attributes)
    : undefined
}

/** `body.head`: headlines, bylines, distributor, dateline, abstract. */
function bodyHead(
  article: Article,
  facts: Facts,
  published: DateTimeParts | undefined,
  bylineStyle: NitfProfile['byline']
) {
  const {agencies, place} = facts
  return x('body.head', [
    // `hl1` is required in `hedline`: no headline, no `hedline`.
    hasText(article.headline)
      ? x('hedline', [
          x('hl1', article.headline),
          hasText(article.subheadline)
            ? x('hl2', article.subheadline)
            : undefined
        ])
      : undefined,
    ...(bylineStyle === 'plain'
      ? plainBylines(article.bylines)
      : article.bylines.map((byline) => x('byline', bylineContent(byline)))),
    // The XSD allows one `distributor`: every agency goes in it.
    agencies.length > 0
      ? x(
          'distributor',
          agencies.flatMap((agency, index) => [
            index > 0 ? ', ' : undefined,
            x('org', agency)
          ])
        )
      : undefined,
    article.dateline
      ? x('dateline', datelineContent(article.dateline, published, place))
      : undefined,
    article.summary.length > 0
      ? x(
          'abstract',
          article.summary.map((bullet) => x('p', bullet))
        )
      : undefined
  ])
}

/**
 * `By <person>A</person>, <byttl>Title</byttl>, <virtloc>a@b.c</virtloc>`:
 * readable as text, marked up as the XSD allows (`person`, `byttl`, `virtloc`).
 */
function bylineContent(byline: Byline): ElementContent[] {
  // Nothing to mark up: the byline as printed is the best text there is.
  if (byline.authors.length === 0) return [{type: 'text', value: byline.text}]

  const agency = collapse(byline.agency)
  const authors = byline.authors.map((author) => authorContent(author, agency))
  const detailed = authors.some((content) => content.length > 1)
  const children: Array<ElementContent | string> = ['By ']
  authors.forEach((content, index) => {
    if (index > 0) {
      // With titles and addresses in between, commas alone would blur who is who.
      children.push(
        detailed ? '; ' : index === authors.length - 1 ? ' and ' : ', '
      )
    }
    children.push(...content)
  })

  if (agency && !byline.authors.some((author) => mentions(author, agency))) {
    children.push(detailed ? '; ' : ', ', x('byttl', [x('org', agency)]))
  }
  return children.map((child) =>
    typeof child === 'string' ? {type: 'text', value: child} : child
  )
}

/**
 * The `plain` profile's bylines: one `byline` of text, no `person`, for
 * parsers that read only the first byline's text and its first `person`.
 * Each byline as printed when it names all its authors, else as the markup
 * would read; several bylines joined with `; `.
 */
function plainBylines(bylines: readonly Byline[]): Element[] {
  const text = bylines
    .map((byline) =>
      byline.authors.every((author) => byline.text.includes(author.name))
        ? byline.text
        : toText(bylineContent(byline))
    )
    .join('; ')
  return text === '' ? [] : [x('byline', text)]
}

/** The text of `content`, tags dropped. */
function toText(content: readonly ElementContent[]): string {
  return content
    .map((node) =>
      node.type === 'text'
        ? node.value
        : node.type === 'element'
          ? toText(node.children)
          : ''
    )
    .join('')
}

/** One author: name, then job title, e-mail and handle as printed with it. */
function authorContent(
  author: Author,
  agency: string | undefined
): Array<ElementContent | string> {
  // `byline` has no `org`: a desk credit (`Our Foreign Staff`) stays text.
  const content: Array<ElementContent | string> = [
    author.kind === 'Person' ? x('person', author.name) : author.name
  ]
  if (hasText(author.jobTitle)) {
    content.push(', ', x('byttl', markAgency(author.jobTitle, agency)))
  }
  // `virtloc` is NITF's "location in cyberspace": an address or a handle.
  for (const address of [author.email, author.handle]) {
    if (hasText(address)) content.push(', ', x('virtloc', address))
  }
  return content
}

/** Job title with the agency it names as `org` (`<org>Reuters</org> correspondent`). */
function markAgency(
  title: string,
  agency: string | undefined
): Array<ElementContent | string> {
  const start = agency ? title.indexOf(agency) : -1
  if (!agency || start === -1) return [title]
  return [
    title.slice(0, start),
    x('org', agency),
    title.slice(start + agency.length)
  ].filter((part) => part !== '')
}

/** Whether the author's name or title already says `agency`. */
function mentions(author: Author, agency: string): boolean {
  const needle = agency.toLowerCase()
  return [author.name, author.jobTitle].some((value) =>
    value?.toLowerCase().includes(needle)
  )
}

/**
 * The dateline as printed, without the dash that leads into the body, with
 * `location` and `story.date` marked where they are written.
 */
function datelineContent(
  dateline: Dateline,
  published: DateTimeParts | undefined,
  place: PlaceFacts | undefined
): ElementContent[] {
  const text = dateline.text.replace(/\s*(?:--|[-\u2013\u2014])\s*$/u, '')
  const norm =
    hasText(dateline.date) && published && sameDay(dateline.date, published)
      ? published.nitf
      : undefined
  const spans: Array<{value: string; element: Element}> = []
  if (hasText(dateline.location)) {
    spans.push({
      value: dateline.location,
      element: x('location', locationContent(dateline.location, place))
    })
  }
  if (hasText(dateline.date)) {
    spans.push({
      value: dateline.date,
      element: x('story.date', {norm}, dateline.date)
    })
  }
  const marked = text ? markUp(text, spans) : undefined
  if (marked) return marked
  // Not findable in the printed text: keep the parts, drop the printing.
  if (spans.length === 0) return [{type: 'text', value: dateline.text}]
  return spans.flatMap((span, index): ElementContent[] =>
    index > 0 ? [{type: 'text', value: ', '}, span.element] : [span.element]
  )
}

/**
 * The location as printed, its parts marked where they are written:
 * `<city>ROSCOE</city>, <state>S.D.</state>`, with the ISO codes the facts
 * know (`state-code`, `region-code` from ISO 3166-2; `iso-cc` of a printed
 * country). The text content stays the printed location, byte for byte.
 */
function locationContent(
  location: string,
  place: PlaceFacts | undefined
): Array<ElementContent | string> {
  if (!place || place.text !== location) return [location]
  const parts: Array<[string, string | undefined, Record<string, string>]> = [
    ['city', place.city, {}],
    ['state', place.state, subdivision('state-code', place.stateCode)],
    ['region', place.region, subdivision('region-code', place.regionCode)],
    [
      'country',
      place.country,
      place.countryCode ? {'iso-cc': place.countryCode} : {}
    ]
  ]
  const content: Array<ElementContent | string> = []
  let cursor = 0
  for (const [name, value, attributes] of parts) {
    if (!hasText(value)) continue
    const start = location.indexOf(value, cursor)
    // Parts out of reading order: the printed text unmarked, not reordered.
    if (start === -1) return [location]
    if (start > cursor) content.push(location.slice(cursor, start))
    content.push(x(name, attributes, value))
    cursor = start + value.length
  }
  if (cursor < location.length) content.push(location.slice(cursor))
  return content
}

/** The attributes of an ISO 3166-2 code (`US-WY`), or none. */
function subdivision(
  attribute: string,
  code: string | undefined
): Record<string, string> {
  return code ? {[attribute]: code, 'code-source': 'ISO 3166-2'} : {}
}

/** `text` with each span's first occurrence replaced by its element, or `undefined` if one is missing or they overlap. */
function markUp(
  text: string,
  spans: Array<{value: string; element: Element}>
): ElementContent[] | undefined {
  const found = spans
    .map((span) => ({...span, start: text.indexOf(span.value)}))
    .sort((a, b) => a.start - b.start)
  const content: ElementContent[] = []
  let cursor = 0
  for (const span of found) {
    if (span.start < cursor) return undefined
    if (span.start > cursor) {
      content.push({type: 'text', value: text.slice(cursor, span.start)})
    }
    content.push(span.element)
    cursor = span.start + span.value.length
  }
  if (cursor < text.length) {
    content.push({type: 'text', value: text.slice(cursor)})
  }
  return content
}

/**
 * Whether a date as written in a dateline (`Nov. 12`, `12 November 2023`,
 * `2023-11-12`) is the calendar day of `published`; anything unreadable
 * (`Monday`) is not, so no normalized date is claimed for it.
 */
function sameDay(written: string, published: DateTimeParts): boolean {
  const numeric = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(written)
  if (numeric) {
    return (
      numeric[1] === published.year &&
      numeric[2] === published.month &&
      numeric[3] === published.day
    )
  }
  const words = written.toLowerCase().match(/[a-z]+|\d+/g) ?? []
  const months = words.flatMap((word) => {
    const index = monthNames.findIndex(
      (name) => word.length >= 3 && name.startsWith(word)
    )
    return index === -1 ? [] : [index + 1]
  })
  const days = words.filter((word) => /^\d{1,2}$/.test(word)).map(Number)
  const years = words.filter((word) => /^\d{4}$/.test(word))
  const [month] = months
  const [day] = days
  const [year] = years
  return (
    months.length === 1 &&
    days.length === 1 &&
    years.length <= 1 &&
    month === Number(published.month) &&
    day === Number(published.day) &&
    (year === undefined || year === published.year)
  )
}

/** The single `tagline` the XSD allows, one credit per line. */
function tagline(credits: string[]): Element {
  return x(
    'tagline',
    credits.flatMap((credit, index) =>
      index > 0 ? [x('br'), '\n', credit] : [credit]
    )
  )
}

/** The NITF form of an ISO 8601 date-time, or `undefined` for none or an unreadable one. */
function nitfDate(iso: string | undefined): string | undefined {
  return iso === undefined ? undefined : readDateTime(iso)?.nitf
}

/** Calendar fields and NITF form of an ISO 8601 date-time, or `undefined`. */
function readDateTime(iso: string): DateTimeParts | undefined {
  const parts = parseDateTime(iso)
  if (!parts) return undefined
  const {year, month, day, hour, minute, second, offset} = parts
  // Fractions of a second are dropped: NITF readers expect whole seconds.
  const zone = offset === 'Z' ? '+0000' : offset.replace(':', '')
  return {
    year,
    month,
    day,
    nitf: `${year}${month}${day}T${hour}${minute}${second}${zone}`
  }
}

/**
 * `article` without blank strings in its lists, authors without a name and
 * bylines left empty: none of them could become a non-empty element. The
 * article schema already rules them out; this keeps the XML valid regardless.
 */
function withoutBlanks(article: Article): Article {
  const bylines = article.bylines.flatMap((byline) => {
    const authors = byline.authors.filter((author) => hasText(author.name))
    return authors.length > 0 || hasText(byline.text)
      ? [{...byline, authors}]
      : []
  })
  const {dateline, ...rest} = article
  const keepDateline =
    dateline && [dateline.text, dateline.location, dateline.date].some(hasText)
  return {
    ...rest,
    ...(keepDateline ? {dateline} : {}),
    bylines,
    body: article.body.filter(hasText),
    summary: article.summary.filter(hasText),
    editorNotes: article.editorNotes.filter(hasText),
    credits: article.credits.filter(hasText)
  }
}

/** Whether `value` holds more than white space. */
function hasText(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== ''
}
