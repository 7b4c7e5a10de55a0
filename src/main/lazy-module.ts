import { createRequire } from 'node:module'

/**
 * A CommonJS dependency loaded on its first use instead of when the program starts: the long-running
 * host loads dozens of modules before it can serve its first page, and a module only some commands need
 * (React's server renderer for briefings, the zip readers for bundles) would delay it. Loaded
 * with require, not import(): the callers stay synchronous, and importing a CommonJS bundle from an ES
 * module first scans it for export names.
 */
export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined
  return () => (loaded ??= createRequire(import.meta.url)(name) as T)
}
