import { processIo } from './cli-io'
import { defaultRendererDir, runCli } from './program'

const exitCode = await runCli(process.argv.slice(2), {
  io: processIo,
  env: process.env,
  rendererDir: defaultRendererDir(),
})
process.exitCode = exitCode
