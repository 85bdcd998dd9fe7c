// The index page of a build's report: its totals, the messages on the
// config, the channels and the output folder, and every article of the
// build in one table (headline, authors, date, word count, messages by
// level and rule, whether it went into each feed and the news sitemap,
// links to its page and its outputs), which a small inline script, allowed
// by its hash and nothing else, sorts and filters by level, rule and
// folder. Same input, same bytes, but for one element: `#run` says how
// long this run took and what it built, which no two runs share. Pure.
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {ArticleSummary} from './article-page.js'
import {countsLine} from './article-page.js'
import {
  countLevels,
  grouped,
  type Level,
  type LevelCounts,
  levelOf,
  messageItem,
  plural,
  type ReportMessage,
  renderDocument
} from './page-parts.js'
import {shortDate} from './previews.js'
import {relativeHref, reportIndexName} from './report-names.js'
import {indexScript} from './report-style.js'

/** One article of the build, as the index lists it. */
export interface IndexRow {
  /** The input's path as reports give it. */
  path: string
  /** Its outputs' path without suffix, relative to the output folder. */
  stem: string
  /** Failed: nothing was written for it, and it has no page. */
  failed: boolean
  /** What its page says of it; none when it failed. */
  summary?: ArticleSummary | undefined
  /** Its messages and its sidecar's. */
  messages: readonly ReportMessage[]
  /** Its report page, relative to the output folder, when it has one. */
  page?: string | undefined
  /** Its other outputs, relative to the output folder. */
  outputs: readonly string[]
  /** Whether it is in the feeds and the news sitemap (when they are on). */
  inFeeds: boolean
  inNewsSitemap: boolean
}

/** A file of the build that is not an article: the config, a channel. */
export interface BuildFileReport {
  path: string
  messages: readonly ReportMessage[]
}

/** What one run of the build did, which the next run will not repeat. */
export interface RunFacts {
  built: number
  unchanged: number
  failed: number
  /** Files written by this run, the index and stylesheet not counted. */
  written: number
  removed: number
  milliseconds: number
}

export interface IndexInput {
  rows: readonly IndexRow[]
  /** Which channels the config turns on. */
  channels: {atom: boolean; rss: boolean; json: boolean; newsSitemap: boolean}
  files: readonly BuildFileReport[]
  /** The config's publisher name, for the title. */
  publisher?: string | undefined
  run: RunFacts
}

/** The index page of the build. */
export function renderIndexPage(input: IndexInput): string {
  const {rows, channels} = input
  const articleCounts = countLevels(rows.flatMap((row) => row.messages))
  const fileCounts = countLevels(input.files.flatMap((file) => file.messages))
  const counts: LevelCounts = {
    errors: articleCounts.errors + fileCounts.errors,
    warnings: articleCounts.warnings + fileCounts.warnings,
    infos: articleCounts.infos + fileCounts.infos
  }
  const failed = rows.filter((row) => row.failed).length
  const words = rows.reduce(
    (sum, row) => sum + (row.summary?.wordCount ?? 0),
    0
  )
  const feedsOn = channels.atom || channels.rss || channels.json
  const title = `copydesk report${input.publisher ? `: ${input.publisher}` : ''}`
  const body: ElementContent[] = [
    h('header', {className: ['page-header']}, [
      h('h1', title),
      h('dl', {className: ['facts', 'totals']}, [
        h('dt', 'Articles'),
        h(
          'dd',
          `${grouped(rows.length)}${failed > 0 ? `, ${grouped(failed)} failed` : ''}`
        ),
        h('dt', 'Words'),
        h('dd', grouped(words)),
        feedsOn
          ? [
              h('dt', 'In the feeds'),
              h('dd', grouped(rows.filter((row) => row.inFeeds).length))
            ]
          : [],
        channels.newsSitemap
          ? [
              h('dt', 'In the news sitemap'),
              h('dd', grouped(rows.filter((row) => row.inNewsSitemap).length))
            ]
          : [],
        h('dt', 'Outputs'),
        h('dd', grouped(rows.reduce((sum, row) => sum + row.outputs.length, 0)))
      ]),
      countsLine(counts),
      runLine(input.run)
    ]),
    h('main', {id: 'main'}, [
      input.files.length > 0 ? buildFilesSection(input.files) : undefined,
      articlesSection(input)
    ])
  ]
  return renderDocument({
    name: reportIndexName,
    title,
    body,
    scripts: [indexScript],
    kind: 'index-page'
  })
}

/**
 * What this run did and how long it took: the one part of the index that
 * differs between two runs on the same input.
 */
