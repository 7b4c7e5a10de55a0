import Database from 'better-sqlite3'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { API_CALL_NAMES } from '../../shared/api-names'
import type { ApiHandlers } from '../../shared/contract'
import { createApiHandlers } from '../services/api-handlers'
import { StagedFiles } from '../services/staged-files'
import { openDefaultStore } from '../test-support/default-store'
import { SAMPLE_INPUTS } from '../test-support/sample-inputs'
import { useTempDir } from '../test-support/temp-dir'
import { startLoopbackHost, type LoopbackHost } from './loopback-host'

const tempDir = useTempDir()
let host: LoopbackHost | undefined
afterEach(async () => {
  await host?.close()
  host = undefined
})

interface Reply {
  status: number
  body: string
}

/** Raw HTTP so tests can set Host and Origin headers freely (fetch forbids it). */
function request(
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        )
      },
    )
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

async function startWith(handlers: ApiHandlers) {
  const rendererDir = tempDir()
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>')
  host = await startLoopbackHost({ handlers, rendererDir })
  return host
}

function rpc(h: LoopbackHost, name: string, body: unknown, headers: Record<string, string> = {}) {
  return request(h.port, {
    path: `/rpc/${name}`,
    method: 'POST',
    headers: {
      Host: `127.0.0.1:${h.port}`,
      'Content-Type': 'application/json',
      Authorization: `Bearer ${h.token}`,
      ...headers,
    },
    body: JSON.stringify(body),
  })
}

function spyHandlers() {
  const calls: string[] = []
  const handlers = Object.fromEntries(
    API_CALL_NAMES.map((name) => [
      name,
      async () => {
        calls.push(name)
        return { called: name }
      },
    ]),
  ) as unknown as ApiHandlers
  return { calls, handlers }
}

