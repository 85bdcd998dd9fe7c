// The report page of one article: the source as it was read, line by
// line, each line marked with what copydesk made of it (masthead, headline,
// bylines, dateline, body paragraphs, notes, captions, credits), the lines
// it dropped struck through and those it moved set aside, with the rule
// that took them; every message at its line with its rule id, and what
// the desk can do about it; a search result and a social card drawn from
// the JSON-LD and the head tags; the outputs side by side with what was
// checked of each. Reads the processed VFile: `file.value` (the decoded
// text every position refers to), `file.data.article`, `positions`,
// `context` and `outputs`, and its messages. No script runs on the page.
// Pure.
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {VFile} from 'vfile'
import {resolveFacts} from '../emit/facts.js'
import {toHeadTree} from '../emit/to-head-html.js'
import type {FixContext} from './fixes.js'
import {outputPanels} from './output-panels.js'
import {
  countLevels,
  type LevelCounts,
  levelOf,
  lineOf,
  messageItem,
  plural,
  type ReportMessage,
  renderDocument
} from './page-parts.js'
import {
  headValues,
  newsArticleOf,
  searchResult,
  shortDate,
  socialCard
} from './previews.js'
import {relativeHref, reportIndexName, reportPageName} from './report-names.js'
import {
  asideRoles,
  type LineSegment,
  type RoleMark,
  type SourceLine,
  sourceLines
} from './source-lines.js'

/** What the build index shows of an article, kept with its cache entry. */
export interface ArticleSummary {
  headline: string
  /** Every author once, as the outputs name them. */
  authors: string[]
  datePublished?: string | undefined
  wordCount: number
}

/** An article's page, and what the index needs of it. */
export interface ArticlePage {
  /** Where it goes, relative to the output folder. */
  name: string
  html: string
  summary: ArticleSummary
}

/**
 * The report page of an article built without a fatal message, from its
 * processed file; `sidecar` is the sidecar's file when it has messages.
 */
export function renderArticlePage(
  file: VFile,
  options: {stem: string; sidecar?: VFile | undefined}
): ArticlePage {
  const {article, positions = {}, context, outputs = {}} = file.data
  if (!article || !context) {
    throw new Error('renderArticlePage: the file was not processed')
  }
  const {stem} = options
  const name = reportPageName(stem)
  const facts = resolveFacts(article, context)
  const head = headValues(toHeadTree(facts))
  const jsonld = parseJson(outputs['.jsonld'])
  const language = {lang: facts.language}
  const sidecarName = `${stem.slice(stem.lastIndexOf('/') + 1)}.meta.json`
  const fix: FixContext = {sidecar: sidecarName}
  const messages = file.messages as readonly ReportMessage[]
  const sidecarMessages = (options.sidecar?.messages ??
    []) as readonly ReportMessage[]
  const counts = countLevels([...messages, ...sidecarMessages])
  const lines = sourceLines(String(file.value ?? ''), positions, messages)
  const summary: ArticleSummary = {
    headline: article.headline,
    authors: facts.authors.map((author) => author.name),
    datePublished: facts.datePublished,
    wordCount: facts.wordCount
  }

  const byline = article.bylines.map((item) => item.text).join('; ')
  const body: ElementContent[] = [
    h('header', {className: ['page-header']}, [
      h('nav', {ariaLabel: 'Report'}, [
        h('a', {href: relativeHref(name, reportIndexName)}, 'All articles'),
        ' › ',
        h('code', file.path)
      ]),
      h('h1', {dir: 'auto', ...language}, article.headline),
      article.subheadline
        ? h(
            'p',
            {className: ['deck'], dir: 'auto', ...language},
            article.subheadline
          )
        : undefined,
      h('dl', {className: ['facts']}, [
        fact('Byline', byline || 'none', language),
        fact('Dateline', article.dateline?.text ?? 'none', language),
        fact('Published', facts.datePublished ?? 'no date'),
        fact('Words', String(facts.wordCount)),
        fact('Language', facts.language ?? 'not given'),
        fact('URL', facts.url ?? 'none'),
        fact('Source', file.path)
      ]),
      countsLine(counts),
      h('nav', {ariaLabel: 'On this page', className: ['toc']}, [
        h('ul', [
          h('li', h('a', {href: '#messages'}, 'Messages')),
          h('li', h('a', {href: '#source'}, 'Source, line by line')),
          h('li', h('a', {href: '#previews'}, 'Search result and card')),
          h('li', h('a', {href: '#outputs'}, 'Outputs'))
        ])
      ])
    ]),
    h('main', {id: 'main'}, [
      messagesSection(messages, options.sidecar, fix),
      sourceSection(lines, messages, fix, language),
      h('section', {id: 'previews', ariaLabelledby: 'previews-title'}, [
        h('h2', {id: 'previews-title'}, 'Search result and card'),
        h('p', {className: ['note']}, [
          'Drawn from the JSON-LD and the head tags as written',
          facts.datePublished
            ? `; dated ${shortDate(facts.datePublished)}`
            : '',
          '. Images are not loaded: a box gives their address.'
        ]),
        h('div', {className: ['previews']}, [
          searchResult(head, newsArticleOf(jsonld), language),
          socialCard(head, language)
        ])
      ]),
      h('section', {id: 'outputs', ariaLabelledby: 'outputs-title'}, [
        h('h2', {id: 'outputs-title'}, 'Outputs'),
        outputPanels({page: name, stem, outputs, config: context.config, head})
      ])
    ])
  ]
  return {
    name,
    html: renderDocument({
      name,
      title: `${article.headline} · copydesk report`,
      body,
      kind: 'article-page'
    }),
    summary
  }
}

