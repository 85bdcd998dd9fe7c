// The package as users get it: `npm pack` (which compiles it at `prepare`),
// the tarball installed with no network into an empty project outside the
// repo (so that nothing resolves from the repo's node_modules), then the CLI
// through `npx`, on one thread and on workers; the API from a plain Node
// ESM file; the exported stages in a unified pipeline of the user's own; and
// a TypeScript consumer checked against the shipped types by the repo's tsc.
// The install reads the npm cache that `npm ci` filled: the project gets a
// lockfile made from the repo's, with each tarball's integrity, so that npm
// asks the registry for nothing.
import {type SpawnSyncOptions, spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  writeFile
} from 'node:fs/promises'
import {builtinModules} from 'node:module'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {freePort} from './helpers/redis.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')

interface Manifest {
  name: string
  version: string
  license: string
  bin: Record<string, string>
  engines: Record<string, string>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

interface LockEntry {
  name?: string
  version: string
  resolved?: string
  integrity?: string
  dev?: boolean
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}

const manifest = JSON.parse(
  await readFile(path.join(root, 'package.json'), 'utf8')
) as Manifest
const lock = JSON.parse(
  await readFile(path.join(root, 'package-lock.json'), 'utf8')
) as {packages: Record<string, LockEntry>}

/** The folder of the packed tarball and the consumer project. */
let work: string
/** The consumer project: an empty project with the tarball installed. */
let consumer: string
/** Paths in the tarball. */
let packed: string[]

const story = `Harbour ferries return to the timetable

By Ines Okafor

PORT ELLEN, Nov 27 -- Ferries will run to their full timetable again from Monday.

The first sailing leaves the north pier at 5:40 a.m.
`
const sidecar = `${JSON.stringify(
  {
    datePublished: '2026-11-27T18:30:00+00:00',
    url: 'https://news.example.org/2026/11/27/ferries'
  },
  null,
  2
)}\n`

/** The API from plain Node: one article in memory, then a build. */
const apiScript = `import {readFile} from 'node:fs/promises'
import {build, processArticle} from 'copydesk'

const file = await processArticle(await readFile('input/ferries.txt'), {
  path: 'ferries.txt'
})
const result = await build({cwd: process.cwd(), inputs: ['input'], output: 'api-output'})
process.stdout.write(JSON.stringify({
  jsonld: file.data.outputs?.['.jsonld'],
  fatal: file.messages.filter((message) => message.fatal).map(String),
  written: result.written,
  errors: result.counts.errors
}) + '\\n')
`

/** The stages in a pipeline of the user's own, with a stage of theirs. */
const composeScript = `import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {
  checkRecommended,
  decodeText,
  defaultContext,
  emitDocuments,
  extractArticle,
  joinHardWraps,
  normalizeCharacters,
  normalizeWire,
  segmentBlocks,
  smartPunctuation,
  validateArticle
} from 'copydesk'

const seen = []
const pipeline = unified()
  .use(retextEnglish)
  .use(decodeText)
  .use(normalizeCharacters)
  .use(normalizeWire)
  .use(joinHardWraps)
  .use(smartPunctuation, {backticks: true, dashes: true, ellipses: false})
  .use(segmentBlocks)
  .use(extractArticle)
  .use(() => (_tree, file) => {
    seen.push(file.data.article.headline)
  })
  .use(validateArticle)
  .use(checkRecommended)
  .use(emitDocuments)
const file = new VFile({path: 'ferries.txt', value: ${JSON.stringify(story)}})
file.data.context = defaultContext('ferries.txt')
await pipeline.run(pipeline.parse(file), file)
process.stdout.write(JSON.stringify({seen, outputs: Object.keys(file.data.outputs ?? {}).sort()}) + '\\n')
`

/** A TypeScript consumer: what it uses must type-check, misuse must not. */
const typedConsumer = `import {readFile} from 'node:fs/promises'
import type {Root} from 'nlcst'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {
  type Article,
  type BuildOptions,
  type BuildResult,
  build,
  checkRecommended,
  decodeText,
  defaultContext,
  emitDocuments,
  extractArticle,
  joinHardWraps,
  normalizeCharacters,
  normalizeWire,
  type Outputs,
  processArticle,
  processor,
  segmentBlocks,
  smartPunctuation,
  validateArticle
} from 'copydesk'

const options: BuildOptions = {cwd: '.', inputs: ['input'], output: 'out', jobs: 2}
const result: BuildResult = await build(options)
export const errors: number = result.counts.errors
export const written: string[] = result.written

const file = await processArticle(await readFile('input/ferries.txt'), {
  path: 'ferries.txt'
})
const article: Article | undefined = file.data.article
export const headline: string | undefined = article?.headline
export const outputs: Outputs | undefined = file.data.outputs

export const pipeline = unified()
  .use(retextEnglish)
  .use(decodeText)
  .use(normalizeCharacters)
  .use(normalizeWire)
  .use(joinHardWraps)
  .use(smartPunctuation, {backticks: true, dashes: true, ellipses: false})
  .use(segmentBlocks)
  .use(extractArticle)
  .use(validateArticle)
  .use(checkRecommended)
  .use(emitDocuments)
export const extended = processor().use(() => (tree: Root, vfile: VFile) => {
  vfile.data.context ??= defaultContext(vfile.path)
  if (tree.children.length === 0) vfile.message('Unexpected empty article')
})

// Misuse the types must refuse (they are not \`any\`):
// @ts-expect-error: \`cwd\` is a path.
await build({cwd: 1, inputs: [], output: 'out'})
// @ts-expect-error: smartypants' options are typed.
unified().use(smartPunctuation, {dashes: 'sideways'})
// @ts-expect-error: an article has no such field.
export const nothing = file.data.article?.nothing
`

const consumerTsconfig = {
  compilerOptions: {
    target: 'es2022',
    lib: ['es2023'],
    module: 'nodenext',
    moduleResolution: 'nodenext',
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    // Check the shipped declarations too: one that names a module not
    // shipped or not installed is an error, not a silent \`any\`.
    skipLibCheck: false,
    types: ['node']
  },
  files: ['consumer.ts']
}

/** Run a command; its output, or a failed assertion with its stderr. */
function run(
  command: string,
  args: readonly string[],
  options: SpawnSyncOptions & {cwd: string}
): string {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: cleanEnvironment(),
    ...options
  })
  const said = `${command} ${args.join(' ')} in ${options.cwd}:\n${String(result.stderr)}${result.error ? String(result.error) : ''}`
  expect(result.status, said).toBe(0)
  return String(result.stdout)
}

