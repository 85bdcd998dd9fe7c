// What the report's pages share: the document around them (its
// Content-Security-Policy, the stylesheet), messages as the report shows
// them (level, reason with its code, rule id, what to do), and text in
// backticks as code. Everything is a hast tree, serialized by
// hast-util-to-html: article text is only ever a text node, so markup,
// `</script>` or `<!--` in it is escaped, never parsed. Pure.
import {createHash} from 'node:crypto'
import type {Element, ElementContent, Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import type {Point, Position} from 'unist'
import {type FixContext, fixFor} from './fixes.js'
import {relativeHref, reportStylesheetName} from './report-names.js'

/** A message as the report reads it: a VFile's, or one kept as plain data. */
export interface ReportMessage {
  reason: string
  ruleId?: string | null | undefined
  /** `true` error, `false` warning, `null` or `undefined` info. */
  fatal?: boolean | null | undefined
  place?: Point | Position | null | undefined
}

export type Level = 'error' | 'warning' | 'info'

/** Messages by level, as the pages count them. */
export interface LevelCounts {
  errors: number
  warnings: number
  infos: number
}

export function levelOf(message: ReportMessage): Level {
  return message.fatal === true
    ? 'error'
    : message.fatal === false
      ? 'warning'
      : 'info'
}

/** Count `messages` by level. */
export function countLevels(messages: Iterable<ReportMessage>): LevelCounts {
  const counts: LevelCounts = {errors: 0, warnings: 0, infos: 0}
  for (const message of messages) counts[`${levelOf(message)}s`]++
  return counts
}

/** The line a message is placed at, if it is placed. */
export function lineOf(message: ReportMessage): number | undefined {
  const place = message.place
  if (!place) return undefined
  return 'start' in place ? place.start.line : place.line
}

/**
 * `text` with its backtick spans as `<code>`, as messages write code.
 * An odd backtick is kept as text.
 */
export function withCode(text: string): ElementContent[] {
  const parts = text.split('`')
  const nodes: ElementContent[] = []
  parts.forEach((part, index) => {
    if (part === '') return
    const code = index % 2 === 1 && index < parts.length - 1
    nodes.push(
      code
        ? h('code', part)
        : {type: 'text', value: index % 2 === 1 ? `\`${part}` : part}
    )
  })
  return nodes
}

const levelNames: Record<Level, string> = {
  error: 'error',
  warning: 'warning',
  info: 'info'
}

/**
 * One message as a list item: its level, where it is (`line 5`, linked to
 * the line when `lineHref` is given), its reason, its rule id and, for
 * the desk, what to do about it.
 */
export function messageItem(
  message: ReportMessage,
  options: {fix: FixContext; lineHref?: boolean; withFix?: boolean}
): Element {
  const level = levelOf(message)
  const line = lineOf(message)
  const fix =
    options.withFix === false ? undefined : fixFor(message.ruleId, options.fix)
  return h(
    'li',
    {
      className: ['message', level],
      dataRule: message.ruleId ?? undefined,
      dataLevel: level,
      dataLine: line
    },
    [
      h('span', {className: ['level', level]}, levelNames[level]),
      ' ',
      line !== undefined && options.lineHref
        ? h('a', {className: ['at'], href: `#L${line}`}, `line ${line}`)
        : undefined,
      line !== undefined && options.lineHref ? ' ' : undefined,
      h('span', {className: ['reason']}, withCode(message.reason)),
      ' ',
      message.ruleId
        ? h('code', {className: ['rule']}, message.ruleId)
        : undefined,
      fix
        ? h('p', {className: ['fix']}, [
            h('span', {className: ['fix-label']}, 'What to do: '),
            ...withCode(fix)
          ])
        : undefined
    ]
  )
}

/** The Content-Security-Policy of every page: no script but `scripts`. */
function contentSecurityPolicy(scripts: readonly string[]): string {
  const hashes = scripts.map(
    (script) =>
      `'sha256-${createHash('sha256').update(script).digest('base64')}'`
  )
  return [
    "default-src 'none'",
    // `file:` as well as `'self'`: browsers disagree on whether `'self'`
    // covers a stylesheet beside a page opened from disk.
    "style-src 'self' file:",
    `script-src ${hashes.length > 0 ? hashes.join(' ') : "'none'"}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'"
  ].join('; ')
}

/** A whole page, as the bytes to write. */
export function renderDocument(page: {
  /** The page's path in the output folder: the stylesheet is linked from it. */
  name: string
  title: string
  body: ElementContent[]
  /** Inline scripts, allowed by their hash and no other. */
  scripts?: readonly string[]
  /** The page's class, for the stylesheet. */
  kind: string
}): string {
  const scripts = page.scripts ?? []
  const tree: Root = {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: 'en'}, [
        h('head', [
          h('meta', {charSet: 'utf-8'}),
          h('meta', {
            httpEquiv: 'Content-Security-Policy',
            content: contentSecurityPolicy(scripts)
          }),
          h('meta', {
            name: 'viewport',
            content: 'width=device-width, initial-scale=1'
          }),
          h('meta', {name: 'referrer', content: 'no-referrer'}),
          h('title', page.title),
          h('link', {
            rel: 'stylesheet',
            href: relativeHref(page.name, reportStylesheetName)
          })
        ]),
        h('body', {className: [page.kind]}, [
          h('a', {className: ['skip'], href: '#main'}, 'Skip to the content'),
          ...page.body,
          ...scripts.map((script) => h('script', script))
        ])
      ])
    ]
  }
  return `${toHtml(tree)}\n`
}

/** `count noun`, with an `s` when it is not one. */
export function plural(count: number, noun: string): string {
  return `${grouped(count)} ${noun}${count === 1 ? '' : 's'}`
}

/** A whole number with its thousands grouped by commas, whatever the locale. */
export function grouped(count: number): string {
  return String(count).replace(/\B(?=(?:\d{3})+$)/g, ',')
}
