import { startLoopbackHost, type LoopbackHost, type RpcEndpoint } from './loopback-host'

/**
 * serve's host, started by the command line's entry before it loads the rest of the program: the
 * browser then fetches and runs the page's scripts while the program loads and opens the store, instead
 * of after (a quarter of a second of the first view at 100,000 entities). Until serve provides the API,
 * its calls wait; if serve never does (the store could not be opened), they are answered 503 and the
 * host closes with the command.
 */
export interface EarlyHost {
  host: Promise<LoopbackHost>
  provide(rpc: RpcEndpoint): void
}

let early: (EarlyHost & { fail(error: Error): void }) | null = null

/** Global options the entry can read past to find serve; anything else leaves serve to start its host. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--db'])
const GLOBAL_FLAGS = new Set(['--json'])
const SERVE_OPTIONS_WITH_VALUE = new Set(['--db', '--port'])

/**
 * The port `serve` was asked for (0 when none), or null when the arguments are not a plain serve
 * command this reading is sure of (help, an unknown option, a bad port): serve then does it all itself.
 */
export function servePortOf(args: readonly string[]): number | null {
  const [before, after] = splitAt(args, 'serve')
  if (!after || !readOptions(before, GLOBAL_OPTIONS_WITH_VALUE, GLOBAL_FLAGS)) return null
  const serveOptions = readOptions(after, SERVE_OPTIONS_WITH_VALUE, new Set())
  if (!serveOptions) return null
  const port = serveOptions.get('--port') ?? '0'
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) return null
  return Number(port)
}

function splitAt(args: readonly string[], command: string): [string[], string[] | null] {
  for (let at = 0; at < args.length; at += 1) {
    if (args[at] === command) return [args.slice(0, at), args.slice(at + 1)]
    // A global option's value is never the command.
    if (GLOBAL_OPTIONS_WITH_VALUE.has(args[at])) at += 1
  }
  return [[...args], null]
}

/** Options as name → value, or null at anything else (a positional, an unknown or repeated option). */
function readOptions(
  args: readonly string[],
  withValue: Set<string>,
  flags: Set<string>,
): Map<string, string> | null {
  const options = new Map<string, string>()
  for (let at = 0; at < args.length; at += 1) {
    const [name, inline] = args[at].split(/=(.*)/s, 2)
    if (options.has(name)) return null
    if (flags.has(name) && inline === undefined) options.set(name, '')
    else if (withValue.has(name)) {
      const value = inline ?? args[++at]
      if (value === undefined) return null
      options.set(name, value)
    } else return null
  }
  return options
}

/** Starts serve's host when the arguments ask for serve; prints its URL (serve's first line) at once. */
export function startHostEarly(
  args: readonly string[],
  rendererDir: string,
  printUrl: (url: string) => void,
): void {
  const port = servePortOf(args)
  if (port === null) return
  let provide!: (rpc: RpcEndpoint) => void
  let fail!: (error: Error) => void
  const rpc = new Promise<RpcEndpoint>((resolve, reject) => {
    provide = resolve
    fail = reject
  })
  // Handled where it is awaited (a call waiting for it answers 503); never an unhandled rejection.
  rpc.catch(() => undefined)
  const host = startLoopbackHost({ rpc, rendererDir, port }).then((started) => {
    printUrl(started.url)
    return started
  })
  // A port in use is reported by serve, which takes this host and awaits it.
  host.catch(() => undefined)
  early = { host, provide, fail }
}

/** The host started early, if any, for serve to provide the API to. */
export function takeEarlyHost(): EarlyHost | null {
  const taken = early
  early = null
  return taken
}

/** Closes a host started early that serve never took (the store could not be opened, bad arguments). */
export async function closeUntakenHost(reason: string): Promise<void> {
  const untaken = early
  early = null
  if (!untaken) return
  untaken.fail(new Error(reason))
  const host = await untaken.host.catch(() => null)
  await host?.close()
}
