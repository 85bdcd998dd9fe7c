// The whole-build channels through the real build: `feed.atom`, `feed.rss`,
// `feed.json`, `news-sitemap.xml` and each article's ninjs, written by
// `build()` and the CLI in temporary projects, then read back and checked
// against their schemas and rules (`checkOutputFile`). Covers the order
// across UTC offsets, the articles left out, `feeds.length`, the news
// sitemap's window and `--now`, turning channels off, determinism, the build
// cache and worker threads, hostile text, and output names that collide with
// a channel's file.
import {execFileSync} from 'node:child_process'
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  utimes,
  writeFile
} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import type {Element as HastElement} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {visit} from 'unist-util-visit'
import {afterAll, describe, expect, it, vi} from 'vitest'
import type {Element, Root} from 'xast'
import {fromXml} from 'xast-util-from-xml'
import {type BuildOptions, build} from '../pipeline/build/build.js'
import {createPool} from '../pipeline/build/pool.js'
import {xmlIllegalCodePoints} from '../pipeline/emit/xml-characters.js'
import {checkOutputFile} from './helpers/channel-checks.js'
import {runCliIn} from './helpers/run-cli.js'
import {treeText as textOf} from './helpers/tree-text.js'

// The real pool, watched: the worker-thread test shows it was used.
vi.mock('../pipeline/build/pool.js', async (importOriginal) => {
  const actual =
    await importOriginal<typeof import('../pipeline/build/pool.js')>()
  return {...actual, createPool: vi.fn(actual.createPool)}
})

const channelNames = [
  'feed.atom',
  'feed.rss',
  'feed.json',
  'news-sitemap.xml'
] as const

const site = 'https://news.example/'
const publisher = {name: 'The Harbour Ledger', url: site}
const urlOf = (stem: string) => `${site}2026/11/${stem}`

/** One article of a test project. */
interface Story {
  /** Path below `input/` without `.txt`. */
  stem: string
  headline: string
  /** Dateline place, in capitals. */
  place: string
  /** `datePublished`; none when absent. */
  date?: string
  /** Without a `url` when `false`. */
  url?: false
  language?: string
}

// Seven dated articles with URLs, in several offsets, listed in path order.
// `lisbon` and `paris` are the same instant: the path breaks the tie.
// `archive` is more than three days older than the newest (`harbour`).
const dated: Story[] = [
  {
    stem: 'archive',
    place: 'OSLO',
    headline: 'Ferry timetable changes for the winter',
    date: '2026-11-24T10:00:00-08:00',
    language: 'en'
  },
  {
    stem: 'berlin',
    place: 'BERLIN',
    headline: 'Berlin opens its new tram depot',
    date: '2026-11-27T12:00:00+01:00',
    language: 'de'
  },
  {
    stem: 'delhi',
    place: 'NEW DELHI',
    headline: 'Metro extension wins final approval',
    date: '2026-11-28T03:00:00+05:30',
    language: 'en-IN'
  },
  {
    stem: 'harbour',
    place: 'BOSTON',
    headline: 'Harbour pilots end their strike',
    date: '2026-11-27T23:00:00-05:00',
    language: 'en-US'
  },
  {
    stem: 'lisbon',
    place: 'LISBON',
    headline: 'Lisbon tunnel reopens to traffic',
    date: '2026-11-27T18:00:00Z',
    language: 'pt'
  },
  {
    stem: 'paris',
    place: 'PARIS',
    headline: 'Paris bridge repairs finish early',
    date: '2026-11-27T19:00:00+01:00',
    language: 'fr'
  },
  {
    stem: 'tokyo',
    place: 'TOKYO',
    headline: 'Rail line to reopen after the typhoon',
    date: '2026-11-28T09:00:00+09:00',
    language: 'ja'
  }
]

/** `dated` newest first, as every channel orders it. */
const newestFirst = [
  'harbour', // 2026-11-28T04:00Z
  'tokyo', // 2026-11-28T00:00Z
  'delhi', // 2026-11-27T21:30Z
  'lisbon', // 2026-11-27T18:00Z
  'paris', // 2026-11-27T18:00Z, after `lisbon` by path
  'berlin', // 2026-11-27T11:00Z
  'archive' // 2026-11-24T18:00Z
]

// One article without a URL and one without a date: in no channel.
const undated: Story[] = [
  {
    stem: 'nodate',
    place: 'ROME',
    headline: 'Rome museum extends its opening hours',
    language: 'it'
  },
  {
    stem: 'nourl',
    place: 'MADRID',
    headline: 'Madrid airport adds a night shuttle',
    date: '2026-11-28T08:00:00+01:00',
    url: false,
    language: 'es'
  }
]

/** A wire story: headline, byline, dateline paragraph, three more. */
function articleText(story: Story): string {
  const topic = story.place.toLowerCase()
  return `${[
    story.headline,
    'By Mina Kowalczyk',
    `${story.place}, Nov. 27 (Reuters) - Officials in ${topic} confirmed the plan on Friday after a long debate.`,
    `The decision in ${topic} follows months of talks with residents and unions.`,
    `Work in ${topic} is due to start early next year, the officials said.`,
    `Critics in ${topic} said the cost was too high and the timetable too short.`
  ].join('\n\n')}\n`
}

function sidecarText(story: Story): string {
  const meta: Record<string, unknown> = {}
  if (story.date !== undefined) meta.datePublished = story.date
  if (story.url !== false) meta.url = urlOf(story.stem)
  meta.language = story.language ?? 'en'
  meta.keywords = [story.place.toLowerCase(), 'transport']
  meta.publisher = publisher
  return `${JSON.stringify(meta, null, 2)}\n`
}

/** The files of `stories` under `input/`, by path, and the config. */
function storyFiles(stories: readonly Story[]): Record<string, string> {
  const files: Record<string, string> = {...config({})}
  for (const story of stories) {
    files[`input/${story.stem}.txt`] = articleText(story)
    files[`input/${story.stem}.meta.json`] = sidecarText(story)
  }
  return files
}

const folders: string[] = []

afterAll(async () => {
  await Promise.all(
    folders.map((folder) => rm(folder, {recursive: true, force: true}))
  )
})

/** A new project folder holding `files` (paths relative to it). */
async function makeProject(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'copydesk-channels-'))
  folders.push(folder)
  await putFiles(folder, files)
  return folder
}

async function putFiles(folder: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, name)), {recursive: true})
    await writeFile(path.join(folder, name), text)
  }
}

/**
 * A config naming the publisher (the feeds' title and author, the news
 * sitemap's `news:name` come from the config only), with `value` over it.
 */
function config(value: Record<string, unknown>) {
  return {
    'copydesk.config.json': `${JSON.stringify({publisher, ...value}, null, 2)}\n`
  }
}

