import type { Command } from 'commander'
import { checkDataset, formatDatasetCheck } from '../dataset/check-dataset'
import { CliError } from './cli-io'
import type { CliContext } from './cli-context'

/** check-dataset: the built-in dataset (or a dataset file, or bundle sources) checked for unreliable facts. */
export function registerDatasetCommands(program: Command, cli: CliContext): void {
  program
    .command('check-dataset')
    .description(
      'check a dataset file (default: the built-in dataset) or a folder of bundle sources for facts without sources, dangling references, unmarked script conversions, quoted paraphrases and impossible dates',
    )
    .argument('[file]', 'a dataset .json file, or a folder of payload .jsonl files')
    .action((file: string | undefined) => {
      const check = checkDataset(file)
      cli.print(check, formatDatasetCheck(check))
      if (check.problems.length > 0) {
        throw new CliError(
          `${check.problems.length} problem${check.problems.length === 1 ? '' : 's'} found in ${check.file}; nothing was changed.`,
        )
      }
    })
}
