// Stage 3b, wire conventions: ASCII habits of news agency wires that
// retext-smartypants does not know. A lone `_` between spaces is the AP dash
// and becomes an em dash; a backslash before a quote (`it\'s`, from escaped
// exports) is removed from the tree. ``` ``quotes'' ``` and `--` are left to
// smartypants.
// Edits the tree in place; reads and writes nothing in `file.data`.
import type {Parent, Root, RootContent} from 'nlcst'
import {forEachLeaf} from './walk-leaves.js'

/** Rewrite wire ASCII conventions to the characters they stand for. */
export default function normalizeWire() {
  return (tree: Root): undefined => {
    forEachLeaf(tree, (node, index, parent) => {
      if (node.type === 'PunctuationNode' && node.value === '_') {
        if (isSpace(parent, index - 1) && isSpace(parent, index + 1)) {
          node.value = '\u2014'
        }
      }
      if (
        (node.type === 'SymbolNode' || node.type === 'PunctuationNode') &&
        node.value === '\\' &&
        isQuote(parent.children[index + 1])
      ) {
        // Removed, not emptied: smartypants picks a quote's direction from
        // the node before it, which must be the word (`it’s`, not `it‘s`).
        parent.children.splice(index, 1)
        return index
      }
    })
  }
}

function isSpace(parent: Root | Parent, index: number): boolean {
  const sibling = parent.children[index]
  // At the edge of a sentence the neighbouring white space is outside `parent`.
  return sibling === undefined || sibling.type === 'WhiteSpaceNode'
}

function isQuote(node: RootContent | undefined): boolean {
  return (
    node !== undefined &&
    'value' in node &&
    (node.value === "'" || node.value === '"')
  )
}
