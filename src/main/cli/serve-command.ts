import type { Command } from 'commander'
import { wholeNumber } from './option-parsers'
import { startLoopbackHost } from '../host/loopback-host'
import { browserPlatform, createApiHandlers } from '../services/api-handlers'
import { warmFirstView } from '../services/catalog-services'
import { StagedFiles } from '../services/staged-files'
import type { CliContext } from './cli-context'

/** serve: browser mode on 127.0.0.1. */
export function registerServeCommand(program: Command, cli: CliContext): void {
  program
    .command('serve')
    .description('serve the app to a browser on 127.0.0.1 (browser mode); prints the URL to open first')
    .option('--db <file>', 'the store file')
    .option(
      '--port <n>',
      'port to listen on (0 picks a free one)',
      wholeNumber(0, 65535, 'a port is a whole number from 0 to 65535 (0 picks a free port)'),
      0,
    )
    .action(async (options: { db?: string; port: number }) => {
      if (options.db) program.setOptionValue('db', options.db)
      // A long-running host: the integrity check runs beside the first view (writes wait for it).
      await cli.withStore(
        async (store) => {
          const platform = browserPlatform()
          const staged = new StagedFiles()
          const host = await startLoopbackHost({
            handlers: createApiHandlers(store, staged, platform),
            staged,
            rendererDir: cli.deps.rendererDir,
            port: options.port,
          })
          // The first line is exactly the URL: scripts and tests read it.
          cli.io.out(host.url)
          cli.io.err(`Serving ${store.path} on 127.0.0.1:${host.port}. Press Ctrl+C to stop.`)
          setImmediate(() => warmFirstView(store))
          store.integrity.catch((error: Error) =>
            cli.io.err(`${error.message} Every call is refused until the store is replaced.`),
          )
          await new Promise<void>((resolve) => {
            const stop = async () => {
              await host.close()
              staged.close()
              await platform.printer.close()
              resolve()
            }
            cli.deps.onServing?.(stop)
            process.once('SIGINT', () => void stop())
            process.once('SIGTERM', () => void stop())
          })
        },
        { integrityCheck: 'in-background' },
      )
    })
}
