// Stage 4a, segment: reads the normalized nlcst tree and writes
// `file.data.blocks`, the text as blocks of logical lines, each line with its
// source position. White space leaves already say what each break is
// (`joinHardWraps`): `\n` ends a line, `\n\n` ends a block.
// Emits no messages.
import type {Root} from 'nlcst'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import type {Block, Line} from './types.js'
import {forEachLeaf} from './walk-leaves.js'

/** Group the normalized leaves into blocks of lines. */
export default function segmentBlocks() {
  return (tree: Root, file: VFile): undefined => {
    file.data.blocks = toBlocks(tree)
  }
}

/** Build blocks of trimmed, non-empty lines from the leaves of `tree`. */
export function toBlocks(tree: Root): Block[] {
  const blocks: Block[] = []
  let lines: Line[] = []
  let text = ''
  let start: Point | undefined
  let end: Point | undefined

  const endLine = () => {
    const trimmed = text.trim()
    if (trimmed && start && end) {
      lines.push({
        text: trimmed.replace(/ {2,}/g, ' '),
        position: {start, end},
        indent: start.column - 1
      })
    }
    text = ''
    start = undefined
    end = undefined
  }
  const endBlock = () => {
    endLine()
    if (lines.length > 0) blocks.push({lines})
    lines = []
  }

  forEachLeaf(tree, (node) => {
    if (node.type === 'WhiteSpaceNode') {
      if (node.value === '\n\n') endBlock()
      else if (node.value === '\n') endLine()
      else text += ' '
      return
    }
    if (node.value === '') return
    text += node.value
    if (node.position) {
      start ??= node.position.start
      end = node.position.end
    }
  })
  endBlock()
  return blocks
}
