// `npm run bench -- [N] [--repeat R] [--keep] [--system-temp]`: how fast
// copydesk builds a
// folder of articles, compared with what it cannot avoid doing.
//
// It generates a deterministic corpus of N articles (default 2000) from the
// project's own fixtures (`test/fixtures/*/input/**/*.txt` and `input/*.txt`,
// never the copyrighted `../shared/corpus`): every copy differs (a number in
// the headline, body paragraphs rotated or duplicated by a seeded PRNG,
// repeated to about 2.6 KB, the size of the issue's reference article) and
// the layouts vary (CRLF line endings, hard wraps at 60–72 columns, a UTF-8
// BOM, a `.meta.json` sidecar with `datePublished` and `url`), spread over a
// few subfolders of `input/` in a project folder under `.tmp-bench/` of the
// repository, on the project's disk (`--system-temp`: under the system temp
// folder, which on this project's machines is several times slower at
// creating files), removed at the end unless `--keep`. It then measures, R times
// each (default 5), every run a fresh `node` process timed from spawn to
// exit, with its peak RSS when GNU `/usr/bin/time` is there:
//
//   (a) a bare single-threaded retext-english parse of every input file;
//   (b) `copydesk build input -o out` into an empty `out`;
//   (c) the same build again into the built `out`, nothing changed;
//   (d) `copydesk build input/<one file> -o single`, one article;
//   (e) bare `node` importing the runtime dependencies and exiting.
//
// and prints the medians. Reading the ratios: b/a is the whole pipeline
// against parsing alone (1.0: building costs no more than the parse every
// build needs); c/b is what a rebuild with nothing to do costs against a
// full build; d/e is the start-up of a one-article build against loading
// the same packages. Goals are printed next to them: b/a ≤ 1.0, c/b ≤ 0.05,
// d/e ≤ 2.0. The bench measures, it does not gate: a missed goal still exits
// 0. It exits 1 when a command fails (a generated article must never be
// fatal), 2 on a usage error.
import {type ChildProcess, spawn, spawnSync} from 'node:child_process'
import {existsSync, rmSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {availableParallelism, tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {
  type Article,
  folders,
  loadSources,
  makeArticle,
  type Source
} from './bench-corpus.js'

const usage =
  'Usage: npm run bench -- [N] [--repeat R] [--keep] [--system-temp]'
const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const cliPath = path.join(repoRoot, 'bin', 'copydesk.js')
const gnuTime = '/usr/bin/time'
/** Bytes of a failed command's stderr kept to show. */
const tailBytes = 4096

/** What one child process did. */
interface Run {
  ms: number
  /** Peak resident set size in KB, when GNU time measured it. */
  rssKb: number | undefined
  /** Exit code; `undefined` when a signal ended it. */
  code: number | undefined
  stdout: string
  stderrTail: string
}

/** The measures, in print order. */
const measures = {
  a: 'bare retext-english parse',
  b: 'copydesk build, empty out',
  c: 'rebuild, nothing changed',
  d: 'single-article build',
  e: 'bare node + dependencies'
} as const
type Measure = keyof typeof measures

await main(process.argv.slice(2))

async function main(args: string[]): Promise<void> {
  let options: ReturnType<typeof parseOptions>
  try {
    options = parseOptions(args)
  } catch (error) {
    process.stderr.write(`bench: ${describe(error)}\n${usage}\n`)
    process.exitCode = 2
    return
  }

  // Measure the compiled CLI: `bin/copydesk.js` falls back to compiling
  // the TypeScript sources (tsx) when `dist/` is older than them.
  const bundled = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'scripts', 'bundle.ts')],
    {cwd: repoRoot, stdio: 'inherit'}
  )
  if (bundled.status !== 0) {
    process.stderr.write('bench: `npm run bundle` failed\n')
    process.exitCode = 1
    return
  }

  const parent = options.systemTemp
    ? tmpdir()
    : path.join(repoRoot, '.tmp-bench')
  await mkdir(parent, {recursive: true})
  const project = await mkdtemp(path.join(parent, 'copydesk-bench-'))
  const cleanUp = () => {
    if (!options.keep) rmSync(project, {recursive: true, force: true})
  }
  process.once('SIGINT', () => {
    cleanUp()
    process.exit(130)
  })
  try {
    const results = await bench(project, options.count, options.repeat)
    process.stdout.write(formatReport(results, options.count, options.repeat))
    if (options.keep) process.stdout.write(`corpus kept in ${project}\n`)
  } catch (error) {
    process.stderr.write(`bench: ${describe(error)}\n`)
    if (options.keep) process.stderr.write(`corpus kept in ${project}\n`)
    process.exitCode = 1
  } finally {
    cleanUp()
  }
}

