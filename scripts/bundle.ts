// `npm run bundle` (also run by `npm ci` and `npm install`, as `prepare`):
// compiles the CLI and the build worker to JavaScript in `dist/`, so that
// `copydesk` starts without compiling TypeScript (tsx costs about half a
// second at every start). Dependencies stay in node_modules; the schemas
// are inlined. `bin/copydesk.js` runs the bundle when it is newer than
// every source, else the sources through tsx.
import {rm} from 'node:fs/promises'
import {fileURLToPath} from 'node:url'

const root = new URL('../', import.meta.url)
const outdir = new URL('dist/', root)

// esbuild is a dev dependency: installed without them (`--omit=dev`),
// copydesk runs from its TypeScript sources, as `bin/copydesk.js` allows.
const esbuild = await import('esbuild').catch(() => undefined)
if (!esbuild) {
  console.warn('bundle: esbuild is not installed; copydesk runs from sources')
  process.exit(0)
}

await rm(outdir, {recursive: true, force: true})
await esbuild.build({
  absWorkingDir: fileURLToPath(root),
  entryPoints: {
    cli: 'pipeline/cli/cli.ts',
    worker: 'pipeline/build/worker.ts'
  },
  outdir: 'dist',
  bundle: true,
  // The pipeline is loaded on demand: a rebuild served from the cache never
  // loads unified, retext or the serializers.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning'
})
