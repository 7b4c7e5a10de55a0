/** A problem with the store file a user can act on; the message says which file and that nothing changed. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly storePath: string,
    readonly code:
      | 'not-a-database'
      | 'not-a-store'
      | 'corrupt'
      | 'from-newer-version'
      | 'locked'
      | 'unreadable'
      | 'read-only'
      | 'write-failed',
  ) {
    super(message)
    this.name = 'StoreError'
  }
}
