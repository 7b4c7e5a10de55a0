import { openStore } from './src/main/store/open-store'
import { plainFirstPage } from './src/main/store/entity-first-page'
const store = openStore('/tmp/k100.sqlite')
const q = { search: '', minScore: 100, filters: {}, sort: [], offset: 0, limit: 50, facets: true } as never
for (let i = 0; i < 3; i++) { const t = performance.now(); const p = plainFirstPage(store.db, q); console.log('plainFirstPage', (performance.now() - t).toFixed(1), p.rows.length) }
store.close()