function runLine(run: RunFacts): Element {
  const seconds = (run.milliseconds / 1000).toFixed(1)
  return h('p', {id: 'run', className: ['run']}, [
    `This run: ${grouped(run.built)} built, ${grouped(run.unchanged)} unchanged, ${grouped(run.failed)} failed; ${plural(run.written, 'file')} written${run.removed > 0 ? `, ${grouped(run.removed)} removed` : ''} in `,
    h('time', {dateTime: `PT${seconds}S`}, `${seconds} s`),
    '.'
  ])
}

/** Messages on the config, the inputs, the channels and the output folder. */
function buildFilesSection(files: readonly BuildFileReport[]): Element {
  return h(
    'section',
    {id: 'build-messages', ariaLabelledby: 'build-messages-title'},
    [
      h('h2', {id: 'build-messages-title'}, 'The build'),
      ...files.map((file) =>
        h('div', {className: ['build-file']}, [
          h('h3', h('code', file.path)),
          h(
            'ul',
            {className: ['messages']},
            file.messages.map((message) =>
              messageItem(message, {fix: {sidecar: '<stem>.meta.json'}})
            )
          )
        ])
      )
    ]
  )
}

const levelOrder: readonly Level[] = ['error', 'warning', 'info']

/** The table of articles, with the filters the script brings to life. */
function articlesSection(input: IndexInput): Element {
  const {rows, channels} = input
  const rules = new Map<string, number>()
  const folders = new Map<string, number>()
  for (const row of rows) {
    for (const ruleId of new Set(
      row.messages.map((message) => message.ruleId ?? '')
    )) {
      if (ruleId) rules.set(ruleId, (rules.get(ruleId) ?? 0) + 1)
    }
    const folder = folderOf(row.stem)
    folders.set(folder, (folders.get(folder) ?? 0) + 1)
  }
  const columns: Array<{
    label: string
    type: 'text' | 'number'
    className?: string
  }> = [
    {label: 'Article', type: 'text'},
    {label: 'Authors', type: 'text'},
    {label: 'Date', type: 'number'},
    {label: 'Words', type: 'number', className: 'num'},
    {label: 'Errors', type: 'number', className: 'num'},
    {label: 'Warnings', type: 'number', className: 'num'},
    {label: 'Infos', type: 'number', className: 'num'},
    {label: 'Rules', type: 'text'},
    ...(channels.atom ? [{label: 'Atom', type: 'text' as const}] : []),
    ...(channels.rss ? [{label: 'RSS', type: 'text' as const}] : []),
    ...(channels.json ? [{label: 'JSON Feed', type: 'text' as const}] : []),
    ...(channels.newsSitemap
      ? [{label: 'News sitemap', type: 'text' as const}]
      : []),
    {label: 'Outputs', type: 'text'}
  ]
  return h('section', {id: 'articles', ariaLabelledby: 'articles-title'}, [
    h('h2', {id: 'articles-title'}, 'Articles'),
    h(
      'form',
      {
        id: 'filters',
        className: ['filters'],
        hidden: true,
        ariaLabel: 'Filter the articles'
      },
      [
        select('level', 'Level', [
          ['', 'any'],
          ['error', 'with errors'],
          ['warning', 'with warnings'],
          ['info', 'with infos'],
          ['clean', 'with no error or warning']
        ]),
        select('rule', 'Rule', [
          ['', 'any'],
          ...[...rules]
            .sort(([a], [b]) => compare(a, b))
            .map(([ruleId, count]): [string, string] => [
              ruleId,
              `${ruleId} (${count})`
            ])
        ]),
        select('folder', 'Folder', [
          ['', 'any'],
          ...[...folders]
            .sort(([a], [b]) => compare(a, b))
            .map(([folder, count]): [string, string] => [
              folder,
              `${folder === '.' ? '(top)' : folder} (${count})`
            ])
        ]),
        h('p', {className: ['field']}, [
          h('label', {htmlFor: 'filter-text'}, 'Text'),
          h('input', {
            id: 'filter-text',
            name: 'text',
            type: 'search',
            autoComplete: 'off'
          })
        ]),
        h('p', {id: 'shown', className: ['shown'], role: 'status'}, '')
      ]
    ),
    h(
      'div',
      {
        className: ['table-wrap'],
        role: 'region',
        ariaLabelledby: 'articles-title',
        tabIndex: 0
      },
      [
        h('table', {id: 'articles-table'}, [
          h(
            'caption',
            `${plural(rows.length, 'article')}, in input order; choose a column title to sort.`
          ),
          h(
            'thead',
            h(
              'tr',
              columns.map((column) =>
                h(
                  'th',
                  {
                    scope: 'col',
                    dataType: column.type,
                    className: column.className ? [column.className] : undefined
                  },
                  h('button', {type: 'button'}, column.label)
                )
              )
            )
          ),
          h(
            'tbody',
            rows.map((row) => articleRow(row, channels))
          )
        ])
      ]
    )
  ])
}

