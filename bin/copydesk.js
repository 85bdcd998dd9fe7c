#!/usr/bin/env node
// Entry point for `copydesk` (the package's `bin`), `npx copydesk` and
// `npm run build`. Runs the compiled bundle in `dist/`. The installed
// package ships no sources, so there it is the only choice and nothing is
// checked. In a clone (where `pipeline/` exists) the bundle, written by
// `npm run bundle` (`prepare`, which `npm ci` runs), runs when it is newer
// than every source; otherwise, while editing, the TypeScript runs through
// tsx, a dev dependency.
import {existsSync, readdirSync, statSync} from 'node:fs'
import {setFlagsFromString} from 'node:v8'

// V8 grows a heap to up to four times what survived its last full
// collection, and a build's garbage is all short-lived: let the heaps
// (this thread's and the build workers') grow by a fifth instead. V8 reads
// this flag at every collection, so it applies set here. A no-op rebuild
// of 20,000 articles: peak RSS 205 MB before, 158 MB after, at the same
// speed (docs/performance.md). Only the CLI sets it: an embedder's process
// keeps its own flags.
setFlagsFromString('--heap-growing-percent=20')

const root = new URL('../', import.meta.url)
const bundle = new URL('dist/cli.js', root)
const sources = new URL('pipeline/', root)

/** Modification time of the newest source the bundle is built from. */
function newestSource() {
  // The version is read from package.json, and inlined in the bundle.
  let newest = statSync(new URL('package.json', root)).mtimeMs
  for (const folder of ['pipeline/', 'schemas/']) {
    const url = new URL(folder, root)
    for (const name of readdirSync(url, {recursive: true})) {
      if (!/\.(?:ts|json)$/.test(name)) continue
      newest = Math.max(newest, statSync(new URL(name, url)).mtimeMs)
    }
  }
  return newest
}

/**
 * Whether to run the sources: only in a clone whose bundle is stale, and
 * never with `COPYDESK_BUNDLE=1` (the benchmark measures the bundle it just
 * built, whatever is edited meanwhile).
 */
function fromSources() {
  if (!existsSync(sources) || process.env.COPYDESK_BUNDLE === '1') return false
  return !existsSync(bundle) || statSync(bundle).mtimeMs < newestSource()
}

/** The CLI's `runCli`: from the bundle, or from the sources through tsx. */
async function loadCli() {
  if (!fromSources()) return (await import(bundle.href)).runCli
  const tsx = await import('tsx/esm/api').catch(() => undefined)
  if (!tsx) return undefined
  tsx.register()
  return (await import('../pipeline/cli/cli.ts')).runCli
}

const runCli = await loadCli()
if (!runCli) {
  process.stderr.write(
    'copydesk: `dist/` is older than the sources and tsx is not installed, expected the dev dependencies (`npm ci`)\n'
  )
  process.exitCode = 1
}

// A reader that goes away (`copydesk build | head`) must not stop the
// build: the rest of the report is dropped, the exit code stays true.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', () => {})
}

/**
 * Ctrl-C or SIGTERM stops `--watch` after the build in progress, and
 * `worker` after its current jobs; asked for only then.
 */
function watchSignal() {
  const stop = new AbortController()
  process.once('SIGINT', () => stop.abort())
  process.once('SIGTERM', () => stop.abort())
  return stop.signal
}

if (runCli) {
  process.exitCode = await runCli(process.argv.slice(2), {
    signal: watchSignal,
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    color: process.stderr.isTTY === true,
    progress: process.stderr.isTTY === true
  })
}