describe('loopback host', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', async () => {
    const h = await startWith(spyHandlers().handlers)
    expect(h.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${h.port}/#token=[A-Za-z0-9_-]{43}$`))
    // Bound to the loopback address itself, not to every interface (0.0.0.0 or ::).
    expect(h.address).toBe('127.0.0.1')
  })

  it('serves every contract call over a route', async () => {
    const { calls, handlers } = spyHandlers()
    const h = await startWith(handlers)
    for (const name of API_CALL_NAMES) {
      const reply = await rpc(h, name, SAMPLE_INPUTS[name])
      expect(reply.status, name).toBe(200)
    }
    expect(calls.sort()).toEqual([...API_CALL_NAMES].sort())
  })

  it.each([
    ['no token', { Authorization: '' }, 401],
    ['a wrong token', { Authorization: 'Bearer not-the-token' }, 401],
    ['a foreign Host', { Host: 'attacker.example:80' }, 403],
    ['a foreign Origin', { Origin: 'http://attacker.example' }, 403],
    ['a look-alike Origin', { Origin: 'http://127.0.0.1.attacker.example' }, 403],
  ])('answers a call with %s with %i and reads nothing', async (_label, headers, status) => {
    const { calls, handlers } = spyHandlers()
    const h = await startWith(handlers)
    const reply = await rpc(h, 'stats', {}, headers as Record<string, string>)
    expect(reply.status).toBe(status)
    expect(reply.body).not.toContain('called')
    expect(calls).toEqual([])
  })

  it('refuses a page request with a foreign Host (DNS rebinding)', async () => {
    const h = await startWith(spyHandlers().handlers)
    const reply = await request(h.port, { path: '/', headers: { Host: 'rebind.attacker.example' } })
    expect(reply.status).toBe(403)
    const ok = await request(h.port, { path: '/', headers: { Host: `localhost:${h.port}` } })
    expect(ok.status).toBe(200)
  })

  it('rejects invalid input by schema before the service runs', async () => {
    const { calls, handlers } = spyHandlers()
    const h = await startWith(handlers)
    const reply = await rpc(h, 'search', { query: 42 })
    expect(reply.status).toBe(400)
    expect(JSON.parse(reply.body).error.message).toMatch(/query/)
    expect(calls).toEqual([])
  })

  it('answers unknown calls, bad JSON and oversized bodies with clear errors', async () => {
    const h = await startWith(spyHandlers().handlers)
    expect((await rpc(h, 'dropTables', {})).status).toBe(404)
    const badJson = await request(h.port, {
      path: '/rpc/stats',
      method: 'POST',
      headers: {
        Host: `127.0.0.1:${h.port}`,
        'Content-Type': 'application/json',
        Authorization: `Bearer ${h.token}`,
      },
      body: '{not json',
    })
    expect(badJson.status).toBe(400)
    const big = await rpc(h, 'search', { query: 'x'.repeat(2 * 1024 * 1024) })
    expect(big.status).toBe(413)
  })

  it('does not serve files outside the renderer folder', async () => {
    const h = await startWith(spyHandlers().handlers)
    for (const attempt of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd']) {
      const reply = await request(h.port, { path: attempt, headers: { Host: `127.0.0.1:${h.port}` } })
      expect(reply.body).not.toContain('root:')
    }
  })

  it('serves the real store through the real services', async () => {
    const store = openDefaultStore(tempDir())
    const h = await startWith(createApiHandlers(store))
    const reply = await rpc(h, 'search', { query: '云从' })
    expect(JSON.parse(reply.body).result[0]).toMatchObject({ id: 'cloudwalk', originalName: '云从科技' })
    store.close()
  })

  it('keeps running after a service throws', async () => {
    const { handlers } = spyHandlers()
    handlers.stats = vi.fn(async () => {
      throw new Error('boom')
    })
    const h = await startWith(handlers)
    expect((await rpc(h, 'stats', {})).status).toBe(500)
    expect((await rpc(h, 'listRounds', {})).status).toBe(200)
  })

  it('answers user errors with 4xx and their message, never with a folder of the disk', async () => {
    const dir = tempDir()
    const store = openDefaultStore(dir)
    const h = await startWith(createApiHandlers(store))
    const cases: [string, unknown, number, string, RegExp][] = [
      ['previewUpdate', { uploadId: 'no-such-upload-0123' }, 404, 'NotStaged', /no longer staged/],
      ['addTrustedKey', { keyFile: '{"format":"nope"}' }, 422, 'KeyFileError', /not a valid key file/],
      ['addTrustedKey', { keyFile: 'not json' }, 422, 'KeyFileError', /not a key file/],
      ['removeTrustedKey', { fingerprint: 'ab'.repeat(32) }, 404, 'UnknownKey', /No trusted key/],
      ['undoLastImport', { importId: 1 }, 409, 'NothingToUndo', /no import to undo/],
    ]
    for (const [name, input, status, errorName, message] of cases) {
      const reply = await rpc(h, name, input)
      expect(reply.status, name).toBe(status)
      const { error } = JSON.parse(reply.body) as { error: { name: string; message: string } }
      expect(error.name, name).toBe(errorName)
      expect(error.message, name).toMatch(message)
    }
    store.close()
  })

  it('answers a damaged store with its StoreError and the file name only, before the check ends', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'store.sqlite')
    const store = openDefaultStore(dir)
    store.close()
    // Damage the rounds table's root page: the file opens, and the first read of rounds fails.
    const probe = new Database(file, { readonly: true })
    const page = probe
      .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'rounds'")
      .pluck()
      .get() as number
    const pageSize = probe.pragma('page_size', { simple: true }) as number
    probe.close()
    const bytes = fs.readFileSync(file)
    bytes.fill(0x5a, (page - 1) * pageSize, page * pageSize)
    fs.writeFileSync(file, bytes)
    const { openStore } = await import('../store/open-store')
    const damaged = openStore(file, { integrityCheck: 'in-background' })
    const h = await startWith(createApiHandlers(damaged))
    const reply = await rpc(h, 'listRounds', {})
    expect(reply.status).toBe(422)
    const { error } = JSON.parse(reply.body) as { error: { name: string; message: string } }
    expect(error.name).toBe('StoreError')
    expect(error.message).toContain('store.sqlite')
    expect(error.message).not.toContain(dir)
    damaged.close()
  })

  it('marks static files no-store, like the API', async () => {
    const h = await startWith(spyHandlers().handlers)
    const reply = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http
        .get(
          { host: '127.0.0.1', port: h.port, path: '/', headers: { Host: `127.0.0.1:${h.port}` } },
          resolve,
        )
        .on('error', reject),
    )
    reply.resume()
    expect(reply.statusCode).toBe(200)
    expect(reply.headers['cache-control']).toBe('no-store')
  })
})

