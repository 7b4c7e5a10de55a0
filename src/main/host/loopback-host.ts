import http from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  ApiInputError,
  isApiCallName,
  maxBodyBytesFor,
  UPLOAD_NAME_HEADER,
  UPLOAD_ROUTE,
  uploadRequestSchema,
  type ApiHandlers,
  type UploadAnswer,
} from '../../shared/contract'
import { dispatchApiCall } from '../services/api-handlers'
import type { StagedFiles } from '../services/staged-files'
import { UserError, type UserErrorKind } from '../user-error'
import { hasValidToken, isAllowedHost, isAllowedOrigin, newToken } from './request-guards'
import { readStaticFile } from './static-files'

/** Only ever this address: the host must not be reachable from another machine. */
export const LOOPBACK_ADDRESS = '127.0.0.1'

/** The same policy the desktop window gets: our own files only, no inline script, no eval. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Errors that describe a problem with what the user asked for (a refused bundle, a needed confirmation). */
const USER_ERRORS = new Set([
  'BundleError',
  'ConfirmationRequired',
  'StoreError',
  'DatasetError',
  'BriefingError',
  'ImportError',
])

const USER_ERROR_STATUS: Record<UserErrorKind, number> = { 'not-found': 404, conflict: 409, invalid: 422 }

/** The status a failed call is answered with: 4xx for what the user can fix, 500 only for our bugs. */
export function statusForError(error: unknown): number {
  if (error instanceof ApiInputError) return 400
  if (error instanceof UserError) return USER_ERROR_STATUS[error.kind]
  if (USER_ERRORS.has((error as Error)?.name)) return 422
  return 500
}

/**
 * A message without the folders of the files it names: a page learns a file's name, not where on the
 * user's disk it lives.
 */
