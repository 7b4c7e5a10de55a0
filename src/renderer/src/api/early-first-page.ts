/**
 * Imported first by main.tsx, so it runs before React and the rest of the app are evaluated: what the
 * first view needs is asked for at once, and the host answers while the page boots. The Entities
 * table's plain first page, the view most starts open on (about 0.2–0.3 s earlier at 100,000
 * entities); its kept state (the table is drawn only once that is known: 0.1–0.3 s earlier, the request
 * otherwise leaving after React's first render); the app's information for its header. A kept view with
 * a search, filter or sort asks for its own page; the plain one then goes unused.
 */
import { entityPageInput, PLAIN_ENTITY_QUERY } from '../entities/entity-page-input'
import { sendEarly } from './early-requests'

sendEarly('queryEntities', entityPageInput(PLAIN_ENTITY_QUERY, 0))
sendEarly('loadViews', { table: 'entities' })
sendEarly('appInfo', {})
