// What the command line's entry loads after it has started the printer (see main.ts): one module, so
// the whole program arrives in one dynamic import.
export { processIo } from './cli-io'
export { runCli } from './program'
