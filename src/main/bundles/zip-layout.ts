import type yauzl from 'yauzl'
import { BundleError } from './bundle-error'

const LOCAL_HEADER_SIGNATURE = 0x04034b50
const DATA_DESCRIPTOR_SIGNATURE = 0x08074b50
const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50
const END_OF_CENTRAL_DIRECTORY_BYTES = 22
const LOCAL_HEADER_BYTES = 30
const CENTRAL_RECORD_SIGNATURE = 0x02014b50
const CENTRAL_RECORD_BYTES = 46
const HAS_DATA_DESCRIPTOR = 0x0008
const UTF8 = new TextDecoder('utf-8', { fatal: true })

function refuse(message: string): never {
  throw new BundleError('not-a-bundle', `The bundle's zip structure is inconsistent: ${message}.`)
}

/**
 * Checks that the bundle's zip says one thing only: each local header agrees with its central
 * directory entry (name, version, flags, method, time, CRC, sizes), the entries follow one another
 * with no gap or overlap from the first byte to the central directory, and the file ends with the end
 * record and no comment. Readers that trust local headers (most unzip tools do) then see exactly the
 * files this app verified, never another name or content.
 */
export function checkZipLayout(bytes: Buffer, entries: readonly yauzl.Entry[]): void {
  const end = bytes.length - END_OF_CENTRAL_DIRECTORY_BYTES
  if (end < 0 || bytes.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY_SIGNATURE)
    refuse('it does not end with the end-of-central-directory record (a comment or trailing bytes follow it)')
  const centralSize = bytes.readUInt32LE(end + 12)
  const centralOffset = bytes.readUInt32LE(end + 16)
  if (bytes.readUInt16LE(end + 4) !== 0 || bytes.readUInt16LE(end + 6) !== 0)
    refuse('it claims to span several disks')
  if (bytes.readUInt16LE(end + 8) !== entries.length || bytes.readUInt16LE(end + 10) !== entries.length)
    refuse('its entry counts disagree')
  if (centralOffset + centralSize !== end)
    refuse('its central directory does not end where the end record begins')

  // Fields of the central records that yauzl does not read: one disk, the records filling the directory.
  let record = centralOffset
  for (let n = 0; n < entries.length; n++) {
    if (record + CENTRAL_RECORD_BYTES > end || bytes.readUInt32LE(record) !== CENTRAL_RECORD_SIGNATURE)
      refuse('its central directory does not hold one record per entry')
    if (bytes.readUInt16LE(record + 34) !== 0) refuse('an entry claims to start on another disk')
    record +=
      CENTRAL_RECORD_BYTES +
      bytes.readUInt16LE(record + 28) +
      bytes.readUInt16LE(record + 30) +
      bytes.readUInt16LE(record + 32)
  }
  if (record !== end) refuse('its central directory holds more than its records')

  let expectedOffset = 0
  for (const entry of [...entries].sort(
    (a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader,
  )) {
    const at = entry.relativeOffsetOfLocalHeader
    const name = JSON.stringify(entry.fileName)
    if (at !== expectedOffset) refuse(`the local header of ${name} is not where the previous entry ends`)
    if (entry.fileCommentLength !== 0) refuse(`${name} has a comment`)
    if (at + LOCAL_HEADER_BYTES > centralOffset || bytes.readUInt32LE(at) !== LOCAL_HEADER_SIGNATURE)
      refuse(`the local header of ${name} is missing`)
    const flags = bytes.readUInt16LE(at + 6)
    const nameLength = bytes.readUInt16LE(at + 26)
    const extraLength = bytes.readUInt16LE(at + 28)
    const localFields: [string, number, number][] = [
      ['version needed', bytes.readUInt16LE(at + 4), entry.versionNeededToExtract],
      ['flags', flags, entry.generalPurposeBitFlag],
      ['compression method', bytes.readUInt16LE(at + 8), entry.compressionMethod],
      ['time', bytes.readUInt16LE(at + 10), entry.lastModFileTime],
      ['date', bytes.readUInt16LE(at + 12), entry.lastModFileDate],
    ]
    const dataStart = at + LOCAL_HEADER_BYTES + nameLength + extraLength
    const dataEnd = dataStart + entry.compressedSize
    if (dataEnd > centralOffset) refuse(`the data of ${name} runs into the central directory`)
    let next = dataEnd
    if (flags & HAS_DATA_DESCRIPTOR) {
      // Sizes and CRC follow the data, in a descriptor (with or without its signature).
      const signed = bytes.readUInt32LE(dataEnd) === DATA_DESCRIPTOR_SIGNATURE ? 4 : 0
      const descriptor = dataEnd + signed
      localFields.push(
        ['CRC-32', bytes.readUInt32LE(descriptor), entry.crc32],
        ['compressed size', bytes.readUInt32LE(descriptor + 4), entry.compressedSize],
        ['size', bytes.readUInt32LE(descriptor + 8), entry.uncompressedSize],
      )
      next = descriptor + 12
    } else {
      localFields.push(
        ['CRC-32', bytes.readUInt32LE(at + 14), entry.crc32],
        ['compressed size', bytes.readUInt32LE(at + 18), entry.compressedSize],
        ['size', bytes.readUInt32LE(at + 22), entry.uncompressedSize],
      )
    }
    for (const [field, local, central] of localFields) {
      if (local !== central)
        refuse(
          `the local header of ${name} gives its ${field} as ${local}, the central directory as ${central}`,
        )
    }
    let localName: string
    try {
      localName = UTF8.decode(bytes.subarray(at + LOCAL_HEADER_BYTES, at + LOCAL_HEADER_BYTES + nameLength))
    } catch {
      refuse(`the local header of ${name} has a name that is not UTF-8`)
    }
    if (localName !== entry.fileName)
      refuse(
        `the local header names ${JSON.stringify(localName.slice(0, 120))} where the central directory names ${name}`,
      )
    if (next > centralOffset) refuse(`the entry ${name} runs into the central directory`)
    expectedOffset = next
  }
  if (expectedOffset !== centralOffset)
    refuse('there are bytes between the last entry and the central directory')
}
