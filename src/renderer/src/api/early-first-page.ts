/**
 * Built as a script of its own that index.html runs before the app's (see earlyRequestsFirst in
 * electron.vite.config.ts), and imported first by main.tsx (in development, the only way it runs): what
 * the first view needs is asked for as soon as this small script arrives, and the host answers while
 * the app's script is still arriving and being compiled. The Entities table's plain first page, the
 * view most starts open on; its kept state (the table is drawn only once that is known, and the request
 * would otherwise leave after React's first render); the app's information for its header. A kept view with
 * a search, filter or sort asks for its own page; the plain one then goes unused.
 */
import { entityPageInput, PLAIN_ENTITY_QUERY } from '../entities/entity-page-input'
import { sendEarly } from './early-requests'

sendEarly('queryEntities', entityPageInput(PLAIN_ENTITY_QUERY, 0))
sendEarly('loadViews', { table: 'entities' })
sendEarly('appInfo', {})