/** `build()` as the CLI calls it, on one thread, the cache in the project. */
function buildIn(cwd: string, options: Partial<BuildOptions> = {}) {
  return build({
    cwd,
    inputs: [],
    output: 'output',
    jobs: 1,
    cacheDir: 'cache',
    ...options
  })
}

/** `copydesk build -j 1 --cache-dir cache <argv>` in `cwd`. */
function cliIn(cwd: string, argv: readonly string[]) {
  return runCliIn(cwd, ['build', '-j', '1', '--cache-dir', 'cache', ...argv])
}

/** Every file of an output folder, by `/`-separated path, sorted. */
async function outputFiles(
  cwd: string,
  folder = 'output'
): Promise<Map<string, string>> {
  const root = path.join(cwd, folder)
  const names = (await readdir(root, {recursive: true}).catch(() => []))
    .map(String)
    .sort()
  const files = new Map<string, string>()
  for (const name of names) {
    const text = await readFile(path.join(root, name), 'utf8').catch(
      () => undefined
    )
    if (text !== undefined) files.set(name.split(path.sep).join('/'), text)
  }
  return files
}

/** The channel files of an output folder (`undefined` when not written). */
async function readChannels(cwd: string, folder = 'output') {
  const channels: Record<string, string | undefined> = {}
  for (const name of channelNames) {
    channels[name] = await readFile(path.join(cwd, folder, name), 'utf8').catch(
      () => undefined
    )
  }
  return channels
}

/** Read a channel that must exist. */
async function channel(cwd: string, name: string, folder = 'output') {
  return readFile(path.join(cwd, folder, name), 'utf8')
}

/** Every channel file and every ninjs file of `folder`, checked: `[]` each. */
async function expectValidOutputs(cwd: string, folder = 'output') {
  const files = await outputFiles(cwd, folder)
  const checked: Record<string, string[]> = {}
  const expected: Record<string, string[]> = {}
  for (const [name, text] of files) {
    if (
      !(channelNames as readonly string[]).includes(name) &&
      !name.endsWith('.ninjs.json')
    ) {
      continue
    }
    checked[name] = await checkOutputFile(name, text)
    expected[name] = []
  }
  expect(checked).toEqual(expected)
  return Object.keys(checked)
}

// Reading the documents back.

function elements(parent: Root | Element | undefined, name: string) {
  return (parent?.children ?? []).filter(
    (node): node is Element => node.type === 'element' && node.name === name
  )
}

function first(parent: Root | Element | undefined, name: string) {
  return elements(parent, name)[0]
}

const atomEntries = (xml: string) =>
  elements(first(fromXml(xml), 'feed'), 'entry')
const rssItems = (xml: string) =>
  elements(first(first(fromXml(xml), 'rss'), 'channel'), 'item')
const sitemapUrls = (xml: string) =>
  elements(first(fromXml(xml), 'urlset'), 'url')

interface JsonFeedItem {
  id: string
  title?: string
  content_html?: string
  content_text?: string
  date_published?: string
}

const jsonItems = (text: string) =>
  (JSON.parse(text) as {items: JsonFeedItem[]}).items

/** The URLs each channel lists, in its order. */
function listedUrls(channels: Record<string, string | undefined>) {
  return {
    atom: atomEntries(channels['feed.atom'] ?? '').map((entry) =>
      textOf(first(entry, 'id'))
    ),
    rss: rssItems(channels['feed.rss'] ?? '').map((item) =>
      textOf(first(item, 'link'))
    ),
    json: jsonItems(channels['feed.json'] ?? '{"items": []}').map(
      (item) => item.id
    ),
    sitemap: sitemapUrls(channels['news-sitemap.xml'] ?? '').map((url) =>
      textOf(first(url, 'loc'))
    )
  }
}

/** Element names in an HTML fragment, as a browser parses it. */
function htmlTags(html: string): string[] {
  const tags: string[] = []
  visit(fromHtml(html, {fragment: true}), 'element', (node: HastElement) => {
    tags.push(node.tagName)
  })
  return tags
}

const noFeedEntryReason =
  'Unexpected 2 articles without a URL (`url` in the sidecar or `baseUrl` in the config) or `datePublished`: `input/nodate.txt`, `input/nourl.txt`, expected both for the feeds and the news sitemap; left out of them'

describe('a whole build', () => {
  it('writes every channel, valid, newest first across offsets, without the undated or URL-less articles', async () => {
    const project = await makeProject(storyFiles([...dated, ...undated]))
    const result = await buildIn(project)
    expect(result.counts.errors).toBe(0)
    expect(result.written).toEqual(
      expect.arrayContaining(channelNames.map((name) => `output/${name}`))
    )

    const checked = await expectValidOutputs(project)
    expect(checked.sort()).toEqual(
      [
        ...channelNames,
        ...[...dated, ...undated].map((story) => `${story.stem}.ninjs.json`)
      ].sort()
    )

    const channels = await readChannels(project)
    const all = newestFirst.map(urlOf)
    expect(listedUrls(channels)).toEqual({
      atom: all,
      rss: all,
      json: all,
      // `archive` is three days older than the newest article.
      sitemap: all.slice(0, 6)
    })
    // Dates as the sidecars give them, in their own offsets.
    const byStem = new Map(dated.map((story) => [story.stem, story]))
    const dates = newestFirst.map((stem) => byStem.get(stem)?.date)
    const atom = channels['feed.atom'] ?? ''
    expect(
      atomEntries(atom).map((entry) => textOf(first(entry, 'published')))
    ).toEqual(dates)
    expect(textOf(first(first(fromXml(atom), 'feed'), 'updated'))).toBe(
      '2026-11-27T23:00:00-05:00'
    )
    const rssChannel = first(
      first(fromXml(channels['feed.rss'] ?? ''), 'rss'),
      'channel'
    )
    expect(textOf(first(rssChannel, 'pubDate'))).toBe(
      'Fri, 27 Nov 2026 23:00:00 -0500'
    )
    expect(textOf(first(rssChannel, 'title'))).toBe('The Harbour Ledger')
    expect(
      jsonItems(channels['feed.json'] ?? '').map((item) => item.date_published)
    ).toEqual(dates)
    expect(
      sitemapUrls(channels['news-sitemap.xml'] ?? '').map((url) => {
        const news = first(url, 'news:news')
        return [
          textOf(first(first(news, 'news:publication'), 'news:name')),
          textOf(first(first(news, 'news:publication'), 'news:language')),
          textOf(first(news, 'news:publication_date')),
          textOf(first(news, 'news:title'))
        ]
      })
    ).toEqual([
      [
        'The Harbour Ledger',
        'en',
        '2026-11-27T23:00:00-05:00',
        'Harbour pilots end their strike'
      ],
      [
        'The Harbour Ledger',
        'ja',
        '2026-11-28T09:00:00+09:00',
        'Rail line to reopen after the typhoon'
      ],
      [
        'The Harbour Ledger',
        'en',
        '2026-11-28T03:00:00+05:30',
        'Metro extension wins final approval'
      ],
      [
        'The Harbour Ledger',
        'pt',
        '2026-11-27T18:00:00Z',
        'Lisbon tunnel reopens to traffic'
      ],
      [
        'The Harbour Ledger',
        'fr',
        '2026-11-27T19:00:00+01:00',
        'Paris bridge repairs finish early'
      ],
      [
        'The Harbour Ledger',
        'de',
        '2026-11-27T12:00:00+01:00',
        'Berlin opens its new tram depot'
      ]
    ])

    // The two left out are named once, as an info on the output folder.
    const report = result.files.find((file) => file.path === 'output')
    expect(
      report?.messages.map((message) => [
        message.ruleId,
        message.fatal,
        message.reason
      ])
    ).toEqual([['no-feed-entry', undefined, noFeedEntryReason]])
    for (const story of undated) {
      for (const name of channelNames) {
        expect(channels[name]).not.toContain(story.headline)
        expect(channels[name]).not.toContain(story.stem)
      }
    }
  }, 60_000)

  it('names the articles left out of the channels in the --verbose report only', async () => {
    const project = await makeProject(storyFiles([...dated, ...undated]))
    const verbose = await cliIn(project, ['--verbose'])
    expect(verbose.code).toBe(0)
    const lines = verbose.stderr.split('\n')
    const block = lines.indexOf('output')
    expect(block).toBeGreaterThan(-1)
    expect(lines[block + 1]?.trim().replace(/ {2,}/g, ' ')).toBe(
      `info ${noFeedEntryReason} no-feed-entry copydesk`
    )
    const quiet = await cliIn(project, ['-o', 'quiet'])
    expect(quiet.code).toBe(0)
    expect(quiet.stderr).not.toContain('no-feed-entry')
    expect(await readChannels(project, 'quiet')).toEqual(
      await readChannels(project)
    )
  }, 60_000)
})

