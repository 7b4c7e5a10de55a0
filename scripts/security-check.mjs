// `npm run security`: runs @doyensec/electronegativity over the sources and the build, and fails on any
// finding that is not listed, with a reason, in security/electronegativity-exceptions.json.
import run from '@doyensec/electronegativity'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { findUnexcused, findUnusedExceptions, loadExceptions } from './security-exceptions.mjs'

const root = path.resolve(import.meta.dirname, '..')
const electronVersion = createRequire(import.meta.url)('electron/package.json').version
const exceptions = loadExceptions(path.join(root, 'security', 'electronegativity-exceptions.json'))

if (!fs.existsSync(path.join(root, 'out', 'main', 'index.js'))) {
  console.error('security: build first (npm run build); out/ is missing.')
  process.exit(1)
}

const findings = []
for (const input of ['src', 'out']) {
  const result = await run({ input: path.join(root, input), isRelative: true, electronVersion })
  if (result.errors.length > 0) {
    console.error(`security: electronegativity could not parse ${result.errors.length} file(s) in ${input}:`)
    for (const error of result.errors)
      console.error(`  ${error.file}: ${error.message ?? error.error ?? JSON.stringify(error)}`)
    process.exit(1)
  }
  for (const issue of result.issues)
    findings.push({
      input,
      check: issue.id,
      file: issue.file,
      line: issue.location?.line,
      severity: issue.severity.name,
      description: issue.description,
    })
}

const unexcused = findUnexcused(findings, exceptions)
const unused = findUnusedExceptions(findings, exceptions)
for (const f of findings) {
  const excused = !unexcused.includes(f)
  console.log(
    `${excused ? 'accepted ' : 'FINDING  '} ${f.check} ${f.input}/${f.file}:${f.line ?? '?'} (${f.severity}) ${f.description}`,
  )
}
for (const e of unused)
  console.log(`STALE     exception for ${e.check} in ${e.files.join(', ')} matches nothing: remove it`)
console.log(
  `security: ${findings.length} finding(s), ${unexcused.length} not accepted, ${unused.length} stale exception(s)`,
)
process.exit(unexcused.length === 0 && unused.length === 0 ? 0 : 1)
