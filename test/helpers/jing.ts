// Validate Atom documents against the vendored RFC 4287 RELAX NG schema
// (`schemas/atom/atom.rnc`) with Debian's jing (`apt-get install -y jing`).
// All documents go to one jing run, because each Java start takes about half a
// second on these machines. A missing jing is an error, never a skipped test:
// without it the Atom feeds would go unchecked and nothing would say so.
import {execFile} from 'node:child_process'
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const atomSchema = fileURLToPath(
  new URL('../../schemas/atom/atom.rnc', import.meta.url)
)

/**
 * Validate each of `documents` against the Atom schema. Resolves to one list
 * of jing's errors per document, in order (`[]` when valid), each as
 * `line:column: error: message`.
 */
export async function validateAtom(
  documents: readonly string[]
): Promise<string[][]> {
  const folder = await mkdtemp(path.join(tmpdir(), 'copydesk-jing-'))
  try {
    const files = documents.map((_, index) =>
      path.join(folder, `feed-${index}.atom`)
    )
    await Promise.all(
      files.map((file, index) => writeFile(file, documents[index] ?? ''))
    )
    const output = await runJing(['-c', atomSchema, ...files])
    return files.map((file) =>
      output
        .split('\n')
        .filter((line) => line.startsWith(`${file}:`))
        .map((line) => line.slice(file.length + 1))
    )
  } finally {
    await rm(folder, {recursive: true, force: true})
  }
}

/** Run jing. Resolves to its report (stdout) when it validates or finds errors, else rejects. */
function runJing(parameters: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('jing', parameters, (error, stdout, stderr) => {
      if (error && 'code' in error && error.code === 'ENOENT') {
        reject(
          new Error(
            'Unexpected missing `jing`, expected it on `PATH` to validate Atom against `schemas/atom/atom.rnc`: install it with `apt-get install -y jing` (Debian)'
          )
        )
        return
      }
      // Exit code 1 means invalid documents, reported on stdout, one error per
      // line. Anything else (the schema does not load, Java fails) is a fault
      // of the set-up. The Debian wrapper also prints warnings about missing
      // optional jars on stderr. Those are left out of the report.
      if (error && (error.code !== 1 || stdout.trim() === '')) {
        reject(
          new Error(`Unexpected jing failure (${error.message}):\n${stderr}`)
        )
        return
      }
      resolve(stdout)
    })
  })
}
