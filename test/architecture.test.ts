// The layout DESIGN.md and docs/architecture.md describe, held by a test:
// no import cycles in `pipeline/`, the core (stages, rules, emitters, the
// report's renderers, generated code) never imports the build shell or the
// CLI, and no emitter or renderer touches the file system. Imports are read from the sources (type-only
// imports included: a cycle of types is still a cycle of meaning).
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

const root = fileURLToPath(new URL('../pipeline/', import.meta.url))
const modules = readdirSync(root, {recursive: true, encoding: 'utf8'})
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.split(path.sep).join('/'))
  .sort()

const importPattern = /(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s+'([^']+)'/g

/** What `module` imports: other modules of `pipeline/` by path, and packages. */
function importsOf(module: string): {local: string[]; packages: string[]} {
  const text = readFileSync(path.join(root, module), 'utf8')
  const local: string[] = []
  const packages: string[] = []
  for (const match of text.matchAll(importPattern)) {
    const specifier = match[1] ?? ''
    if (specifier.startsWith('.')) {
      local.push(
        path.posix
          .join(path.posix.dirname(module), specifier)
          .replace(/\.js$/, '.ts')
      )
    } else {
      packages.push(specifier)
    }
  }
  return {local, packages}
}

const graph = new Map(modules.map((module) => [module, importsOf(module)]))
const room = (module: string) =>
  module.includes('/') ? module.slice(0, module.indexOf('/')) : 'stages'

describe('pipeline layout', () => {
  it('resolves every relative import to a module of pipeline/', () => {
    // The files outside: the CLI reads its version from package.json, and
    // the build the config's and sidecars' schemas, to suggest a key for a
    // typo.
    const outside = new Set([
      '../package.json',
      '../schemas/config.schema.json',
      '../schemas/meta.schema.json',
      '../schemas/queue-job.schema.json'
    ])
    const missing = [...graph].flatMap(([module, {local}]) =>
      local
        .filter((target) => !outside.has(target))
        .filter((target) => !graph.has(target))
        .map((t) => `${module} -> ${t}`)
    )
    expect(missing).toEqual([])
  })

  it('has no import cycle', () => {
    const cycles: string[] = []
    const state = new Map<string, 'open' | 'done'>()
    const stack: string[] = []
    const visit = (module: string) => {
      state.set(module, 'open')
      stack.push(module)
      for (const target of graph.get(module)?.local ?? []) {
        if (state.get(target) === 'open') {
          cycles.push(
            [...stack.slice(stack.indexOf(target)), target].join(' -> ')
          )
        } else if (!state.has(target) && graph.has(target)) {
          visit(target)
        }
      }
      stack.pop()
      state.set(module, 'done')
    }
    for (const module of modules) if (!state.has(module)) visit(module)
    expect(cycles).toEqual([])
  })

  it('keeps the core out of the build shell and the CLI', () => {
    const core = new Set(['stages', 'rules', 'emit', 'report', 'generated'])
    const crossings = [...graph].flatMap(([module, {local}]) =>
      core.has(room(module))
        ? local
            .filter((target) => !core.has(room(target)))
            .map((target) => `${module} -> ${target}`)
        : []
    )
    expect(crossings).toEqual([])
  })

  it('keeps the build shell out of the CLI', () => {
    const crossings = [...graph].flatMap(([module, {local}]) =>
      room(module) === 'build'
        ? local
            .filter((target) => room(target) === 'cli')
            .map((target) => `${module} -> ${target}`)
        : []
    )
    expect(crossings).toEqual([])
  })

  it('keeps the file system, processes and threads out of the core', () => {
    const core = new Set(['stages', 'rules', 'emit', 'report', 'generated'])
    const system =
      /^(?:node:)?(?:fs|fs\/promises|child_process|worker_threads|net|http|https)$/
    const found = [...graph].flatMap(([module, {packages}]) =>
      core.has(room(module))
        ? packages
            .filter((name) => system.test(name))
            .map((name) => `${module} -> ${name}`)
        : []
    )
    expect(found).toEqual([])
  })

  it('shows its rooms: at most about 20 entries at the top of pipeline/', () => {
    const top = readdirSync(root)
    expect(top.length).toBeLessThanOrEqual(22)
    for (const folder of [
      'rules',
      'emit',
      'report',
      'build',
      'cli',
      'generated'
    ]) {
      expect(top).toContain(folder)
    }
  })
})
