import type { CliIo } from '../cli/cli-io'
import { runCli, type CliDependencies } from '../cli/program'

export interface CliRun {
  code: number
  out: string
  err: string
}

/** Runs the CLI in-process with captured output, as a script would see it. */
export async function runCliCapturing(args: string[], deps: Omit<CliDependencies, 'io'>): Promise<CliRun> {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t) }
  const code = await runCli(args, { ...deps, io })
  return { code, out: out.join('\n'), err: err.join('\n') }
}
