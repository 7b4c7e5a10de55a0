import fs from 'node:fs'
import path from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

export interface StaticFile {
  body: Buffer
  contentType: string
}

/**
 * Resolves a URL path to a file inside `root`, refusing anything that would step outside it
 * (encoded "..", absolute paths, NUL bytes). Unknown paths fall back to index.html (one-page app).
 */
export function readStaticFile(root: string, urlPath: string): StaticFile | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const rootResolved = path.resolve(root)
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
  const candidate = path.resolve(rootResolved, relative)
  if (candidate !== rootResolved && !candidate.startsWith(rootResolved + path.sep)) return null
  const file = fs.existsSync(candidate) && fs.statSync(candidate).isFile() ? candidate : null
  const chosen = file ?? (path.extname(relative) === '' ? path.join(rootResolved, 'index.html') : null)
  if (!chosen || !fs.existsSync(chosen)) return null
  return {
    body: fs.readFileSync(chosen),
    contentType: CONTENT_TYPES[path.extname(chosen).toLowerCase()] ?? 'application/octet-stream',
  }
}