export function withoutFolders(message: string): string {
  return message.replace(
    /(?<![\w:/.\\-])(?:[A-Za-z]:)?(?:[\\/][^\\/\s"'`<>|]+)+[\\/]([^\\/\s"'`<>|]+)/g,
    '$1',
  )
}

export interface LoopbackHostOptions {
  handlers: ApiHandlers
  /** Where files sent to the upload route are staged (the same the handlers read). */
  staged?: StagedFiles
  /** The built renderer (out/renderer). */
  rendererDir: string
  port?: number
  token?: string
}

export interface LoopbackHost {
  url: string
  /** The address the socket is bound to: always 127.0.0.1. */
  address: string
  port: number
  token: string
  close(): Promise<void>
}

/** Serves the renderer and the API contract over HTTP on 127.0.0.1, every call guarded by a token. */
export async function startLoopbackHost(options: LoopbackHostOptions): Promise<LoopbackHost> {
  const token = options.token ?? newToken()
  let port = 0
  const server = http.createServer((request, response) => {
    handleRequest(request, response, { ...options, token, port }).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, 500, 'Error', String(error))
      else response.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, LOOPBACK_ADDRESS, () => resolve())
  })
  const bound = server.address() as AddressInfo
  port = bound.port
  return {
    address: bound.address,
    url: `http://${LOOPBACK_ADDRESS}:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

interface RequestContext extends LoopbackHostOptions {
  token: string
  port: number
}

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  }
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body)
  response.writeHead(status, {
    ...securityHeaders(),
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  response.end(payload)
}

function sendError(response: http.ServerResponse, status: number, name: string, message: string): void {
  sendJson(response, status, { error: { name, message: withoutFolders(message) } })
}

async function handleRequest(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  context: RequestContext,
) {
  // Host and Origin first: a rebinding page must learn nothing, not even whether a token is right.
  if (
    !isAllowedHost(request.headers.host, context.port) ||
    !isAllowedOrigin(request.headers.origin, context.port)
  ) {
    sendError(response, 403, 'Forbidden', 'Requests must come from this app on 127.0.0.1.')
    request.resume()
    return
  }
  const url = new URL(request.url ?? '/', `http://${LOOPBACK_ADDRESS}:${context.port}`)
  if (url.pathname === UPLOAD_ROUTE) {
    await handleUpload(request, response, context)
    return
  }
  if (url.pathname.startsWith('/rpc/')) {
    await handleRpc(request, response, context, url.pathname.slice('/rpc/'.length))
    return
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendError(response, 405, 'MethodNotAllowed', `${request.method} is not allowed here.`)
    request.resume()
    return
  }
  const file = readStaticFile(context.rendererDir, url.pathname)
  if (!file) {
    sendError(response, 404, 'NotFound', `No such file: ${url.pathname}`)
    return
  }
  response.writeHead(200, {
    ...securityHeaders(),
    'Content-Type': file.contentType,
    // Like the API: a page from an earlier build must not be shown again, nor kept on disk.
    'Cache-Control': 'no-store',
  })
  response.end(request.method === 'HEAD' ? undefined : file.body)
}

async function handleRpc(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  context: RequestContext,
  name: string,
): Promise<void> {
  if (!hasValidToken(request.headers, context.token)) {
    request.resume()
    sendError(
      response,
      401,
      'Unauthorized',
      'A valid token is required. Open the URL the serve command printed.',
    )
    return
  }
  if (request.method !== 'POST') {
    request.resume()
    sendError(response, 405, 'MethodNotAllowed', 'API calls use POST.')
    return
  }
  if (!isApiCallName(name)) {
    request.resume()
    sendError(response, 404, 'UnknownCall', `There is no API call named "${name.slice(0, 100)}".`)
    return
  }
  const contentType = request.headers['content-type'] ?? ''
  if (!contentType.startsWith('application/json')) {
    request.resume()
    sendError(response, 415, 'UnsupportedMediaType', 'API calls send application/json.')
    return
  }
  const limit = maxBodyBytesFor(name)
  const body = await readBody(request, limit)
  if (body === null) {
    sendError(response, 413, 'PayloadTooLarge', `Requests to "${name}" are limited to ${limit} bytes.`)
    return
  }
  let input: unknown
  try {
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'))
  } catch {
    sendError(response, 400, 'InvalidJson', 'The request body is not valid JSON.')
    return
  }
  try {
    const result = await dispatchApiCall(context.handlers, name, input)
    sendJson(response, 200, { result })
  } catch (error) {
    const { name = 'Error', message = String(error) } = error instanceof Error ? error : {}
    sendError(response, statusForError(error), name, message)
  }
}

/** A file's bytes as sent, streamed to a staging file: never held whole in memory. */
async function handleUpload(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  context: RequestContext,
): Promise<void> {
  const refuse = (status: number, name: string, message: string) => {
    request.resume()
    sendError(response, status, name, message)
  }
  if (!hasValidToken(request.headers, context.token))
    return refuse(401, 'Unauthorized', 'A valid token is required. Open the URL the serve command printed.')
  if (request.method !== 'POST') return refuse(405, 'MethodNotAllowed', 'Uploads use POST.')
  if (!context.staged) return refuse(404, 'NotFound', 'This host takes no uploads.')
  if (!(request.headers['content-type'] ?? '').startsWith('application/octet-stream'))
    return refuse(415, 'UnsupportedMediaType', 'Uploads send application/octet-stream.')
  let fileName: unknown
  try {
    fileName = decodeURIComponent(String(request.headers[UPLOAD_NAME_HEADER] ?? ''))
  } catch {
    fileName = null
  }
  const parsed = uploadRequestSchema.safeParse({ fileName })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return refuse(400, 'ApiInputError', `Invalid upload: ${issue.path.join('.')}: ${issue.message}`)
  }
  try {
    const answer: UploadAnswer = await context.staged.stageStream(parsed.data.fileName, request)
    sendJson(response, 200, { result: answer })
  } catch (error) {
    request.resume()
    const { name = 'Error', message = String(error) } = error instanceof Error ? error : {}
    sendError(response, name === 'FileTooLarge' ? 413 : statusForError(error), name, message)
  }
}

/** Reads the body, or returns null (and stops reading) once it passes the size limit. */
function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        request.removeAllListeners('data')
        request.resume()
        resolve(null)
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}