/** The warnings every test article gets (no image, an author without URL). */
const articleRules = new Set(['missing-image', 'author-without-url'])

const noPublicationNameReason =
  "Unexpected news sitemap without a publication name, expected `newsSitemap.publicationName` or `publisher.name` in `copydesk.config.json` (an article's own publisher is not the publication's name); not written"

describe('publishers of mixed sources', () => {
  // Three stories without a byline: two wires naming their publisher in the
  // sidecar, one of the house's own naming none.
  const sources = [
    {stem: 'wire-a', publisher: 'Reuters', date: '2026-11-28T09:00:00+01:00'},
    {stem: 'wire-b', publisher: 'dpa', date: '2026-11-28T08:00:00+01:00'},
    {stem: 'house', publisher: undefined, date: '2026-11-28T07:00:00+01:00'}
  ]

  function mixedFiles(): Record<string, string> {
    const files: Record<string, string> = {}
    for (const source of sources) {
      files[`input/${source.stem}.txt`] = `${[
        `Harbour ${source.stem} story without a byline`,
        'VALLETTA, Nov. 28 - The harbour board met on Friday to agree the plan.',
        'Members said the work would start in the spring.'
      ].join('\n\n')}\n`
      const meta: Record<string, unknown> = {
        datePublished: source.date,
        url: urlOf(source.stem),
        language: 'en'
      }
      if (source.publisher) meta.publisher = {name: source.publisher}
      files[`input/${source.stem}.meta.json`] = `${JSON.stringify(meta)}\n`
    }
    return files
  }

  /** The own authors of each entry of each feed, in feed order. */
  function ownAuthors(channels: Record<string, string | undefined>) {
    return {
      atom: atomEntries(channels['feed.atom'] ?? '').map((entry) =>
        elements(entry, 'author').map((author) => textOf(first(author, 'name')))
      ),
      rss: rssItems(channels['feed.rss'] ?? '').map((item) =>
        elements(item, 'dc:creator').map(textOf)
      ),
      json: (
        JSON.parse(channels['feed.json'] ?? '{"items": []}') as {
          items: Array<{authors?: Array<{name: string}>}>
        }
      ).items.map((item) => (item.authors ?? []).map((author) => author.name))
    }
  }

  it('takes the feeds’ title and author and `news:name` from the config; each entry names its own author', async () => {
    const project = await makeProject({...mixedFiles(), ...config({})})
    const result = await buildIn(project)
    expect(result.counts.errors).toBe(0)
    await expectValidOutputs(project)
    const channels = await readChannels(project)
    const own = [['Reuters'], ['dpa'], ['The Harbour Ledger']]
    expect(ownAuthors(channels)).toEqual({atom: own, rss: own, json: own})
    const atom = first(fromXml(channels['feed.atom'] ?? ''), 'feed')
    expect(textOf(first(atom, 'title'))).toBe('The Harbour Ledger')
    expect(textOf(first(first(atom, 'author'), 'name'))).toBe(
      'The Harbour Ledger'
    )
    expect(
      sitemapUrls(channels['news-sitemap.xml'] ?? '').map((url) =>
        textOf(
          first(first(first(url, 'news:news'), 'news:publication'), 'news:name')
        )
      )
    ).toEqual([
      'The Harbour Ledger',
      'The Harbour Ledger',
      'The Harbour Ledger'
    ])
  })

  it('without a publisher in the config: the host names the feeds, entries keep their own, no sitemap, said once', async () => {
    const project = await makeProject({
      ...mixedFiles(),
      'copydesk.config.json': '{}\n'
    })
    const result = await buildIn(project)
    expect(result.counts.errors).toBe(0)
    await expectValidOutputs(project)
    const channels = await readChannels(project)
    expect(channels['news-sitemap.xml']).toBeUndefined()
    // The newest article's publisher (Reuters) names nothing of the feed.
    for (const name of ['feed.atom', 'feed.rss', 'feed.json'] as const) {
      expect(channels[name]).toContain('news.example')
    }
    const atom = first(fromXml(channels['feed.atom'] ?? ''), 'feed')
    expect(textOf(first(atom, 'title'))).toBe('news.example')
    expect(textOf(first(first(atom, 'author'), 'name'))).toBe('news.example')
    expect(
      (JSON.parse(channels['feed.json'] ?? '{}') as {authors: unknown}).authors
    ).toEqual([{name: 'news.example'}])
    // The house story names no publisher anywhere: it has no author of its own.
    const own = [['Reuters'], ['dpa'], []]
    expect(ownAuthors(channels)).toEqual({atom: own, rss: own, json: own})

    expect(
      result.files.flatMap((file) =>
        file.messages
          .filter((message) => !articleRules.has(String(message.ruleId)))
          .map((message) => [file.path, message.ruleId])
      )
    ).toEqual([['output/news-sitemap.xml', 'no-publication-name']])
    const run = await cliIn(project, ['--verbose', '-o', 'verbose'])
    expect(run.code).toBe(0)
    expect(run.stderr.split('no-publication-name')).toHaveLength(2)
    expect(run.stderr).toContain(noPublicationNameReason)
  })
})