/**
 * This process's environment without what `npm test` says about the repo
 * (`npm_package_*`, `npm_lifecycle_*`): the consumer is another project.
 */
function cleanEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^npm_(?:package|lifecycle)_/i.test(name)
    )
  )
}

/** The package name an import specifier names (`a/b` -> `a`, `@s/a/b` -> `@s/a`). */
function packageOf(specifier: string): string {
  const [first = '', second = ''] = specifier.split('/')
  return first.startsWith('@') ? `${first}/${second}` : first
}

/** Bare specifiers imported (or required) by a module's text. */
function bareImports(text: string): string[] {
  const found = new Set<string>()
  const pattern =
    /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"'./\s][^"'\s]*)["']/g
  for (const [, specifier = ''] of text.matchAll(pattern)) {
    found.add(specifier)
  }
  return [...found]
}

const builtins = new Set(builtinModules)
const isBuiltin = (specifier: string) =>
  specifier.startsWith('node:') || builtins.has(packageOf(specifier))

/**
 * The consumer's lockfile: the tarball, and every package the repo's
 * lockfile installs for production (plus `extra` dev packages and what they
 * need), each with its tarball's address and integrity, which the npm
 * cache holds. The repo's lockfile omits addresses; without one npm would
 * ask the registry for the package's metadata.
 */
