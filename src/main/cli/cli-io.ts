import { withVisibleEscapes } from '../../shared/text-safety'

/** Where the CLI writes; tests pass their own to capture output. */
export interface CliIo {
  out(text: string): void
  err(text: string): void
}

/**
 * What reaches the terminal: text from files (names, publishers) never carries a control sequence or a
 * direction override; each shows as its escape ("\u001b"), which is also valid inside JSON strings.
 */
export function terminalLine(text: string): string {
  const safe = withVisibleEscapes(text)
  return safe.endsWith('\n') ? safe : `${safe}\n`
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(terminalLine(text)),
  err: (text) => process.stderr.write(terminalLine(text)),
}

/** An error the CLI reports with a chosen exit code (1 other error, 2 refused input). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message)
    this.name = 'CliError'
  }
}