describe('feed length', () => {
  it('keeps the newest `feeds.length` entries in each feed; the sitemap lists its whole window', async () => {
    const project = await makeProject({
      ...storyFiles(dated),
      ...config({feeds: {length: 3}})
    })
    const result = await buildIn(project)
    expect(result.counts.errors).toBe(0)
    await expectValidOutputs(project)
    const newest = newestFirst.slice(0, 3).map(urlOf)
    expect(listedUrls(await readChannels(project))).toEqual({
      atom: newest,
      rss: newest,
      json: newest,
      sitemap: newestFirst.slice(0, 6).map(urlOf)
    })
  }, 60_000)
})

describe('the news sitemap window', () => {
  const inWindow = (channels: Record<string, string | undefined>) =>
    listedUrls(channels).sitemap

  it('defaults to the two days up to the newest article', async () => {
    const project = await makeProject(storyFiles(dated))
    await buildIn(project)
    const listed = inWindow(await readChannels(project))
    expect(listed).toEqual(newestFirst.slice(0, 6).map(urlOf))
    expect(listed).not.toContain(urlOf('archive'))
  })

  it('moves with --now, even when every article is served from the cache, and the feeds do not', async () => {
    const project = await makeProject(storyFiles(dated))
    expect((await cliIn(project, [])).code).toBe(0)
    const before = await readChannels(project)

    // Two days up to 2026-11-25T12:00Z: only `archive`.
    const moved = await cliIn(project, ['--now', '2026-11-25T12:00:00Z'])
    expect(moved.code).toBe(0)
    expect(moved.stderr).toContain(
      'copydesk: 7 articles unchanged since the last build'
    )
    const after = await readChannels(project)
    expect(inWindow(after)).toEqual([urlOf('archive')])
    expect(
      await checkOutputFile('news-sitemap.xml', after['news-sitemap.xml'] ?? '')
    ).toEqual([])
    for (const name of ['feed.atom', 'feed.rss', 'feed.json']) {
      expect(after[name]).toBe(before[name])
    }

    // In another offset: 2026-11-28T00:00Z, so `harbour` is in the future
    // and `tokyo`, exactly at `now`, is in.
    const offset = await cliIn(project, ['--now', '2026-11-28T09:00:00+09:00'])
    expect(offset.code).toBe(0)
    expect(inWindow(await readChannels(project))).toEqual(
      newestFirst.slice(1, 6).map(urlOf)
    )
  }, 60_000)

  it('moves with `newsSitemap.now` in the config; --now wins over it', async () => {
    const project = await makeProject({
      ...storyFiles(dated),
      ...config({newsSitemap: {now: '2026-11-28T01:00:00+01:00'}})
    })
    expect((await cliIn(project, [])).code).toBe(0)
    expect(inWindow(await readChannels(project))).toEqual(
      newestFirst.slice(1, 6).map(urlOf)
    )
    await expectValidOutputs(project)
    expect((await cliIn(project, ['--now', '2026-11-25T12:00:00Z'])).code).toBe(
      0
    )
    expect(inWindow(await readChannels(project))).toEqual([urlOf('archive')])
  }, 60_000)

  it('keeps an article exactly two days before --now, not one a second older', async () => {
    const project = await makeProject(storyFiles(dated))
    // `berlin` is 2026-11-27T11:00Z; 2026-11-29T11:00Z is 48 hours later.
    expect(
      (await cliIn(project, ['--now', '2026-11-29T12:00:00+01:00'])).code
    ).toBe(0)
    expect(inWindow(await readChannels(project))).toEqual(
      newestFirst.slice(0, 6).map(urlOf)
    )
    expect(
      (await cliIn(project, ['--now', '2026-11-29T12:00:01+01:00'])).code
    ).toBe(0)
    expect(inWindow(await readChannels(project))).toEqual(
      newestFirst.slice(0, 5).map(urlOf)
    )
  })

  it('never fails the build on a --now the sitemap cannot use: refused up front or honoured', async () => {
    // The CLI and the config schema take offsets up to 23:59; the sitemap
    // (xsd:dateTime) only up to 14:00.
    const project = await makeProject(storyFiles(dated))
    const now = '2026-11-28T23:00:00+15:00'
    const run = await cliIn(project, ['--now', now])
    expect(run.stderr).not.toContain('Unexpected build failure')
    expect([0, 2]).toContain(run.code)
    if (run.code === 2) {
      expect(run.stderr.split('\n')[0]).toContain(`\`--now ${now}\``)
      expect([...(await outputFiles(project)).keys()]).toEqual([])
    }
  })

  it('never fails the build on a `newsSitemap.now` the sitemap cannot use', async () => {
    const project = await makeProject({
      ...storyFiles(dated),
      ...config({newsSitemap: {now: '2026-11-28T23:00:00+15:00'}})
    })
    // Refused as a config error, or honoured: not thrown.
    await expect(buildIn(project)).resolves.toBeDefined()
  })

  it('refuses an invalid --now as a usage error, writing nothing', async () => {
    const project = await makeProject(storyFiles(dated))
    for (const value of [
      '2026-11-28',
      '2026-11-28T09:00:00',
      'yesterday',
      '2026-13-01T09:00:00Z',
      '2026-02-30T09:00:00Z',
      '2026-11-28T25:00:00Z'
    ]) {
      const run = await cliIn(project, ['--now', value])
      expect({value, code: run.code}).toEqual({value, code: 2})
      expect(run.stderr.split('\n')[0]).toBe(
        `copydesk: unexpected \`--now ${value}\`, expected an ISO 8601 date-time with an offset (2026-11-28T09:00:00+09:00)`
      )
    }
    expect([...(await outputFiles(project)).keys()]).toEqual([])
  })
})