function parseOptions(args: string[]) {
  const {values, positionals} = parseArgs({
    args,
    allowPositionals: true,
    options: {
      repeat: {type: 'string', short: 'r', default: '5'},
      keep: {type: 'boolean', default: false},
      'system-temp': {type: 'boolean', default: false}
    }
  })
  if (positionals.length > 1) {
    throw new Error(`Unexpected extra argument \`${positionals[1]}\``)
  }
  return {
    count: positiveInteger('N', positionals[0] ?? '2000'),
    repeat: positiveInteger('--repeat', values.repeat),
    keep: values.keep,
    systemTemp: values['system-temp']
  }
}

// ---------------------------------------------------------------------------
// The run: write the corpus and the helper scripts, then time every measure.

/** Median wall time (ms) and peak RSS (KB) of every measure. */
interface Results {
  ms: Record<Measure, number>
  rssKb: Record<Measure, number | undefined>
  rssNote: string | undefined
}

async function bench(
  project: string,
  count: number,
  repeat: number
): Promise<Results> {
  const sources = await loadSources()
  const articles = Array.from({length: count}, (_, index) =>
    makeArticle(sources[index % sources.length] as Source, index)
  )
  await writeCorpus(project, articles)
  const parseScript = await writeParseScript(project)
  const importScript = await writeImportScript(project)
  const single = `input/${(articles[0] as Article).path}`
  const timed = await canTime()

  const commands: Record<Measure, string[]> = {
    a: [parseScript],
    b: [cliPath, 'build', 'input', '-o', 'out'],
    c: [cliPath, 'build', 'input', '-o', 'out'],
    d: [cliPath, 'build', single, '-o', 'single'],
    e: [importScript]
  }
  /** Folders emptied before a measure. */
  const fresh: Partial<Record<Measure, string>> = {b: 'out', d: 'single'}

  progress(
    `bench: ${count} articles from ${sources.length} fixtures in ${project}\n`
  )
  // Untimed: fills the file cache and tsx's transform cache, and fails early.
  await measure(project, 'd', commands.d, timed, fresh.d)

  const samples: Record<Measure, Run[]> = {a: [], b: [], c: [], d: [], e: []}
  for (let round = 1; round <= repeat; round++) {
    const line: string[] = []
    for (const key of Object.keys(measures) as Measure[]) {
      const run = await measure(project, key, commands[key], timed, fresh[key])
      if (key === 'a' && run.stdout.trim() !== String(count)) {
        throw new Error(
          `(a) parsed ${run.stdout.trim() || 'no'} files, expected ${count}`
        )
      }
      samples[key].push(run)
      line.push(`${key} ${formatSeconds(run.ms)}`)
    }
    progress(`round ${round}/${repeat}: ${line.join(', ')}\n`)
  }

  const ms = {} as Record<Measure, number>
  const rssKb = {} as Record<Measure, number | undefined>
  for (const key of Object.keys(measures) as Measure[]) {
    ms[key] = median(samples[key].map((run) => run.ms))
    const rss = samples[key].map((run) => run.rssKb)
    rssKb[key] = rss.every((value) => value !== undefined)
      ? median(rss as number[])
      : undefined
  }
  const rssNote = timed ? undefined : `no GNU time at ${gnuTime}`
  return {ms, rssKb, rssNote}
}

