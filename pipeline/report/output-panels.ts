// The outputs of an article side by side on its report page, each as it
// was written (decoded from its encoding, already indented by its
// emitter), with what was checked of it: ninjs against IPTC's schema of
// its version (when it was rendered: an invalid one is a fatal error and
// is never written, so it is not parsed and checked again here); the
// JSON-LD's `NewsArticle` against what
// Google's article results want; the head tags for the search result and
// the card; NITF for what its profile made of it (its XSD is checked by
// copydesk's tests, not in a build). Pure.
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import {defaultProfileName, nitfProfiles} from '../emit/nitf-profile.js'
import {ninjsProfiles} from '../emit/to-ninjs-profiles.js'
import type {Config, Outputs} from '../types.js'
import {grouped, withCode} from './page-parts.js'
import type {HeadValues} from './previews.js'
import {newsArticleOf} from './previews.js'
import {relativeHref} from './report-names.js'

/** One check of an output: passed or not, said in a line. */
interface Check {
  ok: boolean
  text: string
  /** The rule that reports the failure, if one does. */
  ruleId?: string | undefined
}

/** What was checked of one output, and how. */
interface Validation {
  /** One line: `Valid against IPTC ninjs 2.2` */
  summary: string
  /** `valid`, `invalid`, or `unchecked` when nothing could be checked here. */
  status: 'valid' | 'invalid' | 'partial' | 'unchecked'
  checks: Check[]
}

/** An output file as the page shows it. */
interface Panel {
  /** Its path in the output folder. */
  name: string
  suffix: string
  title: string
  text: string
  bytes: number
  validation: Validation
}

/**
 * The outputs of the article, one panel each, in the order they are
 * written: the JSON-LD, the NITF profiles, the head tags, the ninjs
 * profiles.
 */
export function outputPanels(options: {
  /** The page they are shown on, relative to the output folder. */
  page: string
  stem: string
  outputs: Outputs
  config: Config
  head: HeadValues
}): Element {
  const {outputs, config, stem, head} = options
  const nitf = new Map(
    nitfProfiles(config).map((profile) => [profile.suffix, profile])
  )
  const ninjs = new Map(
    ninjsProfiles(config).map((profile) => [profile.suffix, profile])
  )
  const panels: Panel[] = []
  for (const [suffix, value] of Object.entries(outputs)) {
    const nitfProfile = nitf.get(suffix)
    const ninjsProfile = ninjs.get(suffix)
    const text =
      typeof value === 'string' ? value : Buffer.from(value).toString('latin1')
    const bytes =
      typeof value === 'string' ? Buffer.byteLength(value) : value.length
    let title: string
    let validation: Validation
    if (suffix === '.jsonld') {
      title = 'JSON-LD (schema.org)'
      validation = checkJsonLd(text)
    } else if (suffix === '.head.html') {
      title = 'Head tags'
      validation = checkHead(head)
    } else if (nitfProfile) {
      title =
        nitfProfile.name === defaultProfileName
          ? 'NITF 3.6'
          : `NITF 3.6, profile ${nitfProfile.name}`
      validation = {
        status: 'unchecked',
        summary: `${nitfProfile.encoding.toUpperCase()}, ${nitfProfile.namespace === 'bare' ? 'bare root' : 'IPTC namespace'}, ${nitfProfile.byline === 'plain' ? 'plain byline' : 'byline markup'}: not checked in a build (copydesk’s tests check every profile form against IPTC’s NITF 3.6 XSD)`,
        checks: []
      }
    } else if (ninjsProfile) {
      title =
        ninjsProfile.name === 'default'
          ? `ninjs ${ninjsProfile.version}`
          : `ninjs ${ninjsProfile.version}, profile ${ninjsProfile.name}`
      validation = {
        status: 'valid',
        summary: `against IPTC’s ninjs ${ninjsProfile.version} JSON Schema, checked in this build`,
        checks: []
      }
    } else {
      title = suffix
      validation = {status: 'unchecked', summary: 'Not checked', checks: []}
    }
    panels.push({
      name: `${stem}${suffix}`,
      suffix,
      title,
      text,
      bytes,
      validation
    })
  }
  return h(
    'div',
    {className: ['outputs']},
    panels.map((panel, index) => renderPanel(panel, index, options.page))
  )
}