describe('what the news sitemap leaves out', () => {
  it('warns of an article without a language or at a URL listed twice; the feeds list each URL once', async () => {
    const harbour = dated.find((story) => story.stem === 'harbour') as Story
    const tokyo = dated.find((story) => story.stem === 'tokyo') as Story
    const project = await makeProject({
      ...storyFiles([harbour, tokyo]),
      'input/nolang.txt': articleText({...tokyo, headline: 'No language'}),
      'input/nolang.meta.json': `${JSON.stringify({
        datePublished: '2026-11-27T22:00:00Z',
        url: urlOf('nolang'),
        publisher
      })}\n`,
      'input/twice.txt': articleText({...tokyo, headline: 'Same address'}),
      'input/twice.meta.json': `${JSON.stringify({
        datePublished: '2026-11-27T21:00:00Z',
        url: urlOf('tokyo'),
        language: 'en',
        publisher
      })}\n`
    })
    const result = await buildIn(project)
    expect(result.counts.errors).toBe(0)
    await expectValidOutputs(project)
    const channels = await readChannels(project)
    const listed = listedUrls(channels)
    expect(listed.atom).toEqual([
      urlOf('harbour'),
      urlOf('tokyo'),
      urlOf('nolang')
    ])
    expect(listed.sitemap).toEqual([urlOf('harbour'), urlOf('tokyo')])
    const report = result.files.find(
      (file) => file.path === 'output/news-sitemap.xml'
    )
    const messages = (report?.messages ?? []).map((message) => [
      message.ruleId,
      message.fatal,
      message.reason
    ])
    expect(messages).toHaveLength(2)
    expect(messages[0]).toEqual([
      'news-sitemap-left-out',
      false,
      expect.stringMatching(
        /^`(?:input\/)?nolang\.txt`: Unexpected missing language, expected a BCP 47 tag$/
      )
    ])
    expect(messages[1]).toEqual([
      'news-sitemap-left-out',
      false,
      expect.stringMatching(
        /^`(?:input\/)?twice\.txt`: Unexpected second article at `https:\/\/news\.example\/2026\/11\/tokyo`, expected one per URL \(`(?:input\/)?tokyo\.txt` is listed\)$/
      )
    ])
  })

  it('is not written without a publication name; the feeds take the host as title', async () => {
    const project = await makeProject({
      'input/bare.txt': articleText(dated[0] as Story),
      'input/bare.meta.json': `${JSON.stringify({
        datePublished: '2026-11-27T22:00:00Z',
        url: urlOf('bare'),
        language: 'en'
      })}\n`
    })
    const result = await buildIn(project)
    const channels = await readChannels(project)
    expect(channels['news-sitemap.xml']).toBeUndefined()
    expect(
      result.files
        .find((file) => file.path === 'output/news-sitemap.xml')
        ?.messages.map((message) => [message.ruleId, message.fatal])
    ).toEqual([['no-publication-name', undefined]])
    const atom = first(fromXml(channels['feed.atom'] ?? ''), 'feed')
    expect(textOf(first(atom, 'title'))).toBe('news.example')
    expect(await expectValidOutputs(project)).toEqual([
      'bare.ninjs.json',
      'feed.atom',
      'feed.json',
      'feed.rss'
    ])
  })
})

describe('dates in the feeds', () => {
  it('refuses sidecar dates without seconds, with a leap second or an offset over 14 hours, at the value', async () => {
    // ninjs, xsd:dateTime and RFC 3339 all want seconds: the sidecar schema
    // asks for them rather than copydesk adding them.
    for (const datePublished of [
      '2026-11-27T15:30+02:00',
      '2026-11-27T15:30:00+15:00',
      // A leap second: `Date.parse` cannot read it, so no order would hold.
      '2016-12-31T23:59:60Z'
    ]) {
      const project = await makeProject({
        'input/early.txt': articleText(dated[0] as Story),
        'input/early.meta.json': `${JSON.stringify({
          datePublished,
          url: urlOf('early'),
          language: 'en',
          publisher
        })}\n`
      })
      const result = await buildIn(project)
      expect(
        result.files.flatMap((file) =>
          file.messages
            .filter((message) => message.fatal)
            .map((message) => `${file.path}: ${message.reason}`)
        )
      ).toEqual([
        'input/early.meta.json: Unexpected value at `/datePublished`, expected an ISO 8601 date-time with seconds and an offset of at most 14 hours (`2026-11-28T09:00:00+09:00`)',
        'input/early.txt: Unexpected invalid sidecar `early.meta.json`, expected metadata valid against `schemas/meta.schema.json`; nothing written for this article'
      ])
      expect([...(await outputFiles(project)).keys()]).toEqual([])
    }
  })

  it('makes the feed updated the newest modification, in its own offset', async () => {
    const project = await makeProject({
      'input/early.txt': articleText(dated[0] as Story),
      'input/early.meta.json': `${JSON.stringify({
        datePublished: '2026-11-27T15:30:00+02:00',
        dateModified: '2026-11-29T08:05:00+01:00',
        url: urlOf('early'),
        language: 'en',
        publisher
      })}\n`,
      'input/late.txt': articleText(dated[1] as Story),
      'input/late.meta.json': `${JSON.stringify({
        datePublished: '2026-11-28T10:00:00-03:00',
        url: urlOf('late'),
        language: 'en',
        publisher
      })}\n`
    })
    await buildIn(project)
    await expectValidOutputs(project)
    const channels = await readChannels(project)
    const feed = first(fromXml(channels['feed.atom'] ?? ''), 'feed')
    expect(textOf(first(feed, 'updated'))).toBe('2026-11-29T08:05:00+01:00')
    expect(
      elements(feed, 'entry').map((entry) => textOf(first(entry, 'id')))
    ).toEqual([urlOf('late'), urlOf('early')])
    const rss = first(
      first(fromXml(channels['feed.rss'] ?? ''), 'rss'),
      'channel'
    )
    expect(textOf(first(rss, 'pubDate'))).toBe(
      'Sat, 28 Nov 2026 10:00:00 -0300'
    )
    expect(textOf(first(rss, 'lastBuildDate'))).toBe(
      'Sun, 29 Nov 2026 08:05:00 +0100'
    )
  })
})

describe('channels turned off', () => {
  it('writes none of the channel files nor ninjs, and reports no missing entry', async () => {
    const project = await makeProject({
      ...storyFiles([...dated, ...undated]),
      ...config({
        feeds: {atom: false, rss: false, json: false},
        newsSitemap: {enabled: false},
        ninjs: false
      })
    })
    const result = await buildIn(project)
    expect(result.counts.errors).toBe(0)
    const names = [...(await outputFiles(project)).keys()]
    for (const name of channelNames) expect(names).not.toContain(name)
    expect(names.filter((name) => name.endsWith('.ninjs.json'))).toEqual([])
    // The articles themselves are still written.
    expect(names).toEqual(
      [...dated, ...undated]
        .flatMap((story) =>
          ['.head.html', '.jsonld', '.nitf.xml'].map(
            (suffix) => `${story.stem}${suffix}`
          )
        )
        .sort()
    )
    expect(
      result.files.flatMap((file) =>
        file.messages.filter((message) => message.ruleId === 'no-feed-entry')
      )
    ).toEqual([])
  })

  it('turns each channel off on its own', async () => {
    const project = await makeProject({
      ...storyFiles(dated),
      ...config({feeds: {rss: false}})
    })
    await buildIn(project)
    const channels = await readChannels(project)
    expect(
      Object.entries(channels).map(([name, text]) => [name, text !== undefined])
    ).toEqual([
      ['feed.atom', true],
      ['feed.rss', false],
      ['feed.json', true],
      ['news-sitemap.xml', true]
    ])
  })
})

