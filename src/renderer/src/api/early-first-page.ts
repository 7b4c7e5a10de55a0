/**
 * Imported first by main.tsx, so it runs before React and the rest of the app are evaluated: the
 * Entities table's plain first page, the view most starts open on, is asked for at once, and the host
 * reads it from the store while the page boots (about 0.2–0.3 s earlier at 100,000 entities). A kept
 * view with a search, filter or sort asks for its own page; this answer then goes unused.
 */
import { entityPageInput, PLAIN_ENTITY_QUERY } from '../entities/entity-page-input'
import { sendEarly } from './early-requests'

sendEarly('queryEntities', entityPageInput(PLAIN_ENTITY_QUERY, 0))