function consumerLock(
  tarball: string,
  integrity: string,
  dependencies: Record<string, string>,
  extra: readonly string[]
) {
  const registry = (
    process.env.npm_config_registry ?? 'https://registry.npmjs.org/'
  ).replace(/\/?$/, '/')
  const packages: Record<string, unknown> = {
    '': {name: 'consumer', dependencies},
    'node_modules/copydesk': {
      version: manifest.version,
      resolved: `file:${tarball}`,
      integrity,
      license: manifest.license,
      dependencies: manifest.dependencies,
      bin: manifest.bin,
      engines: manifest.engines
    }
  }
  const add = (key: string, entry: LockEntry) => {
    const name =
      entry.name ??
      key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length)
    const base = name.slice(name.indexOf('/') + 1)
    packages[key] = {
      ...entry,
      resolved:
        entry.resolved ?? `${registry}${name}/-/${base}-${entry.version}.tgz`,
      dev: undefined
    }
  }
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key !== '' && !entry.dev) add(key, entry)
  }
  // Dev packages of the repo the consumer wants too (hoisted ones, as those are).
  const pending = [...extra]
  while (pending.length > 0) {
    const name = pending.pop() as string
    const key = `node_modules/${name}`
    const entry = lock.packages[key]
    if (!entry || packages[key]) continue
    add(key, entry)
    pending.push(...Object.keys(entry.dependencies ?? {}))
  }
  return {name: 'consumer', lockfileVersion: 3, requires: true, packages}
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'copydesk-package-'))
  const report = run('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: root
  })
  // The lifecycle scripts may print before npm's JSON.
  const [pack] = JSON.parse(report.slice(report.indexOf('['))) as Array<{
    filename: string
    files: Array<{path: string}>
  }>
  if (!pack) throw new Error('npm pack reported no tarball')
  packed = pack.files.map((file) => file.path).sort()

  consumer = path.join(work, 'consumer')
  await mkdir(path.join(consumer, 'input'), {recursive: true})
  const tarball = path.join(work, pack.filename)
  const integrity = `sha512-${createHash('sha512')
    .update(await readFile(tarball))
    .digest('base64')}`
  const dependencies: Record<string, string> = {
    copydesk: `file:${tarball}`,
    'retext-english': manifest.dependencies['retext-english'] ?? '*',
    unified: manifest.dependencies.unified ?? '*',
    vfile: manifest.dependencies.vfile ?? '*',
    '@types/node': manifest.devDependencies['@types/node'] ?? '*'
  }
  await writeFile(
    path.join(consumer, 'package.json'),
    `${JSON.stringify({name: 'consumer', private: true, type: 'module', dependencies}, null, 2)}\n`
  )
  await writeFile(
    path.join(consumer, 'package-lock.json'),
    `${JSON.stringify(consumerLock(tarball, integrity, dependencies, ['@types/node']), null, 2)}\n`
  )
  run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], {cwd: consumer})

  await writeFile(path.join(consumer, 'input', 'ferries.txt'), story)
  await writeFile(path.join(consumer, 'input', 'ferries.meta.json'), sidecar)
}, 600_000)

afterAll(async () => {
  if (work) await rm(work, {recursive: true, force: true})
})

/** The headline of a JSON-LD output: of its `NewsArticle`, in a graph or not. */
function headlineOf(jsonld: string): unknown {
  const document = JSON.parse(jsonld) as {'@graph'?: unknown[]}
  const nodes = (document['@graph'] ?? [document]) as Array<{
    headline?: unknown
  }>
  return nodes.find((node) => node.headline !== undefined)?.headline
}

describe('the tarball', () => {
  it('holds the compiled code, its types, the schemas, README and licence', () => {
    for (const file of [
      'LICENSE',
      'README.md',
      'package.json',
      'bin/copydesk.js',
      'dist/api.js',
      'dist/cli.js',
      'dist/worker.js',
      'dist/types/api/index.d.ts',
      'schemas/article.schema.json',
      'schemas/config.schema.json',
      'schemas/meta.schema.json'
    ]) {
      expect(packed).toContain(file)
    }
  })

  it('holds no sources, tests, fixtures or inputs', () => {
    const stray = packed.filter(
      (file) =>
        /^(?:pipeline|test|scripts|input|output|docs|node_modules)\//.test(
          file
        ) ||
        /fixtures/.test(file) ||
        (file.endsWith('.ts') && !file.endsWith('.d.ts'))
    )
    expect(stray).toEqual([])
  })

  it('needs at run time only its dependencies: no tsx, nothing hoisted by chance', async () => {
    const installed = path.join(consumer, 'node_modules', 'copydesk')
    const allowed = new Set(Object.keys(manifest.dependencies))
    // The clone's fallback to the sources, taken only where `pipeline/`
    // exists: the package ships none.
    const cloneOnly = new Set(['bin/copydesk.js -> tsx/esm/api'])
    const undeclared: string[] = []
    for (const file of packed.filter((name) => /\.[cm]?js$/.test(name))) {
      const text = await readFile(path.join(installed, file), 'utf8')
      for (const specifier of bareImports(text)) {
        if (cloneOnly.has(`${file} -> ${specifier}`)) continue
        if (!isBuiltin(specifier) && !allowed.has(packageOf(specifier))) {
          undeclared.push(`${file} -> ${specifier}`)
        }
      }
    }
    expect(undeclared).toEqual([])
    expect(Object.keys(manifest.dependencies)).not.toContain('tsx')
  })

  it('ships types that name only shipped files and declared dependencies', async () => {
    const installed = path.join(consumer, 'node_modules', 'copydesk')
    const allowed = new Set(Object.keys(manifest.dependencies))
    const problems: string[] = []
    for (const file of packed.filter((name) => name.endsWith('.d.ts'))) {
      const text = await readFile(path.join(installed, file), 'utf8')
      for (const [, target = ''] of text.matchAll(
        /(?:\bfrom|\bimport\()\s*['"](\.[^'"]+)['"]/g
      )) {
        const shipped = path.posix.join(
          path.posix.dirname(file),
          target.replace(/\.js$/, '.d.ts')
        )
        if (!packed.includes(shipped)) problems.push(`${file} -> ${target}`)
      }
      for (const specifier of bareImports(text)) {
        const name = packageOf(specifier)
        if (isBuiltin(specifier) || allowed.has(name)) continue
        if (allowed.has(`@types/${name}`)) continue
        problems.push(`${file} -> ${specifier}`)
      }
    }
    expect(problems).toEqual([])
  })
})

