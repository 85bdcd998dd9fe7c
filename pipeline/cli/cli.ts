// The command line: `copydesk build [paths or globs...] --output <dir>`.
// Thin, as remark-cli is: parse the arguments once, build every file, print
// one vfile-reporter report on stderr, return the exit code (0 built, 1 a
// file had a fatal error, or a warning with `--frail`, 2 usage error).
// Streams and cwd are injected so tests can assert exact output.
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {type ParseArgsConfig, parseArgs} from 'node:util'
import type {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {reporterJson} from 'vfile-reporter-json'
import type {Statistics} from 'vfile-statistics'
import packageJson from '../../package.json' with {type: 'json'}
import type {ArticleReport, BuildResult, BuildTally} from '../build/build.js'
import {
  addCounts,
  type MessageCounts,
  toStatistics
} from '../build/message-counts.js'
import {didYouMean} from '../messages.js'
import type {Config} from '../types.js'
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
       copydesk worker --queue <redis-url> [worker options]

Turn raw article text into schema.org NewsArticle JSON-LD, IPTC NITF 3.6
and ninjs 2.2, with feeds and a Google News sitemap over the whole build.
With no paths, builds every *.txt under input/ into output/.
An input input/a/b.txt writes <output>/a/b.jsonld, <output>/a/b.nitf.xml,
<output>/a/b.ninjs.json and <output>/a/b.head.html; articles with a date
and a URL also go into <output>/feed.atom, feed.rss, feed.json and
news-sitemap.xml.

Folders and globs skip node_modules, hidden folders and what
.copydeskignore (gitignore syntax, in the current folder) excludes.

Options:
  -o, --output <dir>  output folder (default: output)
  -c, --config <file> config file (default: the first of copydesk.config.json,
                      .copydeskrc.json or a "copydesk" key in package.json,
                      from the inputs upward)
      --ignore-pattern <pattern>
                      also skip these paths (gitignore syntax; repeatable)
  -j, --jobs <n>      worker threads (default and most: one per core)
      --force         rebuild every article, ignoring the build cache
      --cache-dir <dir>
                      build cache folder (default: node_modules/.cache/copydesk)
      --now <time>    reference time of the news sitemap's two-day window,
                      ISO 8601 with an offset (default: the newest article)
      --frail         exit 1 on warnings too
  -q, --quiet         report the articles with messages, no summary lines
  -s, --silent        report errors only
      --reporter <name>
                      message format: text (default) or json (vfile-reporter-json)
      --no-progress   no progress bar
      --report        also write the build report: report/index.html and a
                      page per article, to open in a browser (default: the
                      config's "report"; --no-report turns it off)
  -w, --watch         rebuild what changed whenever an input, sidecar or
                      the config changes, until stopped
      --queue <url>   build on \`copydesk worker\`s through BullMQ on this
                      Redis (redis://host:port); outputs are written here
      --queue-timeout <seconds>
                      with --queue: fail the articles in flight when no
                      worker finished a job for this long (default 300)
      --queue-batch <n>
                      with --queue: articles per job (default 32)
      --verbose       also report info messages (why each line was moved
                      or dropped) and internal error details
  -h, --help          show this help
  -v, --version       show the version

Worker options (copydesk worker: builds the jobs of distributed builds, and
articles a CMS adds to the copydesk-articles queue, until SIGTERM or Ctrl-C;
see docs/distributed.md):
      --queue <url>   the Redis to take jobs from (required)
      --concurrency <n>
                      jobs built at once per queue (default 1)
      --lock-duration <ms>
                      how long a job stays with a worker that stopped
                      renewing it (default 60000)
  -o, --output <dir>  write article jobs' outputs here (default: none, the
                      outputs are in each job's result)
  -c, --config <file> config of article jobs that carry none
      --verbose       log each article as it starts
`

/** Run the CLI with `argv` (without `node` and the script); resolves to the exit code. */
export async function runCli(
  argv: readonly string[],
  environment: CliEnvironment
): Promise<number> {
  const command = await readCommand(argv)
  if ('usageError' in command) {
    environment.stderr.write(
      `copydesk: ${command.usageError}\nTry \`copydesk --help\` for the options.\n`
    )
    return 2
  }
  if ('notice' in command) {
    environment.stderr.write(`copydesk: ${command.notice}\n`)
  }
  if ('print' in command) {
    environment.stdout.write(command.print)
    return 0
  }
  if ('worker' in command) return runWorker(environment, command.worker)
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
  /** Said once before the build: `--jobs` capped to the cores. */
  notice?: string
}

/**
 * Message formats of `--reporter`, the name vfile gives them (`--report`
 * is the HTML report's).
 */
const reportFormats = ['text', 'json'] as const

/**
 * Read the arguments: a build to run, text to print (`--help`,
 * `--version`), or why they are a usage error.
 */
async function readCommand(
  argv: readonly string[]
): Promise<
  BuildCommand | WorkerCommand | {print: string} | {usageError: string}
> {
  const unknown = unknownOption(argv)
  if (unknown) return {usageError: unknown}
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    return {usageError: describeParseError(error)}
  }
  const {values, positionals} = parsed
  if (values.help) return {print: usage}
  if (values.version) return {print: `${packageJson.version}\n`}
  const [command, ...paths] = positionals
  if (command === 'worker') return readWorkerCommand(argv, values, paths)
  if (command !== 'build') {
    return {
      usageError: `${command === undefined ? 'missing command' : `unknown command \`${command}\``}, expected \`build\` or \`worker\``
    }
  }
  const queueProblem = await checkQueueOptions(values)
  if (queueProblem) return {usageError: queueProblem}
  const workerOption = (['concurrency', 'lock-duration'] as const).find(
    (name) => values[name] !== undefined
  )
  if (workerOption) {
    return {
      usageError: `unexpected \`--${workerOption}\` with \`build\`, expected it with \`worker\``
    }
  }
  const cores = availableParallelism()
  const asked = values.jobs === undefined ? cores : Number(values.jobs)
  if (!/^\d+$/.test(values.jobs ?? '1') || asked < 1) {
    return {
      usageError: `unexpected \`--jobs ${values.jobs}\`, expected a whole number of 1 or more`
    }
  }
  if (!(reportFormats as readonly string[]).includes(values.reporter)) {
    return {
      usageError: `unexpected \`--reporter ${values.reporter}\`, expected ${reportFormats.map((name) => `\`${name}\``).join(' or ')}${didYouMean(values.reporter, reportFormats)}`
    }
  }
  if (values.report && values['no-report']) {
    return {
      usageError:
        'unexpected `--report` with `--no-report`, expected one of them'
    }
  }
  // More threads than cores only add memory: each loads the pipeline.
  const jobs = Math.min(asked, cores)
  const notice =
    asked > cores
      ? `\`--jobs ${asked}\` is more than the ${cores} cores of this machine; building on ${cores}`
      : undefined
  if (values.now !== undefined && !(await isDateTime(values.now))) {
    return {
      usageError: `unexpected \`--now ${values.now}\`, expected an ISO 8601 date-time with an offset (2026-11-28T09:00:00+09:00)`
    }
  }
  return {values, paths, jobs, ...(notice ? {notice} : {})}
}

