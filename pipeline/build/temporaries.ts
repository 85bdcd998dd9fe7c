// Removes what an interrupted build left in the output folder:
// `writeAtomic` writes `<target>.<number>` and renames it over `<target>`,
// and a build killed in between leaves that temporary behind.
// The build calls it holding the output folder's lock: no other build
// writes there, so every temporary is a dead build's, however young.
import {existsSync} from 'node:fs'
import {rm} from 'node:fs/promises'
import {glob} from 'tinyglobby'

/**
 * Remove the temporaries of files whose names end in one of `suffixes`
 * (per-article outputs and channel files), or of the parts of a split news
 * sitemap, from `outputRoot`.
 */
export async function removeTemporaries(
  outputRoot: string,
  suffixes: readonly string[]
): Promise<void> {
  const temporaryName = new RegExp(
    `(?:${[
      ...suffixes.map((suffix) =>
        suffix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      ),
      // Parts of a split news sitemap, at the top of the output folder.
      '(?:^|[\\\\/])news-sitemap-\\d+\\.xml'
    ].join('|')})\\.\\d{1,10}$`
  )
  if (!existsSync(outputRoot)) return
  // Only names that end in a digit: listing every output of a large
  // archive would cost time and memory for nothing.
  const candidates = await glob('**/*.*[0-9]', {
    cwd: outputRoot,
    absolute: true,
    onlyFiles: true,
    followSymbolicLinks: false
  })
  for (const file of candidates) {
    if (temporaryName.test(file)) await rm(file, {force: true})
  }
}
