#!/usr/bin/env node
// Entry point for `npx copydesk` and `npm run build`. Runs the compiled
// bundle in `dist/` (written by `npm run bundle`, which `npm ci` runs) when
// it is newer than every source file; otherwise, as while editing the
// sources, runs the TypeScript through tsx.
import {existsSync, readdirSync, statSync} from 'node:fs'

const root = new URL('../', import.meta.url)
const bundle = new URL('dist/cli.js', root)

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

let runCli
if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource()) {
  ;({runCli} = await import(bundle.href))
} else {
  const {register} = await import('tsx/esm/api')
  register()
  ;({runCli} = await import('../pipeline/cli/cli.ts'))
}

// A reader that goes away (`copydesk build | head`) must not stop the
// build: the rest of the report is dropped, the exit code stays true.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', () => {})
}

/** Ctrl-C stops `--watch` after the build in progress; asked for only then. */
function watchSignal() {
  const stop = new AbortController()
  process.once('SIGINT', () => stop.abort())
  return stop.signal
}

process.exitCode = await runCli(process.argv.slice(2), {
  signal: watchSignal,
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  color: process.stderr.isTTY === true,
  progress: process.stderr.isTTY === true
})