function parseJson(value: string | Buffer | undefined): unknown {
  if (value === undefined) return undefined
  try {
    return JSON.parse(String(value))
  } catch {
    return undefined
  }
}

function fact(
  term: string,
  value: string,
  language?: {lang?: string | undefined}
): Element[] {
  return [h('dt', term), h('dd', {dir: 'auto', ...language}, value)]
}

/** `2 errors, 3 warnings, 5 infos`, each counted in its colour. */
export function countsLine(counts: LevelCounts): Element {
  return h('p', {className: ['counts']}, [
    h('span', {className: ['count', 'error']}, plural(counts.errors, 'error')),
    ' ',
    h(
      'span',
      {className: ['count', 'warning']},
      plural(counts.warnings, 'warning')
    ),
    ' ',
    h('span', {className: ['count', 'info']}, plural(counts.infos, 'info'))
  ])
}

/**
 * Errors and warnings, each with what to do (those at a line link to it),
 * and the infos that have no line; the sidecar's apart.
 */
function messagesSection(
  messages: readonly ReportMessage[],
  sidecar: VFile | undefined,
  fix: FixContext
): Element {
  const shown = messages.filter(
    (message) => levelOf(message) !== 'info' || lineOf(message) === undefined
  )
  const infosAtLines = messages.length - shown.length
  const sidecarMessages = (sidecar?.messages ?? []) as readonly ReportMessage[]
  return h('section', {id: 'messages', ariaLabelledby: 'messages-title'}, [
    h('h2', {id: 'messages-title'}, 'Messages'),
    shown.length === 0 && sidecarMessages.length === 0
      ? h('p', 'No error or warning.')
      : undefined,
    shown.length > 0
      ? h(
          'ul',
          {className: ['messages']},
          shown.map((message) => messageItem(message, {fix, lineHref: true}))
        )
      : undefined,
    sidecar && sidecarMessages.length > 0
      ? h('div', {className: ['sidecar-messages']}, [
          h('h3', ['In the sidecar ', h('code', sidecar.path)]),
          h(
            'ul',
            {className: ['messages']},
            sidecarMessages.map((message) => messageItem(message, {fix}))
          )
        ])
      : undefined,
    infosAtLines > 0
      ? h('p', {className: ['note']}, [
          `${plural(infosAtLines, 'info')} at their lines below say why a line was moved or dropped.`
        ])
      : undefined
  ])
}

const legend: ReadonlyArray<[string, string]> = [
  ['masthead', 'masthead'],
  ['headline', 'headline'],
  ['subheadline', 'subheadline'],
  ['byline', 'byline'],
  ['dateline', 'dateline'],
  ['body', 'body paragraph'],
  ['note', 'note (moved out)'],
  ['summary', 'summary (moved out)'],
  ['caption', 'caption (set aside)'],
  ['credit', 'credit (moved out)'],
  ['dropped', 'dropped boilerplate (struck)']
]

/** The source, one list item per line, messages under their line. */
function sourceSection(
  lines: readonly SourceLine[],
  messages: readonly ReportMessage[],
  fix: FixContext,
  language: {lang?: string | undefined}
): Element {
  const byLine = new Map<number, ReportMessage[]>()
  for (const message of messages) {
    const line = lineOf(message)
    if (line === undefined) continue
    byLine.set(line, [...(byLine.get(line) ?? []), message])
  }
  return h('section', {id: 'source', ariaLabelledby: 'source-title'}, [
    h('h2', {id: 'source-title'}, 'Source, line by line'),
    h('p', {className: ['note']}, [
      'The text as copydesk read it (decoded, line endings as LF). Each line says what it became; lines dropped are struck through, lines moved out of the body are set aside, and every message stands under its line.'
    ]),
    h(
      'ul',
      {className: ['legend'], ariaLabel: 'Legend'},
      legend.map(([role, label]) =>
        h('li', {className: ['role-tag', `role-${role}`]}, label)
      )
    ),
    h(
      'ol',
      {className: ['source'], ...language},
      lines.map((line) => lineItem(line, byLine.get(line.number) ?? [], fix))
    )
  ])
}