describe('determinism and the build cache', () => {
  it('writes byte-identical outputs in two fresh projects', async () => {
    const files = storyFiles([...dated, ...undated])
    const one = await makeProject(files)
    const two = await makeProject(files)
    await buildIn(one)
    await buildIn(two)
    const first = await outputFiles(one)
    expect([...first.keys()]).toEqual(expect.arrayContaining([...channelNames]))
    expect(await outputFiles(two)).toEqual(first)
  })

  it('neither changes nor rewrites the channels when nothing changed', async () => {
    const project = await makeProject(storyFiles([...dated, ...undated]))
    await buildIn(project)
    const before = await readChannels(project)
    // An old modification time: a rewrite would give the file a new one.
    const past = new Date('2020-01-02T03:04:05Z')
    for (const name of channelNames) {
      await utimes(path.join(project, 'output', name), past, past)
    }
    const again = await buildIn(project)
    expect(again.written).toEqual([])
    expect(await readChannels(project)).toEqual(before)
    // Served from the cache, the articles left out are still named.
    expect(
      again.files
        .find((file) => file.path === 'output')
        ?.messages.map((message) => [message.ruleId, message.reason])
    ).toEqual([['no-feed-entry', noFeedEntryReason]])
    for (const name of channelNames) {
      const {mtimeMs} = await stat(path.join(project, 'output', name))
      expect({name, mtimeMs}).toEqual({name, mtimeMs: past.getTime()})
    }
  })

  it('restores a channel file deleted or edited by hand, the articles unchanged', async () => {
    const project = await makeProject(storyFiles(dated))
    await buildIn(project)
    const before = await readChannels(project)
    await rm(path.join(project, 'output', 'feed.atom'))
    await writeFile(path.join(project, 'output', 'feed.rss'), 'edited')
    const again = await buildIn(project)
    expect(again.written).toEqual(['output/feed.atom', 'output/feed.rss'])
    expect(await readChannels(project)).toEqual(before)
    // And a third build has nothing to do.
    expect((await buildIn(project)).written).toEqual([])
  })

  it('changes the channels when one headline changes, as a fresh build would', async () => {
    const project = await makeProject(storyFiles(dated))
    await buildIn(project)
    const before = await readChannels(project)
    const harbour = dated.find((story) => story.stem === 'harbour') as Story
    const renamed = {...harbour, headline: 'Harbour pilots return to work'}
    await putFiles(project, storyFiles([renamed]))

    const again = await buildIn(project)
    expect(again.written).toEqual(
      [
        ...channelNames.map((name) => `output/${name}`),
        'output/harbour.head.html',
        'output/harbour.jsonld',
        'output/harbour.ninjs.json',
        'output/harbour.nitf.xml'
      ].sort()
    )
    const after = await readChannels(project)
    for (const name of channelNames) {
      expect(after[name]).not.toBe(before[name])
      expect(after[name]).toContain('Harbour pilots return to work')
      expect(after[name]).not.toContain('Harbour pilots end their strike')
    }
    expect(
      textOf(first(atomEntries(after['feed.atom'] ?? '')[0], 'title'))
    ).toBe('Harbour pilots return to work')
    // Six entries from the cache and one rebuilt give what a fresh build gives.
    const fresh = await makeProject(
      storyFiles(dated.map((story) => (story === harbour ? renamed : story)))
    )
    await buildIn(fresh)
    expect(await readChannels(fresh)).toEqual(after)
  })

  it('drops a deleted article from every channel on the next build', async () => {
    const project = await makeProject(storyFiles(dated))
    await buildIn(project)
    await rm(path.join(project, 'input/tokyo.txt'))
    await rm(path.join(project, 'input/tokyo.meta.json'))
    await buildIn(project)
    const rest = newestFirst.filter((stem) => stem !== 'tokyo').map(urlOf)
    expect(listedUrls(await readChannels(project))).toEqual({
      atom: rest,
      rss: rest,
      json: rest,
      sitemap: rest.slice(0, 5)
    })
  })

  it('writes the same channels on two worker threads as on one', async () => {
    const offsets = ['+09:00', '-05:00', 'Z', '+05:30', '+01:00', '-08:00']
    const many: Story[] = []
    for (let index = 0; index < 45; index++) {
      const day = String(20 + (index % 9))
      const hour = String((index * 7) % 24).padStart(2, '0')
      many.push({
        stem: `wire-${String(index).padStart(2, '0')}`,
        place: 'VALLETTA',
        headline: `Council vote number ${index} on the harbour bridge`,
        date: `2026-11-${day}T${hour}:00:00${offsets[index % offsets.length]}`,
        language: 'en'
      })
    }
    const project = await makeProject(storyFiles(many))
    const calls = vi.mocked(createPool).mock.calls.length
    const one = await buildIn(project, {output: 'one', jobs: 1})
    expect(vi.mocked(createPool).mock.calls.length).toBe(calls)
    const two = await buildIn(project, {output: 'two', jobs: 2})
    // At least 16 articles per worker to build: the pool was used.
    expect(vi.mocked(createPool).mock.calls.slice(calls)).toEqual([
      [2, expect.anything()]
    ])
    expect(one.counts).toEqual(two.counts)
    const channelsOne = await readChannels(project, 'one')
    expect(await readChannels(project, 'two')).toEqual(channelsOne)
    for (const name of channelNames) {
      expect(channelsOne[name]).toBeDefined()
    }
    // The default length, 20.
    const listed = listedUrls(channelsOne)
    expect(listed.atom).toHaveLength(20)
    expect(listed.json).toEqual(listed.atom)
    expect(await expectValidOutputs(project, 'two')).toHaveLength(4 + 45)
  }, 120_000)
})

