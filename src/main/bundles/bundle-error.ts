/** Why a bundle was refused. The CLI exits with 2 for every one of these. */
export type BundleRefusal =
  | 'not-a-bundle'
  | 'unsafe-entry'
  | 'too-large'
  | 'unsigned'
  | 'bad-signature'
  | 'unknown-key'
  | 'expired-key'
  | 'tampered'
  | 'invalid-manifest'
  | 'invalid-payload'
  | 'dangling-reference'
  | 'rollback'
  | 'conflict'

/** A refused bundle. The message says what was wrong, where, and that nothing was changed. */
export class BundleError extends Error {
  constructor(
    readonly refusal: BundleRefusal,
    message: string,
  ) {
    super(`${message} Nothing was changed.`)
    this.name = 'BundleError'
  }
}
