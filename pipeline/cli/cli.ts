// The command line: `copydesk build [paths or globs...] --output <dir>`.
// Thin, as remark-cli is: parse the arguments once, build every file, print
// one vfile-reporter report on stderr, return the exit code (0 built, 1 a
// file had a fatal error, or a warning with `--frail`, 2 usage error).
// Streams and cwd are injected so tests can assert exact output.
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import type {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import type {Statistics} from 'vfile-statistics'
import packageJson from '../../package.json' with {type: 'json'}
import {type ArticleReport, build} from '../build/build.js'
import {
  addCounts,
  type MessageCounts,
  toStatistics
} from '../build/message-counts.js'
import {validateConfigSchema} from '../json-schemas.js'
import {watchBuilds} from './watch.js'

/** Where the CLI reads and writes. */
export interface CliEnvironment {
  cwd: string
  stdout: {write(chunk: string): unknown}
  stderr: {write(chunk: string): unknown}
  /** Color the report (a TTY); off by default. */
  color?: boolean
  /** Draw a progress bar on stderr (a TTY); off by default. */
  progress?: boolean
  /**
   * Stops `--watch`; a function is called only when watching (the CLI
   * binary installs its Ctrl-C handler then, and only then).
   */
  signal?: AbortSignal | (() => AbortSignal)
}

export const usage = `Usage: copydesk build [paths or globs...] [options]

Turn raw article text into schema.org NewsArticle JSON-LD, IPTC NITF 3.6
and ninjs 2.2, with feeds and a Google News sitemap over the whole build.
With no paths, builds every *.txt under input/ into output/.
An input input/a/b.txt writes <output>/a/b.jsonld, <output>/a/b.nitf.xml,
<output>/a/b.ninjs.json and <output>/a/b.head.html; articles with a date
and a URL also go into <output>/feed.atom, feed.rss, feed.json and
news-sitemap.xml.

Options:
  -o, --output <dir>  output folder (default: output)
  -j, --jobs <n>      worker threads (default: one per core)
      --force         rebuild every article, ignoring the build cache
      --cache-dir <dir>
                      build cache folder (default: node_modules/.cache/copydesk)
      --now <time>    reference time of the news sitemap's two-day window,
                      ISO 8601 with an offset (default: the newest article)
      --frail         exit 1 on warnings too
  -q, --quiet         no progress bar
  -w, --watch         rebuild what changed whenever an input, sidecar or
                      the config changes, until stopped
      --verbose       also report info messages (why each line was moved
                      or dropped) and internal error details
  -h, --help          show this help
  -v, --version       show the version
`

/** Run the CLI with `argv` (without `node` and the script); resolves to the exit code. */
export async function runCli(
  argv: readonly string[],
  environment: CliEnvironment
): Promise<number> {
  const command = readCommand(argv)
  if ('usageError' in command) {
    environment.stderr.write(`copydesk: ${command.usageError}\n\n${usage}`)
    return 2
  }
  if ('print' in command) {
    environment.stdout.write(command.print)
    return 0
  }
  const {values, paths, jobs} = command
  const once = (force: boolean) =>
    buildOnce(environment, {...values, force}, paths, jobs)
  if (!values.watch) return once(values.force)
  return watchAndBuild(environment, command, once)
}

/** A `copydesk build` to run, as the arguments ask. */
interface BuildCommand {
  values: ReturnType<typeof parse>['values']
  paths: string[]
  jobs: number
}

/**
 * Read the arguments: a build to run, text to print (`--help`,
 * `--version`), or why they are a usage error.
 */
function readCommand(
  argv: readonly string[]
): BuildCommand | {print: string} | {usageError: string} {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    return {
      usageError: error instanceof Error ? error.message : String(error)
    }
  }
  const {values, positionals} = parsed
  if (values.help) return {print: usage}
  if (values.version) return {print: `${packageJson.version}\n`}
  const [command, ...paths] = positionals
  if (command !== 'build') {
    return {
      usageError: `${command === undefined ? 'missing command' : `unknown command \`${command}\``}, expected \`build\``
    }
  }
  const jobs =
    values.jobs === undefined ? availableParallelism() : Number(values.jobs)
  if (!Number.isSafeInteger(jobs) || jobs < 1) {
    return {
      usageError: `unexpected \`--jobs ${values.jobs}\`, expected a whole number of 1 or more`
    }
  }
  if (values.now !== undefined && !isDateTime(values.now)) {
    return {
      usageError: `unexpected \`--now ${values.now}\`, expected an ISO 8601 date-time with an offset (2026-11-28T09:00:00+09:00)`
    }
  }
  return {values, paths, jobs}
}

