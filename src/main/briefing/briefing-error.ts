/** A briefing that cannot be made as asked (empty or oversized scope, unknown id, no Chromium). */
export class BriefingError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BriefingError'
  }
}
