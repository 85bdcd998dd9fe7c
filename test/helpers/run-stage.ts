// Run pipeline stages alone, for the test of each stage: parse as the
// pipeline does (retext-english behind `decodeText`, so bytes are decoded
// and line endings normalized), then run only the stages a test names, in
// the order it names them. `pipeline/index.ts` holds the full order.
import type {Root} from 'nlcst'
import retextEnglish from 'retext-english'
import {type PluggableList, unified} from 'unified'
import {type Data, VFile} from 'vfile'
import decodeText from '../../pipeline/decode-text.js'

/** Options for one run. */
export interface RunStageOptions {
  /** Path of the input, as reported in messages; `input.txt` by default. */
  path?: string
  /** `file.data` before the stages run (`context` for later stages). */
  data?: Data
}

/** The file and the tree after the stages. */
export interface StageRun {
  file: VFile
  /** `undefined` when a fatal message stopped the run. */
  tree: Root | undefined
}

/**
 * Parse `value` (bytes or text) and run `stages` on the tree. A fatal message
 * ends the run as it ends the pipeline's; any other error is thrown.
 */
export async function runStage(
  value: Uint8Array | string,
  stages: PluggableList,
  options: RunStageOptions = {}
): Promise<StageRun> {
  const file = new VFile({
    path: options.path ?? 'input.txt',
    value,
    data: options.data ?? {}
  })
  const processor = unified().use(retextEnglish).use(decodeText).use(stages)
  try {
    const tree = await processor.run(processor.parse(file), file)
    return {file, tree: tree as Root}
  } catch (error) {
    if (file.messages.some((message) => message === error && message.fatal)) {
      return {file, tree: undefined}
    }
    throw error
  }
}
