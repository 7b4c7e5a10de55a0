/** What kind of refusal a UserError is; the HTTP host answers each with its own 4xx status. */
export type UserErrorKind = 'not-found' | 'conflict' | 'invalid'

/**
 * A request the user can fix (an unknown id, a file of the wrong kind, an import that is no longer the
 * latest): its message says what and where, and nothing was changed.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly kind: UserErrorKind = 'invalid',
    name = 'UserError',
  ) {
    super(message)
    this.name = name
  }
}