describe('hostile text', () => {
  const markup = '<b>bold</b> & <script>alert(1)</script>'
  const headline = `${markup} ]]> bell\u0007 한국어 뉴스 العربية 🎉👩‍💻 harbour`
  const plainHeadline = `${markup} ]]> bell 한국어 뉴스 العربية 🎉👩‍💻 harbour`
  const paragraphs = [
    `${markup} and ]]> in the body, bell rang.`,
    '한국어 기사 본문입니다. النص العربي هنا. Emoji 🎉👩‍💻 stay whole.',
    'A third paragraph closes the story.'
  ]
  const text = `${[
    headline,
    'By Mina Kowalczyk',
    `SEOUL, Nov. 28 (Reuters) - ${markup} and ]]> in the body, bell\u0007 rang.`,
    ...paragraphs.slice(1)
  ].join('\n\n')}\n`

  it('stays plain text in every format, and every file stays valid', async () => {
    const hostile: Story = {
      stem: 'hostile',
      place: 'SEOUL',
      headline,
      date: '2026-11-28T12:00:00+09:00',
      language: 'ko'
    }
    const project = await makeProject({
      ...storyFiles(dated),
      'input/hostile.txt': text,
      'input/hostile.meta.json': sidecarText(hostile)
    })
    const result = await buildIn(project)
    expect(result.counts.errors).toBe(0)
    // The control character is removed, with a warning at its place.
    const article = result.files.find(
      (file) => file.path === 'input/hostile.txt'
    )
    expect(
      article?.messages
        .filter((message) => message.ruleId === 'illegal-character')
        .map((message) => message.line)
    ).toEqual([1, 5])

    await expectValidOutputs(project)
    const files = await outputFiles(project)
    for (const [name, content] of files) {
      expect({name, illegal: xmlIllegalCodePoints(content)}).toEqual({
        name,
        illegal: []
      })
      expect(content).not.toContain('\u0007')
      // JSON could hide it as an escape.
      expect(content).not.toMatch(/\\u0007/i)
    }
    const url = urlOf('hostile')

    // Atom: the title is the text; the HTML, unescaped once, is escaped text.
    const atomEntry = atomEntries(files.get('feed.atom') ?? '').find(
      (entry) => textOf(first(entry, 'id')) === url
    )
    expect(textOf(first(atomEntry, 'title'))).toBe(plainHeadline)
    const atomHtml = textOf(first(atomEntry, 'content'))
    expect(atomHtml).toMatch(/&lt;b(?:>|&gt;)bold&lt;\/b(?:>|&gt;)/)
    expect(atomHtml).not.toContain('<b>')
    expect(htmlTags(atomHtml)).toEqual(['p', 'p', 'p'])

    // RSS: the same.
    const rssItem = rssItems(files.get('feed.rss') ?? '').find(
      (item) => textOf(first(item, 'link')) === url
    )
    expect(textOf(first(rssItem, 'title'))).toBe(plainHeadline)
    const rssHtml = textOf(first(rssItem, 'description'))
    expect(rssHtml).toMatch(/&lt;b(?:>|&gt;)bold&lt;\/b(?:>|&gt;)/)
    expect(rssHtml).not.toContain('<b>')
    expect(htmlTags(rssHtml)).toEqual(['p', 'p', 'p'])

    // JSON Feed: plain text as written, HTML that parses to paragraphs only.
    const jsonItem = jsonItems(files.get('feed.json') ?? '').find(
      (item) => item.id === url
    )
    expect(jsonItem?.title).toBe(plainHeadline)
    expect(jsonItem?.content_text).toBe(paragraphs.join('\n\n'))
    expect(jsonItem?.content_text).toContain('<b>bold</b>')
    expect(htmlTags(jsonItem?.content_html ?? '')).toEqual(['p', 'p', 'p'])

    // The news sitemap: the headline as text.
    const listed = sitemapUrls(files.get('news-sitemap.xml') ?? '').find(
      (entry) => textOf(first(entry, 'loc')) === url
    )
    expect(textOf(first(first(listed, 'news:news'), 'news:title'))).toBe(
      plainHeadline
    )
    expect(
      textOf(
        first(
          first(first(listed, 'news:news'), 'news:publication'),
          'news:language'
        )
      )
    ).toBe('ko')

    // ninjs: the same headline and body text.
    const ninjs = JSON.parse(files.get('hostile.ninjs.json') ?? '{}') as {
      headlines?: Array<{value: string}>
      bodies?: Array<{contenttype: string; value: string}>
    }
    expect(ninjs.headlines?.[0]?.value).toBe(plainHeadline)
    const bodies = ninjs.bodies ?? []
    expect(
      bodies.find((body) => body.contenttype === 'text/plain')?.value
    ).toBe(paragraphs.join('\n\n'))
    expect(
      htmlTags(
        bodies.find((body) => body.contenttype === 'text/html')?.value ?? ''
      )
    ).toEqual(['p', 'p', 'p'])
  }, 60_000)
})

describe('output names that a channel takes', () => {
  // A profile suffix must end in `.xml` (config schema), so only the news
  // sitemap's names can be taken: `news-sitemap.txt` would write
  // `news-sitemap.xml`, `news-sitemap-2.txt` a sitemap part's name.
  const profile = {nitf: {profiles: {x: {suffix: '.xml'}}}}
  const story = (stem: string, date: string): Story => ({
    stem,
    place: 'VALLETTA',
    headline: `Council approves the ${stem.replace(/\W/g, ' ')} plan`,
    date,
    language: 'en'
  })
  const collisionReason = (stem: string) =>
    `Unexpected input whose output \`${stem}.xml\` is a file the feeds or the news sitemap write, expected another name; rename the article or turn that channel off in \`copydesk.config.json\``

  it('refuses them with `output-collision` before writing anything for them', async () => {
    const project = await makeProject({
      ...storyFiles([
        story('harbour', '2026-11-27T23:00:00-05:00'),
        story('news-sitemap', '2026-11-28T09:00:00+09:00'),
        story('news-sitemap-2', '2026-11-27T10:00:00Z'),
        // Not at the top of the output folder, or not a channel's name.
        story('sub/news-sitemap', '2026-11-27T11:00:00Z'),
        story('feed', '2026-11-27T12:00:00Z')
      ]),
      ...config(profile)
    })
    const run = await cliIn(project, [])
    expect(run.code).toBe(1)
    const result = await buildIn(project, {output: 'again'})
    const refused = result.files
      .filter((file) =>
        file.messages.some((message) => message.ruleId === 'output-collision')
      )
      .map((file) => [
        file.path,
        file.messages.map((message) => [
          message.ruleId,
          message.fatal,
          message.reason
        ])
      ])
    expect(refused).toEqual([
      [
        'input/news-sitemap-2.txt',
        [['output-collision', true, collisionReason('news-sitemap-2')]]
      ],
      [
        'input/news-sitemap.txt',
        [['output-collision', true, collisionReason('news-sitemap')]]
      ]
    ])

    for (const folder of ['output', 'again']) {
      const names = [...(await outputFiles(project, folder)).keys()]
      expect(names.filter((name) => name.startsWith('news-sitemap'))).toEqual([
        'news-sitemap.xml'
      ])
      expect(names).toEqual(
        expect.arrayContaining([
          'feed.jsonld',
          'feed.nitf.xml',
          'feed.xml',
          'harbour.xml',
          'sub/news-sitemap.jsonld',
          'sub/news-sitemap.xml'
        ])
      )
      await expectValidOutputs(project, folder)
      const channels = await readChannels(project, folder)
      // The sitemap is the sitemap, and the refused articles are in no channel.
      expect(channels['news-sitemap.xml']).toContain('<urlset')
      const built = [urlOf('harbour'), urlOf('feed'), urlOf('sub/news-sitemap')]
      expect(listedUrls(channels)).toEqual({
        atom: built,
        rss: built,
        json: built,
        sitemap: built
      })
    }
    // The article named `feed` writes `feed.jsonld` and the like; `feed.atom`
    // is still the feed.
    expect(await channel(project, 'feed.atom')).toContain('<feed')
  }, 60_000)

  it('folds case, as macOS and Windows do', async () => {
    const project = await makeProject({
      ...storyFiles([story('News-Sitemap', '2026-11-28T09:00:00+09:00')]),
      ...config(profile)
    })
    const result = await buildIn(project)
    expect(
      result.files.flatMap((file) =>
        file.messages.map((message) => [file.path, message.ruleId])
      )
    ).toContainEqual(['input/News-Sitemap.txt', 'output-collision'])
    expect([...(await outputFiles(project)).keys()]).toEqual([])
  })

  it('lets an article take the name when the news sitemap is off', async () => {
    const project = await makeProject({
      ...storyFiles([story('news-sitemap', '2026-11-28T09:00:00+09:00')]),
      ...config({...profile, newsSitemap: {enabled: false}})
    })
    const result = await buildIn(project)
    expect(result.counts.errors).toBe(0)
    // The profile's NITF, not a sitemap.
    expect(await channel(project, 'news-sitemap.xml')).toContain('<nitf')
    expect(await channel(project, 'feed.atom')).toContain(urlOf('news-sitemap'))
  })
})

