// The build's inputs: files, folders and globs expanded into articles, each
// with the input root its output path is relative to, in path order.
// ruleIds: `no-input` (fatal: a path that matches no file).
import {stat} from 'node:fs/promises'
import path from 'node:path'
import {glob, isDynamicPattern} from 'tinyglobby'
import {VFile} from 'vfile'
import {fail} from '../messages.js'
import {toPosix} from './files.js'

/** What a build with no paths builds. */
export const defaultInputs = ['input']

/** What follows an article's stem in the name of its sidecar. */
export const sidecarSuffix = '.meta.json'

/** One article to build. */
export interface Input {
  /** Absolute path of the article. */
  absolute: string
  /** Path relative to its input root, `/`-separated: decides the output path. */
  relative: string
}

/**
 * Expand files, folders and globs into articles with their input roots,
 * sorted by path; a pattern that matches nothing is a fatal report.
 */
export async function discoverInputs(
  cwd: string,
  patterns: readonly string[]
): Promise<{inputs: Input[]; problems: VFile[]}> {
  const inputs = new Map<string, Input>()
  const problems: VFile[] = []
  const add = (root: string, absolute: string) => {
    if (!inputs.has(absolute)) {
      inputs.set(absolute, {
        absolute,
        relative: toPosix(path.relative(root, absolute))
      })
    }
  }

  for (const pattern of patterns.length > 0 ? patterns : defaultInputs) {
    const found = await expandPattern(cwd, pattern)
    if (found) {
      for (const absolute of found.files) add(found.root, absolute)
      continue
    }
    const file = new VFile({path: pattern})
    fail(
      file,
      `Unexpected path \`${pattern}\` that matches no file, expected an article file, a folder or a glob`,
      'no-input'
    )
    problems.push(file)
  }

  // By path, so that the report reads in folder order.
  const sorted = [...inputs.values()].sort((a, b) =>
    compareStrings(a.absolute, b.absolute)
  )
  return {inputs: sorted, problems}
}

/**
 * The articles one pattern names, with their input root: a folder's
 * `*.txt` files, a file, or a glob's files without sidecars; `undefined`
 * when it matches none.
 */
async function expandPattern(
  cwd: string,
  pattern: string
): Promise<{root: string; files: string[]} | undefined> {
  const absolute = path.resolve(cwd, pattern)
  const info = isDynamicPattern(pattern)
    ? undefined
    : await stat(absolute).catch(() => undefined)
  if (info?.isDirectory()) {
    const found = await glob('**/*.txt', {
      cwd: absolute,
      absolute: true,
      onlyFiles: true,
      followSymbolicLinks: false
    })
    return {root: absolute, files: found.map((file) => path.normalize(file))}
  }
  if (info?.isFile()) return {root: path.dirname(absolute), files: [absolute]}
  if (!isDynamicPattern(pattern)) return undefined
  const found = await glob(pattern, {
    cwd,
    absolute: true,
    onlyFiles: true,
    followSymbolicLinks: false
  })
  const articles = found.filter((file) => !file.endsWith(sidecarSuffix))
  if (articles.length === 0) return undefined
  return {
    root: path.resolve(cwd, staticPrefix(pattern)),
    files: articles.map((file) => path.normalize(file))
  }
}

/** The folder part of a glob before its first dynamic segment. */
export function staticPrefix(pattern: string): string {
  const segments = pattern.split('/')
  const fixed: string[] = []
  for (const segment of segments) {
    if (isDynamicPattern(segment)) break
    fixed.push(segment)
  }
  return fixed.join('/') || '.'
}

/** The output path of an input without extension: `a/b.txt` -> `a/b`. */
export function stemOf(input: Input): string {
  return input.relative.replace(/\.[^./]*$/, '')
}

/** The path reports give for an input: relative to the project. */
export function displayOf(cwd: string, input: Input): string {
  return toPosix(path.relative(cwd, input.absolute))
}

/** Code-point order: the same on every machine, whatever the locale. */
export function compareStrings(
  a: string | undefined,
  b: string | undefined
): number {
  const left = a ?? ''
  const right = b ?? ''
  return left < right ? -1 : left > right ? 1 : 0
}
