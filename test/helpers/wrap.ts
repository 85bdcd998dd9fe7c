// Hard-wrap text between words, as print and wire systems export it: for
// generated test articles and the benchmark corpus.

/** Break `value` into lines of at most `width` columns, at spaces. */
export function wrap(value: string, width: number): string {
  const lines: string[] = []
  let line = ''
  for (const word of value.split(/ +/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line === '' ? word : `${line} ${word}`
    }
  }
  if (line !== '') lines.push(line)
  return lines.join('\n')
}
