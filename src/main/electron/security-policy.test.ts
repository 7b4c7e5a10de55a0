import { describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../host/loopback-host'
import { denyAllPermissions, guardWebContents, isAppUrl, isSafeExternalUrl } from './security-policy'

type Handler = (event: { preventDefault: () => void }, url: string) => void

function fakeContents() {
  const handlers = new Map<string, Handler>()
  let openHandler: (() => { action: string }) | undefined
  return {
    handlers,
    openHandler: () => openHandler?.(),
    on: (name: string, handler: Handler) => handlers.set(name, handler),
    setWindowOpenHandler: (handler: () => { action: string }) => {
      openHandler = handler
    },
  }
}

function navigate(contents: ReturnType<typeof fakeContents>, event: string, url: string): boolean {
  const preventDefault = vi.fn()
  contents.handlers.get(event)!({ preventDefault }, url)
  return preventDefault.mock.calls.length > 0
}

describe('desktop security policy', () => {
  it('recognises only the app origin as the app', () => {
    expect(isAppUrl('app://bundle/index.html')).toBe(true)
    expect(isAppUrl('app://other/index.html')).toBe(false)
    expect(isAppUrl('file:///etc/passwd')).toBe(false)
    expect(isAppUrl('https://bundle/')).toBe(false)
    expect(isAppUrl('not a url')).toBe(false)
  })

  it('opens externally only plain http(s) links', () => {
    expect(isSafeExternalUrl('https://www.federalregister.gov/d/2019-22210')).toBe(true)
    expect(isSafeExternalUrl('http://english.mofcom.gov.cn/')).toBe(true)
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'https://user:pw@example.org/',
      'ms-msdt:/id',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false)
    }
  })

  it('denies navigation away from the app, new windows and webviews', () => {
    const contents = fakeContents()
    guardWebContents(contents as never)
    expect(navigate(contents, 'will-navigate', 'https://attacker.example/')).toBe(true)
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(navigate(contents, 'will-navigate', 'app://bundle/index.html')).toBe(false)
    expect(navigate(contents, 'will-redirect', 'https://attacker.example/')).toBe(true)
    expect(navigate(contents, 'will-attach-webview', 'app://bundle/')).toBe(true)
    expect(contents.openHandler()).toEqual({ action: 'deny' })
  })

  it('refuses every permission request and check', () => {
    let request: ((c: unknown, p: string, callback: (granted: boolean) => void) => void) | undefined
    let check: (() => boolean) | undefined
    denyAllPermissions({
      setPermissionRequestHandler: (handler: typeof request) => {
        request = handler
      },
      setPermissionCheckHandler: (handler: typeof check) => {
        check = handler
      },
    } as never)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn()
      request!({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
    }
    expect(check!()).toBe(false)
  })

  it('uses a strict Content-Security-Policy: own files only, no inline script, no eval', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    )
    expect(directives['default-src']).toEqual(["'self'"])
    expect(directives['script-src']).toEqual(["'self'"])
    expect(directives['object-src']).toEqual(["'none'"])
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*|data:/)
  })
})