describe('the installed package', () => {
  it('runs `npx copydesk build` on an input folder', async () => {
    run('npx', ['--no', 'copydesk', 'build', '--quiet'], {cwd: consumer})
    const written = (await readdir(path.join(consumer, 'output'))).sort()
    expect(written).toEqual(
      expect.arrayContaining([
        'feed.atom',
        'ferries.head.html',
        'ferries.jsonld',
        'ferries.ninjs.json',
        'ferries.nitf.xml'
      ])
    )
    const jsonld = await readFile(
      path.join(consumer, 'output', 'ferries.jsonld'),
      'utf8'
    )
    expect(headlineOf(jsonld)).toBe('Harbour ferries return to the timetable')
  }, 120_000)

  it('builds on worker threads (the worker resolves inside the package)', async () => {
    const folder = path.join(consumer, 'many')
    await mkdir(folder, {recursive: true})
    // Workers start at 16 articles per thread.
    for (let index = 0; index < 34; index++) {
      await writeFile(
        path.join(folder, `story-${index}.txt`),
        story.replace('timetable', `timetable, day ${index}`)
      )
    }
    const args = ['--no', 'copydesk', 'build', 'many', '-o', 'many-out']
    run('npx', [...args, '--jobs', '2', '--quiet'], {cwd: consumer})
    const written = await readdir(path.join(consumer, 'many-out'))
    expect(written.filter((name) => name.endsWith('.jsonld'))).toHaveLength(34)
  }, 120_000)

  it('loads the queue (bullmq, ioredis) from its dependencies: `copydesk worker`', async () => {
    const port = await freePort()
    const said = spawnSync(
      'npx',
      ['--no', 'copydesk', 'worker', '--queue', `redis://127.0.0.1:${port}`],
      {cwd: consumer, encoding: 'utf8', env: cleanEnvironment()}
    )
    // It got as far as connecting: Redis is not there, said in one line.
    expect(said.stderr).toBe(
      `copydesk worker: Unexpected unreachable queue \`redis://127.0.0.1:${port}\` (ECONNREFUSED), expected a running Redis server (5.0 or later) at that URL\n`
    )
    expect(said.status).toBe(1)
  }, 120_000)

  it('serves the API to a plain Node ESM file', async () => {
    await writeFile(path.join(consumer, 'api.mjs'), apiScript)
    const said = JSON.parse(
      run(process.execPath, ['api.mjs'], {cwd: consumer})
    ) as {jsonld: string; fatal: string[]; written: string[]; errors: number}
    expect(said.fatal).toEqual([])
    expect(headlineOf(said.jsonld)).toBe(
      'Harbour ferries return to the timetable'
    )
    expect(said.errors).toBe(0)
    expect(said.written).toContain('api-output/ferries.jsonld')
  }, 120_000)

  it('composes the exported stages in a unified pipeline of ones own', async () => {
    await writeFile(path.join(consumer, 'compose.mjs'), composeScript)
    const said = JSON.parse(
      run(process.execPath, ['compose.mjs'], {cwd: consumer})
    ) as {seen: string[]; outputs: string[]}
    expect(said.seen).toEqual(['Harbour ferries return to the timetable'])
    expect(said.outputs).toEqual([
      '.head.html',
      '.jsonld',
      '.ninjs.json',
      '.nitf.xml'
    ])
  }, 120_000)

  it('type-checks a TypeScript consumer against the shipped types', async () => {
    await writeFile(path.join(consumer, 'consumer.ts'), typedConsumer)
    await writeFile(
      path.join(consumer, 'tsconfig.json'),
      `${JSON.stringify(consumerTsconfig, null, 2)}\n`
    )
    const said = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], {
      cwd: consumer,
      encoding: 'utf8'
    })
    expect(said.stdout + said.stderr).toBe('')
    expect(said.status).toBe(0)
  }, 120_000)
})
