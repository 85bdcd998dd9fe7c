// The build's inputs: files, folders and globs expanded into articles, each
// with the input root its output path is relative to, in path order.
// Folders and globs skip `node_modules`, hidden folders and files, and what
// `.copydeskignore` (gitignore syntax, in the project folder) or
// `--ignore-pattern` exclude; a file named on its own is always built.
// ruleIds: `no-input` (fatal: a path that matches no article).
import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import ignore, {type Ignore} from 'ignore'
import {glob, isDynamicPattern} from 'tinyglobby'
import {VFile} from 'vfile'
import {fail} from '../messages.js'
import {toPosix} from './files.js'

/** What a build with no paths builds. */
export const defaultInputs = ['input']

/** What follows an article's stem in the name of its sidecar. */
export const sidecarSuffix = '.meta.json'

/** The ignore file, in the project folder, in gitignore syntax. */
export const ignoreFileName = '.copydeskignore'

/** Never searched: dependencies (and hidden folders, which globs skip). */
const alwaysIgnored = ['**/node_modules/**']

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
  patterns: readonly string[],
  ignorePatterns: readonly string[] = []
): Promise<{inputs: Input[]; problems: VFile[]}> {
  const ignored = await ignoreRules(cwd, ignorePatterns)
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
    const found = await expandPattern(cwd, pattern, ignored)
    if (found && found.files.length > 0) {
      for (const absolute of found.files) add(found.root, absolute)
      continue
    }
    const file = new VFile({path: pattern})
    fail(
      file,
      found && 'searched' in found
        ? `Unexpected ${found.kind} \`${pattern}\` without articles, expected \`.txt\` files in it (searched \`${found.searched}\`, skipping \`node_modules\`, hidden folders and what \`${ignoreFileName}\` or \`--ignore-pattern\` exclude)`
        : `Unexpected path \`${pattern}\` that matches no file, expected an article file, a folder or a glob`,
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

/** What a folder or a glob gave, and what was searched, for a report. */
interface Expansion {
  root: string
  files: string[]
  kind: 'folder' | 'glob'
  searched: string
}

/**
 * The articles one pattern names, with their input root: a folder's `.txt`
 * files (in any case), a file, or a glob's files without sidecars;
 * `undefined` when the path names nothing.
 */
async function expandPattern(
  cwd: string,
  pattern: string,
  ignored: Ignore
): Promise<
  Expansion | {root: string; files: string[]; kind: 'file'} | undefined
> {
  const absolute = path.resolve(cwd, pattern)
  const info = isDynamicPattern(pattern)
    ? undefined
    : await stat(absolute).catch(() => undefined)
  if (info?.isFile()) {
    return {root: path.dirname(absolute), files: [absolute], kind: 'file'}
  }
  const folder = info?.isDirectory()
  if (!folder && !isDynamicPattern(pattern)) return undefined
  const searched = folder
    ? `${toPosix(path.join(pattern, '**/*.txt'))}`
    : pattern
  const found = await glob(folder ? '**/*.txt' : pattern, {
    cwd: folder ? absolute : cwd,
    absolute: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    caseSensitiveMatch: !folder,
    ignore: alwaysIgnored
  })
  const files = found
    .map((file) => path.normalize(file))
    .filter(
      (file) => !file.endsWith(sidecarSuffix) && !isIgnored(ignored, cwd, file)
    )
  return {
    root: folder ? absolute : path.resolve(cwd, staticPrefix(pattern)),
    files,
    kind: folder ? 'folder' : 'glob',
    searched
  }
}

/** The ignore rules: `.copydeskignore` in `cwd`, then `--ignore-pattern`. */
async function ignoreRules(
  cwd: string,
  patterns: readonly string[]
): Promise<Ignore> {
  const rules = ignore()
  const text = await readFile(path.join(cwd, ignoreFileName), 'utf8').catch(
    () => ''
  )
  return rules.add(text).add([...patterns])
}

/** Whether the rules exclude `absolute`; files outside `cwd` never are. */
function isIgnored(rules: Ignore, cwd: string, absolute: string): boolean {
  const relative = toPosix(path.relative(cwd, absolute))
  if (
    relative === '' ||
    relative.startsWith('../') ||
    path.isAbsolute(relative)
  )
    return false
  return rules.ignores(relative)
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