/** Run one measure once; throws when the command fails. */
async function measure(
  project: string,
  key: Measure,
  args: string[],
  timed: boolean,
  freshFolder: string | undefined
): Promise<Run> {
  if (freshFolder) {
    await rm(path.join(project, freshFolder), {recursive: true, force: true})
  }
  const run = await runNode(args, project, timed)
  if (run.code !== 0) {
    const status =
      run.code === undefined ? 'was killed' : `exited with ${run.code}`
    throw new Error(
      `(${key}) ${measures[key]}: \`node ${args.join(' ')}\` ${status} in ${project}; stderr ends with:\n${run.stderrTail}`
    )
  }
  return run
}

/** Spawn `node args` in `cwd`, under GNU time when `timed`; spawn to exit. */
function runNode(args: string[], cwd: string, timed: boolean): Promise<Run> {
  const command = timed
    ? [gnuTime, '-f', '%M', process.execPath, ...args]
    : [process.execPath, ...args]
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child: ChildProcess = spawn(command[0] as string, command.slice(1), {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      // The bundle just built, even when a source is edited meanwhile.
      env: {...process.env, COPYDESK_BUNDLE: '1'}
    })
    let stdout = ''
    let stderr = ''
    child.stdout?.setEncoding('utf8')
    child.stderr?.setEncoding('utf8')
    child.stdout?.on('data', (chunk: string) => {
      stdout += chunk
    })
    // A build reports every warning: keep the end only.
    child.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-tailBytes)
    })
    child.on('error', reject)
    child.on('close', (code) => {
      const ms = performance.now() - started
      const {rssKb, rest} = timed
        ? splitRss(stderr)
        : {rssKb: undefined, rest: stderr}
      resolve({
        ms,
        rssKb,
        code: code ?? undefined,
        stdout,
        stderrTail: rest
      })
    })
  })
}

/**
 * GNU time prints the peak RSS (`%M`, KB) as the last line of stderr, after
 * a line of its own when the command failed: both are taken out.
 */
function splitRss(stderr: string): {rssKb: number | undefined; rest: string} {
  const lines = stderr.trimEnd().split('\n')
  const last = lines.at(-1) ?? ''
  if (!/^\d+$/.test(last)) return {rssKb: undefined, rest: stderr}
  lines.pop()
  if (/^Command (exited|terminated)/.test(lines.at(-1) ?? '')) lines.pop()
  return {rssKb: Number(last), rest: lines.join('\n')}
}

/** Whether `/usr/bin/time` is GNU time (`-f %M` prints a number). */
async function canTime(): Promise<boolean> {
  if (!existsSync(gnuTime)) return false
  try {
    const run = await runNode(['-e', ''], tmpdir(), true)
    return run.code === 0 && run.rssKb !== undefined
  } catch {
    return false
  }
}

// ---------------------------------------------------------------------------
// The corpus.

async function writeCorpus(
  project: string,
  articles: Article[]
): Promise<void> {
  for (const folder of folders) {
    await mkdir(path.join(project, 'input', folder), {recursive: true})
  }
  for (const article of articles) {
    const file = path.join(project, 'input', article.path)
    await writeFile(file, article.text)
    if (article.meta) {
      await writeFile(
        file.replace(/\.txt$/, '.meta.json'),
        `${JSON.stringify(article.meta, null, 2)}\n`
      )
    }
  }
}

// ---------------------------------------------------------------------------
// The helper scripts, written next to the corpus; they load packages from
// this repository's node_modules by absolute URL.

/** (a): parse every `input/**\/*.txt`, print how many. */
async function writeParseScript(project: string): Promise<string> {
  const script = `import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import retextEnglish from ${JSON.stringify(import.meta.resolve('retext-english'))}
import {unified} from ${JSON.stringify(import.meta.resolve('unified'))}

let files = 0
for (const name of readdirSync('input', {recursive: true})) {
  if (!name.endsWith('.txt')) continue
  const text = readFileSync(join('input', name), 'utf8')
  unified().use(retextEnglish).parse(text)
  files++
}
console.log(files)
`
  const file = path.join(project, 'bench-parse.mjs')
  await writeFile(file, script)
  return file
}

