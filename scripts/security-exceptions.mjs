import fs from 'node:fs'

/** Reads the reviewed exceptions; every entry needs a check id, the files it covers and a real reason. */
export function loadExceptions(file) {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'))
  if (!Array.isArray(data.exceptions)) throw new Error(`${file}: "exceptions" must be a list`)
  data.exceptions.forEach((entry, index) => {
    const where = `${file}: exceptions[${index}]`
    if (typeof entry.check !== 'string' || !/^[A-Z_]+$/.test(entry.check))
      throw new Error(`${where}: "check" must be a check id`)
    if (
      !Array.isArray(entry.files) ||
      entry.files.length === 0 ||
      !entry.files.every((f) => typeof f === 'string')
    ) {
      throw new Error(`${where}: "files" must list the files the exception covers`)
    }
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < 40) {
      throw new Error(`${where}: "reason" must explain why the finding is acceptable`)
    }
  })
  return data.exceptions
}

const covers = (exception, finding) =>
  exception.check === finding.check && exception.files.includes(finding.file)

export function findUnexcused(findings, exceptions) {
  return findings.filter((finding) => !exceptions.some((exception) => covers(exception, finding)))
}

export function findUnusedExceptions(findings, exceptions) {
  return exceptions.filter((exception) => !findings.some((finding) => covers(exception, finding)))
}
