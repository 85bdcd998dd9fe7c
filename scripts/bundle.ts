// `npm run bundle` (also run as `prepare`: by `npm ci`, `npm install`,
// `npm pack` and `npm publish`): compiles what the package ships to `dist/`.
// - The CLI, the build worker and the public API (`pipeline/api/index.ts`),
//   bundled by esbuild into `dist/*.js`, so that `copydesk` starts without
//   compiling TypeScript (tsx costs about half a second at every start).
//   Dependencies stay external, but for vfile-reporter: it is inlined with
//   string-width 8, which the `overrides` of package.json choose in the
//   clone and which no installed package can choose for its dependencies
//   (vfile-reporter asks for 6, which costs a second per 5,000 messages).
//   The schemas are inlined. The pool finds the worker beside its own chunk
//   (`dist/worker.js`), in the clone and in the installed package alike.
// - The API's types, `dist/types/**/*.d.ts`, by tsc (`tsconfig.build.json`),
//   kept to the declarations the entry reaches, so that the shipped types
//   name no module of ours that is not shipped. Emitted with `--noCheck`:
//   type errors are `npm test`'s to report (the package test type-checks a
//   consumer against these files), and one left mid-edit in the tree must
//   not fail `npm ci`. Still seconds of work, so the types are rebuilt only
//   when a source, a tsconfig or the installed dependencies are newer than
//   them (`--types` forces it).
// Everything is written to a staging folder first and renamed into place, a
// file at a time, so that a `copydesk` running meanwhile (a test, another
// terminal) never reads a half-written or missing chunk.
// `bin/copydesk.js` runs the bundle when it is newer than every source, and
// in a clone falls back to the sources through tsx (a dev dependency).
import {spawnSync} from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync
} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import * as esbuild from 'esbuild'

const root = fileURLToPath(new URL('../', import.meta.url))
const dist = path.join(root, 'dist')
const types = path.join(dist, 'types')
/** Where the API's declarations start; `exports` points `types` here. */
const typesEntry = path.join('api', 'index.d.ts')
const staging = path.join(
  root,
  'node_modules',
  '.cache',
  `copydesk-bundle-${process.pid}`
)

/** Packages bundled into `dist/`: the CLI's reporter and what it imports. */
const inlined = new Set([
  'vfile-reporter',
  'string-width',
  'strip-ansi',
  'ansi-regex',
  'get-east-asian-width',
  'supports-color',
  'unist-util-stringify-position',
  'vfile-sort'
])

/** Leave every package import to Node, but those of `inlined`. */
const externalPackages: esbuild.Plugin = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({filter: /^[^./]/}, (args) => {
      const [scope = '', name = ''] = args.path.split('/')
      const packageName = scope.startsWith('@') ? `${scope}/${name}` : scope
      if (inlined.has(packageName)) return undefined
      return {path: args.path, external: true}
    })
  }
}

/** Bundle the entries into `folder`, then move them into `dist/`. */
async function bundleCode(folder: string): Promise<void> {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: {
      cli: 'pipeline/cli/cli.ts',
      worker: 'pipeline/build/worker.ts',
      api: 'pipeline/api/index.ts'
    },
    outdir: folder,
    bundle: true,
    // Shared chunks, and the modules the build imports on demand (the
    // article builder, the pool, the channels' writer) in chunks of their own.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [externalPackages],
    logLevel: 'warning'
  })
  const entries = new Set(['cli.js', 'worker.js', 'api.js'])
  const names = readdirSync(folder)
  mkdirSync(dist, {recursive: true})
  // Chunks first, entries last: chunk names are content hashes, so an entry
  // in place always finds the chunks it imports.
  const ordered = [
    ...names.filter((name) => !entries.has(name)),
    ...names.filter((name) => entries.has(name))
  ]
  for (const name of ordered) {
    renameSync(path.join(folder, name), path.join(dist, name))
  }
  // What an older bundle left, or a run that stopped half-way.
  const current = new Set([...names, 'types'])
  for (const name of readdirSync(dist)) {
    if (!current.has(name)) {
      rmSync(path.join(dist, name), {recursive: true, force: true})
    }
  }
}

/** Whether a source of the declarations is newer than them. */
function typesStale(): boolean {
  const entry = path.join(types, typesEntry)
  if (!existsSync(entry)) return true
  const built = statSync(entry).mtimeMs
  const inputs = [
    'package.json',
    'tsconfig.json',
    'tsconfig.build.json',
    'scripts/bundle.ts',
    // Rewritten by every `npm ci` and `npm install`: inferred types can
    // name a dependency's.
    'node_modules/.package-lock.json'
  ].map((name) => path.join(root, name))
  const pipeline = path.join(root, 'pipeline')
  for (const name of readdirSync(pipeline, {
    recursive: true,
    encoding: 'utf8'
  })) {
    if (name.endsWith('.ts')) inputs.push(path.join(pipeline, name))
  }
  return inputs.some(
    (file) => existsSync(file) && statSync(file).mtimeMs > built
  )
}

/**
 * Emit the declarations into `folder`, then move those the entry reaches to
 * `dist/types/`.
 */
function emitTypes(folder: string): void {
  const emitted = path.join(folder, 'emitted')
  const kept = path.join(folder, 'kept')
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  const result = spawnSync(
    process.execPath,
    [
      tsc,
      '-p',
      path.join(root, 'tsconfig.build.json'),
      '--outDir',
      emitted,
      '--noCheck'
    ],
    {cwd: root, stdio: 'inherit'}
  )
  if (result.status !== 0) {
    throw new Error(`tsc -p tsconfig.build.json exited with ${result.status}`)
  }
  for (const file of reachedDeclarations(emitted, typesEntry)) {
    mkdirSync(path.dirname(path.join(kept, file)), {recursive: true})
    renameSync(path.join(emitted, file), path.join(kept, file))
  }
  // Swap the whole folder: the old one aside, the new one in, the old one out.
  const old = `${types}.old-${process.pid}`
  if (existsSync(types)) renameSync(types, old)
  renameSync(kept, types)
  rmSync(old, {recursive: true, force: true})
}

/** The declarations `entry` imports, directly or through others, by path in `folder`. */
function reachedDeclarations(folder: string, entry: string): Set<string> {
  const reached = new Set<string>()
  const specifier = /(?:\bfrom|\bimport\()\s*['"](\.[^'"]+)['"]/g
  const visit = (file: string) => {
    // What is not a declaration tsc wrote (a JSON module) is left for the
    // package test to find.
    if (reached.has(file) || !existsSync(path.join(folder, file))) return
    reached.add(file)
    const text = readFileSync(path.join(folder, file), 'utf8')
    for (const [, target = ''] of text.matchAll(specifier)) {
      visit(path.join(path.dirname(file), target.replace(/\.js$/, '.d.ts')))
    }
  }
  visit(entry)
  return reached
}

rmSync(staging, {recursive: true, force: true})
try {
  await bundleCode(path.join(staging, 'code'))
  const forceTypes = process.argv.includes('--types')
  if (forceTypes || typesStale()) emitTypes(path.join(staging, 'types'))
} finally {
  rmSync(staging, {recursive: true, force: true})
}