/**
 * (e): import every runtime dependency of package.json a local build
 * loads, then exit.
 */
async function writeImportScript(project: string): Promise<string> {
  const manifest = JSON.parse(
    await readFile(path.join(repoRoot, 'package.json'), 'utf8')
  ) as {dependencies?: Record<string, string>}
  // Loaded only by `--queue` builds and `copydesk worker`: a local build
  // never imports them, so (e) does not either (with them, (e) took 0.59 s
  // instead of 0.36 s and made d/e look better than it is).
  const queueOnly = new Set(['bullmq', 'ioredis'])
  const imports: string[] = []
  for (const name of Object.keys(manifest.dependencies ?? {}).sort()) {
    // Types have no run time.
    if (name === 'tsx' || name.startsWith('@types/') || queueOnly.has(name)) {
      continue
    }
    try {
      imports.push(`import ${JSON.stringify(import.meta.resolve(name))}\n`)
    } catch (error) {
      progress(`bench: (e) leaves out \`${name}\`: ${describe(error)}\n`)
    }
  }
  const file = path.join(project, 'bench-import.mjs')
  await writeFile(file, imports.join(''))
  return file
}

// ---------------------------------------------------------------------------
// The report.

function formatReport(results: Results, count: number, repeat: number): string {
  const {ms, rssKb, rssNote} = results
  const rows: string[][] = [['measure', 'median', 'articles/s', 'peak RSS']]
  for (const key of Object.keys(measures) as Measure[]) {
    rows.push([
      `(${key}) ${measures[key]}`,
      formatSeconds(ms[key]),
      key === 'a' || key === 'b' ? (count / (ms[key] / 1000)).toFixed(1) : '',
      rssKb[key] === undefined ? 'n/a' : `${(rssKb[key] / 1024).toFixed(0)} MB`
    ])
  }
  const ratios: [string, number, string][] = [
    ['b/a', ms.b / ms.a, '1.0'],
    ['c/b', ms.c / ms.b, '0.05'],
    ['d/e', ms.d / ms.e, '2.0']
  ]
  const goals = [['ratio', 'value', 'goal', 'met']]
  for (const [name, value, goal] of ratios) {
    goals.push([
      name,
      value.toFixed(value < 0.1 ? 3 : 2),
      `≤ ${goal}`,
      value <= Number(goal) ? 'yes' : 'no'
    ])
  }
  const header = `copydesk bench ${new Date().toISOString().slice(0, 10)}: node ${process.version}, ${availableParallelism()} CPUs, N=${count}, R=${repeat} (medians)`
  return [
    header,
    '',
    table(rows, [false, true, true, true]),
    '',
    table(goals, [false, true, false, false]),
    ...(rssNote ? ['', `peak RSS: n/a (${rssNote})`] : []),
    ''
  ].join('\n')
}

/** Rows as aligned columns; `right` says which columns align right. */
function table(rows: string[][], right: boolean[]): string {
  const widths = right.map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length))
  )
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          right[column]
            ? cell.padStart(widths[column] ?? 0)
            : cell.padEnd(widths[column] ?? 0)
        )
        .join('  ')
        .trimEnd()
    )
    .join('\n')
}

// ---------------------------------------------------------------------------
// Small helpers.

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 3 : 2)} s`
}

function positiveInteger(name: string, value: string): number {
  if (!/^[1-9]\d*$/.test(value)) {
    throw new Error(
      `Unexpected ${name} \`${value}\`, expected a positive integer`
    )
  }
  return Number(value)
}

/** Progress goes to stderr so stdout is the report alone. */
function progress(text: string): void {
  process.stderr.write(text)
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