describe('the upload route', () => {
  function upload(h: LoopbackHost, body: Buffer, headers: Record<string, string> = {}) {
    return request(h.port, {
      path: '/upload',
      method: 'POST',
      headers: {
        Host: `127.0.0.1:${h.port}`,
        'Content-Type': 'application/octet-stream',
        Authorization: `Bearer ${h.token}`,
        'X-File-Name': encodeURIComponent('list ünï.csv'),
        ...headers,
      },
      body: body as unknown as string,
    })
  }

  it('streams a file to a staging file that the preview reads, and refuses what is too large or unnamed', async () => {
    const store = openDefaultStore(tempDir())
    const staged = new StagedFiles({ fileBytes: 64 * 1024, totalBytes: 128 * 1024 })
    const rendererDir = tempDir()
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>')
    host = await startLoopbackHost({ handlers: createApiHandlers(store, staged), rendererDir, staged })
    const csl = fs.readFileSync(
      path.join(import.meta.dirname, '../importers/fixtures/csl-entity-list-2019-2020.csv'),
    )
    const small = csl.subarray(0, csl.indexOf('\n', 2000) + 1)
    const reply = await upload(host, small)
    expect(reply.status, reply.body).toBe(200)
    const { uploadId, bytes } = JSON.parse(reply.body).result as { uploadId: string; bytes: number }
    expect(bytes).toBe(small.length)
    expect(staged.get(uploadId)).toEqual({ fileName: 'list ünï.csv', bytes: small })
    const preview = await rpc(host, 'previewUpdate', { uploadId })
    expect(preview.status, preview.body).toBe(200)
    expect(JSON.parse(preview.body).result.bundle.fileName).toBe('list ünï.csv')

    const tooLarge = await upload(host, Buffer.alloc(64 * 1024 + 1, 0x41))
    expect(tooLarge.status).toBe(413)
    expect(JSON.parse(tooLarge.body).error.message).toMatch(/list ünï\.csv is larger than an update may be/)
    expect((await upload(host, small, { Authorization: 'Bearer nope' })).status).toBe(401)
    expect((await upload(host, small, { 'X-File-Name': '' })).status).toBe(400)
    expect((await upload(host, small, { 'Content-Type': 'application/json' })).status).toBe(415)
    // Only the one good upload is on disk.
    const folder = path.dirname(stagedPath(staged, uploadId))
    expect(fs.readdirSync(folder)).toEqual([uploadId])
    staged.close()
    expect(fs.existsSync(folder)).toBe(false)
    store.close()
  })

  it('keeps the staged files within their total, dropping the oldest first', async () => {
    const staged = new StagedFiles({ fileBytes: 1000, totalBytes: 2500 })
    const ids = [1, 2, 3].map((n) => staged.stage(`f${n}.csv`, Buffer.alloc(1000, n)))
    expect(() => staged.get(ids[0])).toThrow(/no longer staged/)
    expect(staged.get(ids[1]).bytes[0]).toBe(2)
    expect(staged.get(ids[2]).bytes[0]).toBe(3)
    expect(() => staged.stage('big.csv', Buffer.alloc(1001))).toThrow(
      /big\.csv is larger than an update may be/,
    )
    staged.close()
  })
})

/** Where a staged file lies (tests look at the staging folder). */
function stagedPath(staged: StagedFiles, uploadId: string): string {
  return (staged as unknown as { files: Map<string, { file: string }> }).files.get(uploadId)!.file
}

describe('withoutFolders', () => {
  it('keeps a file name and drops its folders, leaving URLs and plain words alone', async () => {
    const { withoutFolders } = await import('./loopback-host')
    expect(withoutFolders('/home/ann/stores/store.sqlite is damaged')).toBe('store.sqlite is damaged')
    expect(withoutFolders('Cannot read C:\\Users\\ann\\list.csv: ENOENT')).toBe(
      'Cannot read list.csv: ENOENT',
    )
    expect(withoutFolders('see https://example.org/a/b and 12/10/2019')).toBe(
      'see https://example.org/a/b and 12/10/2019',
    )
  })
})