/**
 * Build, then again whenever an input changes, until stopped; resolves to
 * the exit code of the last build.
 */
async function watchAndBuild(
  environment: CliEnvironment,
  command: BuildCommand,
  once: (force: boolean) => Promise<number>
): Promise<number> {
  let code = 0
  let first = true
  await watchBuilds({
    cwd: environment.cwd,
    inputs: command.paths,
    outputRoot: path.resolve(environment.cwd, command.values.output),
    signal:
      typeof environment.signal === 'function'
        ? environment.signal()
        : (environment.signal ?? new AbortController().signal),
    async rebuild() {
      code = await once(first && command.values.force)
      first = false
      environment.stderr.write(
        'copydesk: watching for changes (Ctrl-C to stop)\n'
      )
    }
  })
  return code
}

/** Build once and print the report; resolves to the exit code. */
async function buildOnce(
  environment: CliEnvironment,
  values: BuildCommand['values'],
  paths: readonly string[],
  jobs: number
): Promise<number> {
  const {stderr} = environment
  const bar =
    environment.progress && !values.quiet ? progressBar(stderr) : undefined
  const report = streamReport(
    stderr,
    {color: environment.color ?? false, verbose: values.verbose},
    bar
  )
  let result: Awaited<ReturnType<typeof build>>
  try {
    result = await build({
      cwd: environment.cwd,
      inputs: [...paths],
      output: values.output,
      jobs,
      force: values.force,
      cacheDir: values['cache-dir'],
      now: values.now,
      onProgress: bar?.update,
      onArticle: report.add
    })
    bar?.clear()
  } catch (error) {
    bar?.clear()
    // Not bad input (that is reported per file) but the build itself, such
    // as an output folder that cannot be listed: one line, the stack on ask.
    const detail =
      values.verbose && error instanceof Error && error.stack
        ? error.stack
        : String(error)
    stderr.write(`copydesk: Unexpected build failure: ${detail}\n`)
    return 1
  }
  report.end()
  const {errors, warnings} = result.counts
  return errors > 0 || (values.frail && warnings > 0) ? 1 : 0
}

/**
 * The report as it streams: each input's block as soon as it is built, in
 * input order, then one summary line, as vfile-reporter prints them.
 * Articles served from the cache had their messages printed when they were
 * built: by default they are counted, not printed again.
 */
function streamReport(
  stderr: CliEnvironment['stderr'],
  options: {color: boolean; verbose: boolean},
  bar: {clear(): void} | undefined
): {add(report: ArticleReport): void; end(): void} {
  const shown: MessageCounts = {errors: 0, warnings: 0, infos: 0}
  const quiet = {articles: 0, warnings: 0}
  let blocks = 0
  return {
    add(report) {
      if (report.unchanged && !options.verbose) {
        quiet.articles++
        quiet.warnings += report.counts.warnings
        return
      }
      const block = formatBlock(report.files, options)
      if (!block) return
      // Info messages are printed, and so counted, with `--verbose` only.
      addCounts(shown, {
        ...report.counts,
        infos: options.verbose ? report.counts.infos : 0
      })
      bar?.clear()
      stderr.write(`${blocks > 0 ? '\n' : ''}${block}\n`)
      blocks++
    },
    end() {
      const summary = formatSummary(toStatistics(shown), options.color)
      if (summary) stderr.write(`\n${summary}\n`)
      if (quiet.articles > 0) {
        stderr.write(
          `copydesk: ${quiet.articles} article${quiet.articles === 1 ? '' : 's'} unchanged since the last build${quiet.warnings > 0 ? `, with ${quiet.warnings} warning${quiet.warnings === 1 ? '' : 's'} (shown with --verbose or --force)` : ''}\n`
        )
      }
    }
  }
}

