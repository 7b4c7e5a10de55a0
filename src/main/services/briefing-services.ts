import fs from 'node:fs'
import path from 'node:path'
import type { BriefingPdf, BriefingSettings } from '../../shared/briefing'
import type { BriefingChanges } from '../briefing/collect-changes'
import { collectBriefing } from '../briefing/collect-briefing'
import { renderBriefingHtml } from '../briefing/document/briefing-document'
import { countPdfPages } from '../briefing/pdf-facts'
import { withMetadata } from '../briefing/pdf-metadata'
import type { PdfPrinter } from '../briefing/pdf-printer'
import type { Store } from '../store/open-store'
import { APP_VERSION } from './app-version'

/** Today's date as yyyy-mm-dd in the machine's time zone: the date a briefing carries unless one is set. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** A file name from the title: letters, digits and dashes only, never empty. */
export function briefingFileName(settings: BriefingSettings): string {
  const stem = settings.title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
  return `${stem || 'briefing'}.pdf`
}

export interface RenderedBriefing {
  pdf: Buffer
  info: BriefingPdf
}

/** Reads the scope from the store, lays the briefing out as HTML and prints it to PDF. */
export async function renderBriefingPdf(
  store: Store,
  settings: BriefingSettings,
  printer: PdfPrinter,
  today: string = localToday(),
): Promise<RenderedBriefing> {
  printer.warmUp?.()
  const data = collectBriefing(store.db, settings, today)
  const printed = await printer.print(renderBriefingHtml(data), settings.paper)
  const pdf = withMetadata(printed, {
    title: data.settings.title,
    author: settings.author,
    subject:
      settings.subtitle ||
      (data.changes
        ? `Briefing on what changed ${data.changes.covers}`
        : `Briefing on ${data.entities.length} entities and ${data.reactions.length} reactions`),
    creator: `Sanctions Briefing ${APP_VERSION}`,
  })
  return {
    pdf,
    info: {
      fileName: briefingFileName(data.settings),
      pageCount: countPdfPages(pdf),
      bytes: pdf.length,
      entityCount: data.entities.length,
      reactionCount: data.reactions.length,
      changeCount: data.changes ? changeCountOf(data.changes) : null,
    },
  }
}

function changeCountOf(changes: BriefingChanges): number {
  return (
    changes.newListings.length +
    changes.endedOrRemoved.length +
    changes.changedEntries.length +
    changes.newReactionIds.length
  )
}

/** Writes the PDF beside its final name first, so an interrupted export never leaves half a file. */
export function writeFileAtomically(target: string, bytes: Buffer): void {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`)
  try {
    fs.writeFileSync(temporary, bytes)
    fs.renameSync(temporary, target)
  } catch (error) {
    fs.rmSync(temporary, { force: true })
    throw error
  }
}
