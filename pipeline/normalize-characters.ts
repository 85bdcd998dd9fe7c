// Stage 3a, normalize characters: Unicode NFC in every leaf of the nlcst
// tree, and code points that XML 1.0 forbids (C0 controls but tab and line
// feed, U+FFFE, U+FFFF, lone surrogates) or that are invisible controls (DEL,
// C1) removed, each removal reported at its place. Edits leaf values in place,
// so positions keep pointing at the source.
// ruleIds: `illegal-character` (warning).
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {forEachLeaf} from './walk-leaves.js'

const source = 'copydesk'

// `\p{Cs}` matches a surrogate only when it is unpaired, as `u` mode reads pairs.
const illegalCharacter =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff\p{Cs}]/gu

/** Compose to NFC and drop characters that cannot appear in XML 1.0. */
export default function normalizeCharacters() {
  return (tree: Root, file: VFile): undefined => {
    const place = location(file)
    forEachLeaf(tree, (node) => {
      const start = node.position?.start.offset
      let value = node.value
      if (illegalCharacter.test(value)) {
        value = value.replace(illegalCharacter, (character, index: number) => {
          const code = (character.codePointAt(0) ?? 0)
            .toString(16)
            .toUpperCase()
            .padStart(4, '0')
          const point =
            start === undefined ? undefined : place.toPoint(start + index)
          file.message(
            `Unexpected character \`U+${code}\`, expected text that XML 1.0 allows; removed`,
            {place: point, ruleId: 'illegal-character', source}
          )
          return ''
        })
      }
      node.value = value.normalize('NFC')
    })
  }
}