/** One input's block of the report, without vfile-reporter's summary. */
function formatBlock(
  files: readonly VFile[],
  options: {verbose: boolean; color: boolean}
): string {
  const report = formatReport(files, options)
  // vfile-reporter ends with a blank line and its summary line.
  const end = report.lastIndexOf('\n\n')
  return end === -1 ? report : report.slice(0, end)
}

/**
 * The summary line of `stats` (from vfile-statistics), worded as
 * vfile-reporter words its own; empty without an error or a warning.
 */
export function formatSummary(stats: Statistics, color = false): string {
  if (stats.fatal === 0 && stats.warn === 0) return ''
  const red = color ? '\u001B[31m' : ''
  const yellow = color ? '\u001B[33m' : ''
  const reset = color ? '\u001B[39m' : ''
  const parts: string[] = []
  if (stats.fatal > 0) {
    parts.push(
      `${red}✖${reset} ${stats.fatal} error${stats.fatal === 1 ? '' : 's'}`
    )
  }
  if (stats.warn > 0) {
    parts.push(
      `${yellow}⚠${reset} ${stats.warn} warning${stats.warn === 1 ? '' : 's'}`
    )
  }
  const line = parts.join(', ')
  return stats.total !== stats.fatal && stats.total !== stats.warn
    ? `${stats.total} messages (${line})`
    : line
}

/**
 * The report on `files` as the CLI prints it: warnings and errors; with
 * `verbose`, also info messages and the stack of an internal error.
 */
export function formatReport(
  files: readonly VFile[],
  options: {verbose: boolean; color?: boolean}
): string {
  return reporter(options.verbose ? [...files] : files.map(withoutDetails), {
    color: options.color ?? false,
    verbose: options.verbose,
    quiet: true
  })
}

/** ISO 8601 with an offset, checked as the config's `newsSitemap.now` is. */
function isDateTime(value: string): boolean {
  return validateConfigSchema({newsSitemap: {now: value}})
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      output: {type: 'string', short: 'o', default: 'output'},
      jobs: {type: 'string', short: 'j'},
      force: {type: 'boolean', default: false},
      'cache-dir': {type: 'string'},
      now: {type: 'string'},
      quiet: {type: 'boolean', short: 'q', default: false},
      watch: {type: 'boolean', short: 'w', default: false},
      frail: {type: 'boolean', default: false},
      verbose: {type: 'boolean', default: false},
      help: {type: 'boolean', short: 'h', default: false},
      version: {type: 'boolean', short: 'v', default: false}
    }
  })
}

/**
 * A copy of `file` for the default report: no info messages, and no causes
 * (the stack of an internal error), which `--verbose` shows.
 */
function withoutDetails(file: VFile): VFile {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(file)), file)
  copy.messages = file.messages
    .filter((message) => message.fatal !== undefined)
    .map((message) =>
      message.cause === undefined
        ? message
        : Object.assign(
            Object.create(Object.getPrototypeOf(message)),
            message,
            {cause: undefined}
          )
    )
  return copy
}

/**
 * A one-line progress bar for a terminal, redrawn at most ten times a
 * second and only for builds long enough to need one.
 */
function progressBar(stream: {write(chunk: string): unknown}) {
  const started = Date.now()
  let drawn = 0
  let shown = false
  return {
    update(done: number, total: number) {
      const now = Date.now()
      if (done < total && (now - drawn < 100 || now - started < 500)) return
      drawn = now
      const width = 30
      const filled = Math.round((done / total) * width)
      stream.write(
        `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} articles`
      )
      shown = true
    },
    clear() {
      if (shown) stream.write('\r\u001b[2K')
      shown = false
    }
  }
}