/** One line of the source: number, what it became, text, messages. */
function lineItem(
  line: SourceLine,
  messages: readonly ReportMessage[],
  fix: FixContext
): Element {
  const blank = line.text.trim() === ''
  const roles = line.marks.map((mark) => mark.role)
  const aside = roles.length > 0 && roles.every((role) => asideRoles.has(role))
  const className = [
    'line',
    blank ? 'blank' : undefined,
    roles[0] ? `role-${roles[0]}` : 'role-none',
    aside ? 'aside' : undefined,
    roles.includes('dropped') ? 'dropped' : undefined
  ].filter((name): name is string => name !== undefined)
  return h(
    'li',
    {
      id: `L${line.number}`,
      className,
      dataLine: line.number,
      dataRole: roles.join(' ') || undefined
    },
    [
      h(
        'a',
        {
          className: ['ln'],
          href: `#L${line.number}`,
          ariaLabel: `Line ${line.number}`
        },
        String(line.number)
      ),
      h('span', {className: ['what']}, blank ? '' : describe(line.marks)),
      h(
        'span',
        {className: ['text'], dir: 'auto'},
        line.segments.map((segment) => segmentContent(segment, line.marks))
      ),
      messages.length > 0
        ? h(
            'ul',
            {className: ['messages', 'at-line']},
            messages.map((message) =>
              messageItem(message, {fix, withFix: false})
            )
          )
        : undefined
    ]
  )
}

/** A part of a line: plain when it is what the line is, else marked apart. */
function segmentContent(
  segment: LineSegment,
  lineMarks: readonly RoleMark[]
): ElementContent {
  const shown = visibleText(segment.text)
  const dropped = segment.marks.some((mark) => mark.role === 'dropped')
  const content = dropped ? [h('del', shown)] : shown
  if (segment.marks === lineMarks || segment.text.trim() === '') {
    return h('span', content)
  }
  const role = segment.marks[0]?.role
  return h(
    'span',
    {className: ['segment', role ? `role-${role}` : 'role-none']},
    [
      h(
        'span',
        {className: ['segment-label']},
        segment.marks.length > 0 ? describe(segment.marks) : 'not used'
      ),
      ' ',
      ...(Array.isArray(content) ? content : [content])
    ]
  )
}

const kindNames: Readonly<Record<string, string>> = {
  'end-note': 'end note',
  'editor-note': 'editor’s note',
  timestamp: 'date line',
  envelope: 'wire keyword line',
  status: 'wire status line',
  leftover: 'page leftover'
}

/** What a line became, in words: `dateline · body ¶1`, `dropped: signature`. */
function describe(marks: readonly RoleMark[]): string {
  if (marks.length === 0) return 'not used'
  return marks
    .map((mark) => {
      const more = mark.continued ? ' (cont.)' : ''
      switch (mark.role) {
        case 'body':
          return `body ¶${(mark.index ?? 0) + 1}${more}`
        case 'byline':
          return mark.title ? 'byline title' : `byline${more}`
        case 'dropped':
          return `dropped${mark.kind ? `: ${kindNames[mark.kind] ?? mark.kind}` : ''}${more}`
        case 'note':
        case 'summary':
        case 'caption':
        case 'credit':
          return `${mark.role}, moved out${more}`
        default:
          return `${mark.role}${more}`
      }
    })
    .join(' · ')
}

// C0 and C1 controls (but tab), which a browser would not show.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controlCharacter = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g

/** Text with its control characters shown as symbols (`␇`, `U+0085`). */
function visibleText(text: string): ElementContent[] {
  const nodes: ElementContent[] = []
  let last = 0
  for (const match of text.matchAll(controlCharacter)) {
    const index = match.index ?? 0
    if (index > last) nodes.push({type: 'text', value: text.slice(last, index)})
    const code = match[0].charCodeAt(0)
    const symbol =
      code < 0x20
        ? String.fromCharCode(0x2400 + code)
        : code === 0x7f
          ? '␡'
          : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    nodes.push(
      h(
        'span',
        {
          className: ['control'],
          title: `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`
        },
        symbol
      )
    )
    last = index + match[0].length
  }
  if (last < text.length) nodes.push({type: 'text', value: text.slice(last)})
  return nodes
}
