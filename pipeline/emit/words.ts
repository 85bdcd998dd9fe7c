// Word counting shared by the emitters (JSON-LD `wordCount`, NITF
// `item-length`), so that every output reports the same number.

const wordPattern = /[\p{L}\p{N}]/u

/** Count the white-space separated tokens of `text` that hold a letter or digit. */
export function countWords(text: string): number {
  let count = 0
  for (const token of text.split(/\s+/)) {
    if (wordPattern.test(token)) count++
  }
  return count
}
