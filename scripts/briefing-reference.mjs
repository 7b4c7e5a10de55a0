// `npm run docs:briefing-reference`: exports briefings of the default data with the built CLI and keeps
// one page image per section style in docs/briefing-reference/, for a person to review against changes.
// Needs `npm run build` first, Chromium, and poppler (pdftotext, pdftoppm).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const outDir = path.join(root, 'docs', 'briefing-reference')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-reference-'))
const db = path.join(work, 'store.sqlite')
const ALL_ROUNDS = ['el-2019-10-84fr54002', 'el-2020-06-85fr34495', 'el-2020-06-85fr34503']

function exportPdf(name, extra) {
  const file = path.join(work, `${name}.pdf`)
  const args = [
    'out/main/cli.js',
    '--db',
    db,
    'export-pdf',
    '--out',
    file,
    '--title',
    'Entity List additions, 2019–2020',
  ]
  for (const round of ALL_ROUNDS) args.push('--round', round)
  execFileSync(process.execPath, [...args, ...extra], { cwd: root, stdio: 'inherit' })
  return file
}

/** The first page whose text contains `marker`. */
function pageWith(file, marker) {
  const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f')
  const index = pages.findIndex((text) => text.includes(marker))
  if (index < 0) throw new Error(`"${marker}" is on no page of ${file}`)
  return index + 1
}

function keep(file, page, name) {
  const prefix = path.join(work, name)
  execFileSync('pdftoppm', [
    '-r',
    '60',
    '-png',
    '-singlefile',
    '-f',
    String(page),
    '-l',
    String(page),
    file,
    prefix,
  ])
  fs.copyFileSync(`${prefix}.png`, path.join(outDir, `${name}.png`))
  console.log(`docs/briefing-reference/${name}.png ← page ${page} of ${path.basename(file)}`)
}

try {
  fs.mkdirSync(outDir, { recursive: true })
  const byRound = exportPdf('by-round', ['--banner', 'UNCLASSIFIED'])
  keep(byRound, 1, 'title-and-overview')
  keep(byRound, pageWith(byRound, 'Original-script name'), 'entities-by-round')
  keep(byRound, pageWith(byRound, 'Governments'), 'reactions-by-organisation-kind')
  keep(byRound, pageWith(byRound, 'Federal Register, 84 FR 54002'), 'sources')
  const bySector = exportPdf('by-sector', [
    '--banner',
    'CUI',
    '--paper',
    'a4',
    '--sections',
    'entities,reactions',
    '--entity-grouping',
    'sector',
    '--reaction-grouping',
    'stance',
  ])
  keep(bySector, 1, 'entities-by-sector-a4')
  keep(bySector, pageWith(bySector, 'Opposing'), 'reactions-by-stance-a4')
} finally {
  fs.rmSync(work, { recursive: true, force: true })
}
