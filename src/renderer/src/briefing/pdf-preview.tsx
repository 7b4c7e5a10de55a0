import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist'
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'
import { useEffect, useRef, useState } from 'react'
import { bytesFromBase64 } from '../components/base64'

// The worker is one of our own bundled files, so the strict script-src 'self' policy allows it.
GlobalWorkerOptions.workerSrc = workerUrl

/** Pixels per PDF point: sharp enough to read a table on screen, small enough for 40 pages. */
const PREVIEW_SCALE = 1.4

function PdfPage({ doc, number, total }: { doc: PDFDocumentProxy; number: number; total: number }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const [state, setState] = useState<'rendering' | 'ready' | 'failed'>('rendering')
  useEffect(() => {
    let cancelled = false
    let cancelRender = () => {}
    void doc.getPage(number).then(async (page) => {
      const target = canvas.current
      if (cancelled || !target) return
      const viewport = page.getViewport({ scale: PREVIEW_SCALE })
      target.width = Math.floor(viewport.width)
      target.height = Math.floor(viewport.height)
      const task = page.render({ canvas: target, viewport })
      cancelRender = () => task.cancel()
      try {
        await task.promise
        if (!cancelled) setState('ready')
      } catch {
        if (!cancelled) setState('failed')
      }
    })
    return () => {
      cancelled = true
      cancelRender()
    }
  }, [doc, number])
  return (
    <figure className="preview-page" data-state={state}>
      <canvas ref={canvas} role="img" aria-label={`Page ${number} of ${total}`} />
      <figcaption>
        Page {number} of {total}
        {state === 'failed' ? ' (could not be drawn)' : ''}
      </figcaption>
    </figure>
  )
}

/**
 * The briefing exactly as exported: the printed PDF itself, drawn page by page with pdf.js, so the
 * preview cannot drift from the file a writer hands on.
 */
export function PdfPreview({ base64 }: { base64: string }) {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    // No eval, no system fonts: the PDF carries every font it needs.
    const task = getDocument({ data: bytesFromBase64(base64), isEvalSupported: false, useSystemFonts: false })
    let current = true
    task.promise.then(
      (loaded) => {
        if (current) {
          setError(null)
          setDoc(loaded)
        }
      },
      (reason: unknown) => current && setError((reason as Error).message),
    )
    return () => {
      current = false
      void task.destroy()
    }
  }, [base64])
  if (error) return <p role="alert">The preview could not be drawn: {error}</p>
  if (!doc) return <p aria-live="polite">Drawing the preview…</p>
  return (
    <div className="preview-pages">
      {Array.from({ length: doc.numPages }, (_, index) => (
        <PdfPage key={`${base64.length}-${index}`} doc={doc} number={index + 1} total={doc.numPages} />
      ))}
    </div>
  )
}