describe('channel files that cannot be written, and stale ones', () => {
  it('refuses an article whose outputs would go in a folder named as a channel file', async () => {
    const project = await makeProject({
      ...storyFiles(dated),
      'input/feed.atom/x.txt': articleText(dated[0] as Story)
    })
    const result = await buildIn(project)
    const refused = result.files.find(
      (file) => file.path === 'input/feed.atom/x.txt'
    )
    expect(refused?.messages.map((message) => message.reason)).toEqual([
      'Unexpected input whose output `feed.atom/` is a file the feeds or the news sitemap write, expected another name; rename the article or turn that channel off in `copydesk.config.json`'
    ])
    await expectValidOutputs(project)
    expect((await stat(path.join(project, 'output/feed.atom'))).isFile()).toBe(
      true
    )
  })

  it('never writes through a link, and one channel that fails leaves the others written', async () => {
    const project = await makeProject(storyFiles(dated))
    await mkdir(path.join(project, 'output'), {recursive: true})
    await writeFile(path.join(project, 'outside.txt'), 'mine')
    await symlink('../outside.txt', path.join(project, 'output/feed.json'))
    await mkdir(path.join(project, 'output/feed.rss'))
    const result = await buildIn(project)
    expect(await readFile(path.join(project, 'outside.txt'), 'utf8')).toBe(
      'mine'
    )
    const failures = result.files.flatMap((file) =>
      file.messages
        .filter((message) => message.fatal)
        .map((message) => `${file.path}: ${message.ruleId} ${message.reason}`)
    )
    expect(failures.sort()).toEqual([
      'output/feed.json: write-error Unexpected write failure (EEXIST), expected `feed.json` to be a file copydesk can write in the output folder',
      'output/feed.rss: write-error Unexpected write failure (EISDIR), expected `feed.rss` to be a file copydesk can write in the output folder'
    ])
    const channels = await readChannels(project)
    expect(
      await checkOutputFile('feed.atom', channels['feed.atom'] ?? '')
    ).toEqual([])
    expect(
      await checkOutputFile(
        'news-sitemap.xml',
        channels['news-sitemap.xml'] ?? ''
      )
    ).toEqual([])
  })

  it('does not hang on a FIFO where a channel file goes', async () => {
    const project = await makeProject(storyFiles(dated))
    await mkdir(path.join(project, 'output'), {recursive: true})
    execFileSync('mkfifo', [path.join(project, 'output/feed.atom')])
    const result = await buildIn(project)
    expect(
      result.files
        .find((file) => file.path === 'output/feed.atom')
        ?.messages.map((message) => message.ruleId)
    ).toEqual(['write-error'])
  })

  it('removes a news sitemap an earlier build wrote when no article has an entry now', async () => {
    const project = await makeProject(storyFiles(dated))
    await buildIn(project)
    expect((await readChannels(project))['news-sitemap.xml']).toBeDefined()
    for (const story of dated) {
      await writeFile(
        path.join(project, `input/${story.stem}.meta.json`),
        '{}\n'
      )
    }
    await buildIn(project)
    expect((await readChannels(project))['news-sitemap.xml']).toBeUndefined()
  })

  it('without a publication name in the config: one info, no sitemap, and an old one removed', async () => {
    const project = await makeProject(storyFiles(dated))
    await buildIn(project)
    expect((await readChannels(project))['news-sitemap.xml']).toBeDefined()
    // The sidecars still name a publisher: an article's is not the publication's.
    await writeFile(path.join(project, 'copydesk.config.json'), '{}\n')
    const result = await buildIn(project)
    // Said once for the build; the articles' own reports say nothing of it.
    expect(
      result.files.flatMap((file) =>
        file.messages
          .filter((message) => !articleRules.has(String(message.ruleId)))
          .map((message) => [
            file.path,
            message.ruleId,
            message.fatal,
            message.reason
          ])
      )
    ).toEqual([
      [
        'output/news-sitemap.xml',
        'no-publication-name',
        undefined,
        noPublicationNameReason
      ]
    ])
    expect((await readChannels(project))['news-sitemap.xml']).toBeUndefined()
  })

  it('lists a URL once in the feeds, the newest article under it', async () => {
    const [first, second] = dated.slice(-2) as [Story, Story]
    const project = await makeProject({
      ...storyFiles(dated),
      [`input/${second.stem}.meta.json`]: sidecarText(second).replace(
        urlOf(second.stem),
        urlOf(first.stem)
      )
    })
    await buildIn(project)
    const json = JSON.parse(
      (await readChannels(project))['feed.json'] ?? '{}'
    ) as {items: Array<{id: string}>}
    const ids = json.items.map((item) => item.id)
    expect(ids).toEqual([...new Set(ids)])
    expect(ids).toHaveLength(dated.length - 1)
  })
})
