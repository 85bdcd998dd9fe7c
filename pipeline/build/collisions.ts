// Refuses, before anything is written, an input whose outputs another
// input's outputs would overwrite (`a.txt` and `a.md`; `a.txt` and
// `a.x.txt` with a NITF profile `x`; `a.txt` and `a.head.html/x.txt`, which
// needs a folder where `a.txt` writes a file), or whose outputs are the
// channels' files at the top of the output folder, or go in the report's
// folder (`report/`, when the report is on). Names are compared
// case-folded and in NFC: macOS and Windows take `A.jsonld` and `a.jsonld`,
// or `café` in NFC and NFD, for one file. ruleIds: `output-collision`
// (fatal).
import {VFile} from 'vfile'
import {configName} from '../emit/output-names.js'
import {fail} from '../messages.js'
import {compareStrings, displayOf, type Input, stemOf} from './inputs.js'

/** What the collision check needs to know of the build. */
export interface CollisionOptions {
  cwd: string
  /** Every input of the build. */
  inputs: readonly Input[]
  /** What follows the stem in each per-article output's name. */
  suffixes: readonly string[]
  /** Whether a name at the top of the output folder is a channel's file. */
  isChannelFile: (name: string) => boolean
  /**
   * A folder at the top of the output folder that is not the articles':
   * the report's, when it is on.
   */
  reservedFolder?: string | undefined
}

/**
 * Index the build's inputs once; the function returned gives an input's
 * fatal report when its outputs collide, else `undefined`.
 */
export function collisionCheck(
  options: CollisionOptions
): (input: Input) => VFile | undefined {
  const clashesOf = clashFinder(options.inputs, options.suffixes)
  const reserved =
    options.reservedFolder === undefined
      ? undefined
      : keyOf(options.reservedFolder)
  return (input) => {
    const [top = ''] = stemOf(input).split('/')
    if (
      reserved !== undefined &&
      top !== stemOf(input) &&
      keyOf(top) === reserved
    ) {
      return refused(
        options.cwd,
        input,
        `Unexpected input whose outputs go in \`${top}/\`, the folder the report writes, expected another folder; rename the folder, or turn the report off (\`--no-report\`, or \`"report": false\` in \`${configName}\`)`
      )
    }
    const taken = channelFileTaken(input, options)
    if (taken !== undefined) {
      return refused(
        options.cwd,
        input,
        `Unexpected input whose output \`${taken}\` is a file the feeds or the news sitemap write, expected another name; rename the article or turn that channel off in \`${configName}\``
      )
    }
    const clashes = clashesOf(input)
    if (clashes.length === 0) return undefined
    const others = clashes
      .map((other) => displayOf(options.cwd, other))
      .sort(compareStrings)
      .map((other) => `\`${other}\``)
      .join(', ')
    return refused(
      options.cwd,
      input,
      `Unexpected second input for the outputs of \`${stemOf(input)}\` (also from ${others}), expected one input per output file; rename one of them`
    )
  }
}

/**
 * The channel file an input's outputs would take: one of its outputs, or
 * the folder they go in, at the top of the output folder.
 */
function channelFileTaken(
  input: Input,
  options: CollisionOptions
): string | undefined {
  const stem = stemOf(input)
  const [top = ''] = stem.split('/')
  if (top === stem) {
    return options.suffixes
      .map((suffix) => stem + suffix)
      .find(options.isChannelFile)
  }
  return options.isChannelFile(top) ? `${top}/` : undefined
}

/** The other inputs whose outputs, or their folders, are one of `input`'s. */
function clashFinder(
  inputs: readonly Input[],
  suffixes: readonly string[]
): (input: Input) => Input[] {
  const byStem = indexByStem(inputs)
  const byFolder = indexByFolder(inputs)
  const keys = suffixes.map(keyOf)
  // `stem + s1` can only equal `other + s2` when `other` is `stem + s1`
  // without `s2`, so the stems to compare with are found by lookup.
  const writersOf = (target: string) =>
    keys.flatMap((theirs) =>
      target.endsWith(theirs)
        ? (byStem.get(target.slice(0, -theirs.length)) ?? [])
        : []
    )
  return (input) => {
    const stem = keyOf(stemOf(input))
    const clashes = new Set<Input>()
    // An output of another is one of mine, or a folder mine go in.
    const targets = [...keys.map((mine) => stem + mine), ...foldersOf(stem)]
    for (const target of targets) {
      for (const other of writersOf(target)) clashes.add(other)
    }
    // And the other way round: a folder of another's is one of my outputs.
    for (const mine of keys) {
      for (const other of byFolder.get(stem + mine) ?? []) clashes.add(other)
    }
    clashes.delete(input)
    return [...clashes]
  }
}

/** Inputs by compared stem: one entry per article, not one per output. */
function indexByStem(inputs: readonly Input[]): Map<string, Input[]> {
  const byStem = new Map<string, Input[]>()
  for (const input of inputs) {
    const stem = keyOf(stemOf(input))
    byStem.set(stem, [...(byStem.get(stem) ?? []), input])
  }
  return byStem
}

/**
 * Inputs by each folder their outputs go in; two at most per folder, as
 * one other than the input asking is enough to refuse it.
 */
function indexByFolder(inputs: readonly Input[]): Map<string, Input[]> {
  const byFolder = new Map<string, Input[]>()
  for (const input of inputs) {
    for (const folder of foldersOf(keyOf(stemOf(input)))) {
      const list = byFolder.get(folder) ?? []
      if (list.length < 2) byFolder.set(folder, [...list, input])
    }
  }
  return byFolder
}

/** The folders a stem's outputs go in: `a/b/c` -> `a`, `a/b`. */
function foldersOf(stem: string): string[] {
  const segments = stem.split('/')
  const folders: string[] = []
  for (let end = 1; end < segments.length; end++) {
    folders.push(segments.slice(0, end).join('/'))
  }
  return folders
}

/** A name as the file systems compare it: case-folded, NFC. */
function keyOf(value: string): string {
  return value.normalize('NFC').toLowerCase()
}

function refused(cwd: string, input: Input, reason: string): VFile {
  const file = new VFile({path: displayOf(cwd, input)})
  fail(file, reason, 'output-collision')
  return file
}