/** The option names `parse` knows, long form. */
function optionNames(): string[] {
  return Object.keys(options)
}

/**
 * The first `--name` that is no option, as a usage error with the option
 * it is closest to; `undefined` when all are known. Arguments after `--`
 * are paths.
 */
function unknownOption(argv: readonly string[]): string | undefined {
  for (const argument of argv) {
    if (argument === '--') return undefined
    if (!argument.startsWith('--')) continue
    const name = argument.slice(2).split('=')[0] ?? ''
    if (optionNames().includes(name)) continue
    return `unknown option \`--${name}\`${didYouMean(name, optionNames()).replace(/`([^`]+)`\?$/, '`--$1`?')}`
  }
  return undefined
}

/** A `parseArgs` error as one line of ours, without Node's wording. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const code = (error as {code?: unknown}).code
  // `--jobs -3`: a value that looks like an option.
  const ambiguous =
    /^Option '(?:-\w, )?(--[\w-]+)(?: <value>)?' argument is ambiguous/.exec(
      message
    )
  if (ambiguous) {
    return `unexpected value after \`${ambiguous[1]}\` that starts with \`-\`, expected ${ambiguous[1]}=<value> for such a value`
  }
  const missing =
    /^Option '(?:-\w, )?(--[\w-]+)(?: <value>)?' argument missing/.exec(message)
  if (missing) return `missing value after \`${missing[1]}\``
  const short = /^Unknown option '(-\w)'/.exec(message)
  if (short) return `unknown option \`${short[1]}\``
  return code === undefined ? message : (message.split('\n')[0] ?? message)
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

/** How much of the report to print, as unified-args words it. */
interface ReportOptions {
  color: boolean
  verbose: boolean
  /** No summary lines: the articles with messages only. */
  quiet: boolean
  /** Only errors. */
  silent: boolean
  format: (typeof reportFormats)[number]
}

/** Build once and print the report; resolves to the exit code. */
async function buildOnce(
  environment: CliEnvironment,
  values: BuildCommand['values'],
  paths: readonly string[],
  jobs: number
): Promise<number> {
  const {stderr} = environment
  const started = performance.now()
  const bar =
    environment.progress && !values['no-progress']
      ? progressBar(stderr)
      : undefined
  const options: ReportOptions = {
    color: environment.color ?? false,
    verbose: values.verbose,
    quiet: values.quiet,
    silent: values.silent,
    format: values.reporter === 'json' ? 'json' : 'text'
  }
  const report =
    options.format === 'json'
      ? jsonReport(stderr)
      : streamReport(stderr, options, bar)
  let result: BuildResult
  try {
    // Loaded only for a build: `--help` and `--version` never load the
    // pipeline.
    const {build} = await import('../build/build.js')
    result = await build({
      cwd: environment.cwd,
      inputs: [...paths],
      output: values.output,
      config: values.config,
      ignorePatterns: values['ignore-pattern'],
      jobs,
      force: values.force,
      cacheDir: values['cache-dir'],
      now: values.now,
      report: values.report ? true : values['no-report'] ? false : undefined,
      queue: values.queue,
      queueTimeout:
        values['queue-timeout'] === undefined
          ? undefined
          : Number(values['queue-timeout']),
      queueBatchSize:
        values['queue-batch'] === undefined
          ? undefined
          : Number(values['queue-batch']),
      onProgress: bar?.update,
      onArticle: report.add
    })
    bar?.clear()
  } catch (error) {
    bar?.clear()
    if (error instanceof Error && error.name === 'QueueError') {
      stderr.write(`copydesk: ${error.message}\n`)
      return 1
    }
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
  if (options.format === 'text' && !options.silent && !options.quiet) {
    stderr.write(`${formatTally(result.tally, performance.now() - started)}\n`)
  }
  const {errors, warnings} = result.counts
  return errors > 0 || (values.frail && warnings > 0) ? 1 : 0
}

/**
 * The line every build ends with: what became of the articles, the files
 * written, the time taken.
 */
export function formatTally(tally: BuildTally, milliseconds: number): string {
  const articles = tally.built + tally.unchanged + tally.failed
  const seconds = (milliseconds / 1000).toFixed(1)
  const removed = tally.removed > 0 ? `, ${tally.removed} removed` : ''
  return `copydesk: ${plural(articles, 'article')} (${tally.built} built, ${tally.unchanged} unchanged, ${tally.failed} failed), ${plural(tally.written, 'file')} written${removed} in ${seconds} s`
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/**
 * `--reporter json`: every file's messages as one vfile-reporter-json array
 * on stderr at the end, as unified-args prints it.
 */
function jsonReport(stderr: CliEnvironment['stderr']): {
  add(report: ArticleReport): void
  end(): void
} {
  const files: VFile[] = []
  return {
    add(report) {
      if (
        report.counts.errors + report.counts.warnings + report.counts.infos ===
        0
      )
        return
      files.push(...report.files)
    },
    end() {
      stderr.write(`${reporterJson(files)}\n`)
    }
  }
}

/**
 * The report as it streams: each input's block as soon as it is built, in
 * input order, then one summary line, as vfile-reporter prints them.
 * Articles served from the cache had their messages printed when they were
 * built: by default they are counted, not printed again.
 */
function streamReport(
  stderr: CliEnvironment['stderr'],
  options: ReportOptions,
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
      // Info messages are printed, and so counted, with `--verbose` only;
      // warnings not with `--silent`.
      const visible: MessageCounts = {
        errors: report.counts.errors,
        warnings: options.silent ? 0 : report.counts.warnings,
        infos: options.verbose && !options.silent ? report.counts.infos : 0
      }
      const block = formatBlock(report.files, options)
      if (!block) return
      addCounts(shown, visible)
      bar?.clear()
      stderr.write(`${blocks > 0 ? '\n' : ''}${block}\n`)
      blocks++
    },
    end() {
      if (options.quiet) return
      const summary = formatSummary(toStatistics(shown), options.color)
      if (summary) stderr.write(`\n${summary}\n`)
      if (quiet.articles > 0 && !options.silent) {
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
  options: Pick<ReportOptions, 'verbose' | 'color' | 'silent'>
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
 * The report on `files` as the CLI prints it: the files with warnings and
 * errors; with `verbose`, also info messages and the stack of an internal
 * error; with `silent`, errors only.
 */
export function formatReport(
  files: readonly VFile[],
  options: {verbose: boolean; color?: boolean; silent?: boolean}
): string {
  return reporter(options.verbose ? [...files] : files.map(withoutDetails), {
    color: options.color ?? false,
    verbose: options.verbose,
    quiet: true,
    silent: options.silent ?? false
  })
}

/** ISO 8601 with an offset, checked as the config's `newsSitemap.now` is. */
async function isDateTime(value: string): Promise<boolean> {
  // The validators load with the pipeline: only when `--now` is given.
  const {validateConfigSchema} = await import('../json-schemas.js')
  return validateConfigSchema({newsSitemap: {now: value}})
}

const options = {
  output: {type: 'string', short: 'o', default: 'output'},
  config: {type: 'string', short: 'c'},
  'ignore-pattern': {type: 'string', multiple: true, default: [] as string[]},
  jobs: {type: 'string', short: 'j'},
  force: {type: 'boolean', default: false},
  'cache-dir': {type: 'string'},
  now: {type: 'string'},
  quiet: {type: 'boolean', short: 'q', default: false},
  silent: {type: 'boolean', short: 's', default: false},
  reporter: {type: 'string', default: 'text'},
  // Node 20's `parseArgs` has no negated options: `--no-progress` is one.
  'no-progress': {type: 'boolean', default: false},
  report: {type: 'boolean'},
  'no-report': {type: 'boolean'},
  watch: {type: 'boolean', short: 'w', default: false},
  queue: {type: 'string'},
  'queue-timeout': {type: 'string'},
  'queue-batch': {type: 'string'},
  concurrency: {type: 'string'},
  'lock-duration': {type: 'string'},
  frail: {type: 'boolean', default: false},
  verbose: {type: 'boolean', default: false},
  help: {type: 'boolean', short: 'h', default: false},
  version: {type: 'boolean', short: 'v', default: false}
} satisfies ParseArgsConfig['options']

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options
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

/** A `copydesk worker` to run, as the arguments ask. */
interface WorkerCommand {
  worker: {
    url: string
    concurrency: number
    lockDuration: number
    output?: string | undefined
    config?: string | undefined
    verbose: boolean
  }
}

/** Options of `copydesk build` only. */
const buildOnly = [
  'ignore-pattern',
  'jobs',
  'force',
  'cache-dir',
  'now',
  'quiet',
  'silent',
  'reporter',
  'no-progress',
  'report',
  'no-report',
  'watch',
  'frail',
  'queue-timeout',
  'queue-batch'
] as const

/** Read the arguments of `copydesk worker`. */
async function readWorkerCommand(
  argv: readonly string[],
  values: ReturnType<typeof parse>['values'],
  paths: readonly string[]
): Promise<WorkerCommand | {usageError: string}> {
  if (paths.length > 0) {
    return {
      usageError: `unexpected path \`${paths[0]}\` after \`worker\`, expected options only (the jobs say what to build)`
    }
  }
  const given = (name: string) =>
    argv.some(
      (argument) =>
        argument === `--${name}` || argument.startsWith(`--${name}=`)
    )
  const stray = buildOnly.find(given)
  if (stray) {
    return {
      usageError: `unexpected \`--${stray}\` with \`worker\`, expected it with \`build\``
    }
  }
  if (values.queue === undefined) {
    return {
      usageError:
        'missing `--queue <redis-url>` for `worker`, expected the Redis to take jobs from (`redis://127.0.0.1:6379`)'
    }
  }
  const problem = await checkQueueOptions(values)
  if (problem) return {usageError: problem}
  const concurrency = wholeNumber('concurrency', values.concurrency, 1)
  if (typeof concurrency === 'string') return {usageError: concurrency}
  const {defaultLockDuration} = await import('../build/queue/queue-worker.js')
  const lockDuration = wholeNumber(
    'lock-duration',
    values['lock-duration'],
    defaultLockDuration
  )
  if (typeof lockDuration === 'string') return {usageError: lockDuration}
  const outputGiven =
    given('output') ||
    argv.some((argument) => argument === '-o' || /^-o./.test(argument))
  return {
    worker: {
      url: values.queue,
      concurrency,
      lockDuration,
      output: outputGiven ? values.output : undefined,
      config: values.config,
      verbose: values.verbose
    }
  }
}

/** A whole number of 1 or more, its default, or a usage error. */
function wholeNumber(
  name: string,
  value: string | undefined,
  fallback: number
): number | string {
  if (value === undefined) return fallback
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    return `unexpected \`--${name} ${value}\`, expected a whole number of 1 or more`
  }
  return Number(value)
}

/** `--queue` a Redis URL, `--queue-timeout` seconds with it. */
async function checkQueueOptions(
  values: ReturnType<typeof parse>['values']
): Promise<string | undefined> {
  for (const name of ['queue-timeout', 'queue-batch'] as const) {
    const value = values[name]
    if (value === undefined) continue
    if (values.queue === undefined) {
      return `unexpected \`--${name}\` without \`--queue\`, expected it with \`--queue\``
    }
    const problem = wholeNumber(name, value, 0)
    if (typeof problem === 'string') return problem
  }
  if (values.queue === undefined) return undefined
  const {checkQueueUrl} = await import('../build/queue/connection.js')
  return checkQueueUrl(values.queue)
}

/**
 * Take jobs until stopped (SIGTERM or Ctrl-C through `environment.signal`);
 * resolves to the exit code: 0 stopped, 1 Redis unreachable or a bad config.
 */
async function runWorker(
  environment: CliEnvironment,
  options: WorkerCommand['worker']
): Promise<number> {
  const {stderr} = environment
  const log = (line: string) => {
    stderr.write(`${line}\n`)
  }
  // Without `--config`, article jobs that carry no config get the defaults.
  let config: Config = {}
  if (options.config !== undefined) {
    const {readConfigFile} = await import('../build/config-file.js')
    const read = await readConfigFile(
      environment.cwd,
      {absolute: path.resolve(environment.cwd, options.config)},
      true
    )
    if (!read.config) {
      stderr.write(
        `${formatReport([read.file], {verbose: false, color: environment.color ?? false})}`
      )
      return 1
    }
    config = read.config
  }
  const {runQueueWorker} = await import('../build/queue/queue-worker.js')
  try {
    await runQueueWorker({
      url: options.url,
      concurrency: options.concurrency,
      lockDuration: options.lockDuration,
      output:
        options.output === undefined
          ? undefined
          : path.resolve(environment.cwd, options.output),
      config,
      verbose: options.verbose,
      log,
      signal:
        typeof environment.signal === 'function'
          ? environment.signal()
          : (environment.signal ?? new AbortController().signal)
    })
  } catch (error) {
    if (error instanceof Error && error.name === 'QueueError') {
      log(`copydesk worker: ${error.message}`)
      return 1
    }
    throw error
  }
  return 0
}