function renderPanel(panel: Panel, index: number, page: string): Element {
  const id = `output-${index + 1}`
  const {validation} = panel
  return h('section', {className: ['output'], ariaLabelledby: id}, [
    h('h3', {id}, [
      panel.title,
      ' ',
      h(
        'a',
        {href: relativeHref(page, panel.name)},
        h('code', basename(panel.name))
      )
    ]),
    h('p', {className: ['validation', validation.status]}, [
      h('span', {className: ['status']}, statusWords[validation.status]),
      ' ',
      ...withCode(validation.summary),
      ` · ${grouped(panel.bytes)} bytes`
    ]),
    validation.checks.length > 0
      ? h(
          'ul',
          {className: ['checks']},
          validation.checks.map((check) =>
            h('li', {className: [check.ok ? 'ok' : 'not-ok']}, [
              h('span', {className: ['mark']}, check.ok ? 'yes' : 'no'),
              ' ',
              ...withCode(check.text),
              check.ruleId && !check.ok
                ? [' (', h('code', check.ruleId), ')']
                : []
            ] as ElementContent[])
          )
        )
      : undefined,
    h(
      'pre',
      {tabIndex: 0, ariaLabel: `${panel.title} as written`},
      h('code', panel.text)
    )
  ])
}

const statusWords: Record<Validation['status'], string> = {
  valid: 'Valid',
  invalid: 'Invalid',
  partial: 'Incomplete',
  unchecked: 'Written'
}

function basename(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1)
}

/**
 * The JSON-LD's `NewsArticle` for Google's article results: what they
 * require and recommend. The schema.org terms themselves are checked by
 * copydesk's tests.
 */
function checkJsonLd(text: string): Validation {
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    return {
      status: 'invalid',
      summary: `Not JSON: ${String(error)}`,
      checks: []
    }
  }
  const node = newsArticleOf(document)
  const headline = typeof node.headline === 'string' ? node.headline : ''
  const authors = Array.isArray(node.author)
    ? node.author
    : node.author
      ? [node.author]
      : []
  const checks: Check[] = [
    {ok: '@type' in node, text: 'a `NewsArticle` in the `@graph`'},
    {
      ok: headline !== '' && headline.length <= 110,
      text: `\`headline\` of at most 110 characters (${headline.length})`,
      ruleId: 'long-headline'
    },
    {ok: 'image' in node, text: '`image`', ruleId: 'missing-image'},
    {
      ok: 'datePublished' in node,
      text: '`datePublished`',
      ruleId: 'missing-date'
    },
    {ok: authors.length > 0, text: '`author`'},
    {ok: 'publisher' in node, text: '`publisher`'},
    {ok: 'url' in node, text: '`url` (and the page it is the main entity of)'}
  ]
  const failed = checks.filter((check) => !check.ok).length
  return {
    status: failed === 0 ? 'valid' : 'partial',
    summary:
      failed === 0
        ? 'JSON; Google’s article result has every property it asks for'
        : `JSON; Google’s article result lacks ${failed} of the ${checks.length} properties it asks for`,
    checks
  }
}

/** The head tags, for the search result and the social card. */
function checkHead(head: HeadValues): Validation {
  const has = (key: string) => (head.get(key)?.length ?? 0) > 0
  const checks: Check[] = [
    {ok: has('canonical'), text: 'canonical link'},
    {ok: has('description'), text: 'meta description'},
    {ok: has('og:title'), text: '`og:title`'},
    {ok: has('og:url'), text: '`og:url`'},
    {ok: has('og:image'), text: '`og:image`', ruleId: 'missing-image'},
    {
      ok: has('article:published_time'),
      text: '`article:published_time`',
      ruleId: 'missing-date'
    }
  ]
  const failed = checks.filter((check) => !check.ok).length
  return {
    status: failed === 0 ? 'valid' : 'partial',
    summary:
      failed === 0
        ? 'every tag search engines and social cards read'
        : `${failed} of the ${checks.length} tags search engines and social cards read are missing`,
    checks
  }
}
