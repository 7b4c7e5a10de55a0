import fs from 'node:fs'

/**
 * Command lines of the running processes that mention `text` (Chromium names its profile folder in
 * its own). Read from /proc rather than with pgrep, which a machine may lack.
 */
export function processesMentioning(text: string): string {
  const found: string[] = []
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')
      if (commandLine.includes(text)) found.push(commandLine)
    } catch {
      // The process ended while we looked.
    }
  }
  return found.join('\n')
}