function select(
  name: string,
  label: string,
  options: ReadonlyArray<[string, string]>
): Element {
  return h('p', {className: ['field']}, [
    h('label', {htmlFor: `filter-${name}`}, label),
    h(
      'select',
      {id: `filter-${name}`, name},
      options.map(([value, text]) => h('option', {value}, text))
    )
  ])
}

/** One article's row: the data attributes are what the filters read. */
function articleRow(row: IndexRow, channels: IndexInput['channels']): Element {
  const counts = countLevels(row.messages)
  const levels = levelOrder.filter((level) => counts[`${level}s`] > 0)
  const rules = [
    ...new Set(
      row.messages.map((message) => message.ruleId ?? '').filter(Boolean)
    )
  ].sort(compare)
  const {page, outputs: files} = row
  const summary = row.summary
  const yesNo = (on: boolean, value: boolean, label: string): Element[] =>
    on
      ? [cell(label, value ? 'yes' : 'no', {className: [value ? 'yes' : 'no']})]
      : []
  return h(
    'tr',
    {
      dataLevels: levels.join(' '),
      dataRules: rules.join(' '),
      dataFolder: folderOf(row.stem),
      className: row.failed ? ['failed'] : undefined
    },
    [
      h(
        'th',
        {
          scope: 'row',
          dataLabel: 'Article',
          dataSort: summary?.headline ?? row.path
        },
        [
          page
            ? h(
                'a',
                {href: relativeHref(reportIndexName, page), dir: 'auto'},
                summary?.headline ?? row.path
              )
            : h(
                'span',
                {dir: 'auto'},
                row.failed ? 'failed: nothing written' : row.path
              ),
          h('br'),
          h('code', {className: ['path']}, row.path),
          row.failed
            ? h(
                'ul',
                {className: ['messages']},
                row.messages
                  .filter((message) => levelOf(message) === 'error')
                  .map((message) =>
                    messageItem(message, {
                      fix: {
                        sidecar: `${row.stem.slice(row.stem.lastIndexOf('/') + 1)}.meta.json`
                      }
                    })
                  )
              )
            : undefined
        ]
      ),
      cell('Authors', summary?.authors.join(', ') || '—', {dir: 'auto'}),
      dateCell(summary?.datePublished),
      cell('Words', summary ? grouped(summary.wordCount) : '—', {
        className: ['num'],
        dataSort: String(summary?.wordCount ?? -1)
      }),
      cell('Errors', String(counts.errors), {
        className: ['num', counts.errors > 0 ? 'has-error' : 'zero']
      }),
      cell('Warnings', String(counts.warnings), {
        className: ['num', counts.warnings > 0 ? 'has-warning' : 'zero']
      }),
      cell('Infos', String(counts.infos), {className: ['num', 'zero']}),
      h(
        'td',
        {dataLabel: 'Rules', className: ['rules']},
        rules.length > 0
          ? rules.flatMap((ruleId, index) => [
              index > 0 ? ' ' : '',
              h('code', ruleId)
            ])
          : '—'
      ),
      ...yesNo(channels.atom, row.inFeeds, 'Atom'),
      ...yesNo(channels.rss, row.inFeeds, 'RSS'),
      ...yesNo(channels.json, row.inFeeds, 'JSON Feed'),
      ...yesNo(channels.newsSitemap, row.inNewsSitemap, 'News sitemap'),
      h(
        'td',
        {dataLabel: 'Outputs', className: ['files']},
        files.length > 0
          ? files.flatMap((file, index) => [
              index > 0 ? ' ' : '',
              h(
                'a',
                {href: relativeHref(reportIndexName, file)},
                h('code', suffixOf(row.stem, file))
              )
            ])
          : '—'
      )
    ]
  )
}

/** The publication date as written, sorted by its instant. */
function dateCell(value: string | undefined): Element {
  const instant = value === undefined ? Number.NaN : Date.parse(value)
  return h(
    'td',
    {
      dataLabel: 'Date',
      className: ['date'],
      dataSort: String(Number.isNaN(instant) ? -8.64e15 : instant)
    },
    value === undefined
      ? '—'
      : h('time', {dateTime: value}, [
          shortDate(value) ?? value,
          h('br'),
          value.slice(11, 16),
          ' ',
          value.slice(19)
        ])
  )
}

function cell(
  label: string,
  text: string,
  properties: Record<string, unknown> = {}
): Element {
  return h('td', {dataLabel: label, ...properties}, text)
}

/** The folder of an article's outputs, `.` at the top. */
function folderOf(stem: string): string {
  const slash = stem.lastIndexOf('/')
  return slash === -1 ? '.' : stem.slice(0, slash)
}

/** What an output's name adds to the stem (`.nitf.xml`). */
function suffixOf(stem: string, file: string): string {
  return file.startsWith(stem) ? file.slice(stem.length) : file
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
