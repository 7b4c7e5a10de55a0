import yauzl from 'yauzl'
import yazl from 'yazl'
import { NOW } from './bundle-fixtures'

/** A zip entry as tests build or take apart bundles. */
export interface ZipEntry {
  name: string
  content: Buffer
  mode?: number
}

/** Zips entries as given (stored or deflated), for crafting good and bad bundles. */
export async function zipOf(entries: ZipEntry[], options: { compress?: boolean } = {}): Promise<Buffer> {
  const zip = new yazl.ZipFile()
  for (const entry of entries) {
    zip.addBuffer(entry.content, entry.name, {
      mode: entry.mode ?? 0o100644,
      mtime: NOW,
      compress: options.compress ?? true,
    })
  }
  zip.end()
  const chunks: Buffer[] = []
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** Takes a zip apart into its entries, in order. */
export async function entriesOf(bytes: Buffer): Promise<ZipEntry[]> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true })
  const all: yauzl.Entry[] = await new Promise((resolve, reject) => {
    const found: yauzl.Entry[] = []
    zip.on('entry', (entry: yauzl.Entry) => {
      found.push(entry)
      zip.readEntry()
    })
    zip.on('end', () => resolve(found))
    zip.on('error', reject)
    zip.readEntry()
  })
  const entries: ZipEntry[] = []
  for (const entry of all) {
    const chunks: Buffer[] = []
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer)
    entries.push({ name: entry.fileName, content: Buffer.concat(chunks) })
  }
  return entries
}
