/** A source file that cannot be imported at all (unknown format, missing columns, not FtM ...). */
export class ImportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportError'
  }
}
