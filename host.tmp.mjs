import { spawn } from 'node:child_process'
import readline from 'node:readline'
const t0 = performance.now()
const child = spawn(process.execPath, ['out/main/cli.js', 'serve', '--port', '0'], { env: { ...process.env, SANCTIONS_BRIEFING_DB: process.argv[2] }, stdio: ['ignore', 'pipe', 'ignore'] })
const url = await new Promise((r) => readline.createInterface({ input: child.stdout }).once('line', r))
const t1 = performance.now()
const base = url.replace(/#.*$/, '').replace(/\/$/, ''); const token = url.replace(/^.*#token=/, '')
const call = async (name, body) => { const s = performance.now(); const r = await fetch(`${base}/rpc/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(body) }); const j = await r.text(); return [name, r.status, Math.round(performance.now() - s), j.length] }
const html = performance.now(); await fetch(base + '/'); const h = Math.round(performance.now() - html)
const q = { search: '', minScore: 100, filters: {}, sort: [], offset: 0, limit: 50, facets: true }
const res = await Promise.all([call('queryEntities', q), call('loadViews', { table: 'entities' }), call('appInfo', {})])
console.log('url after', Math.round(t1 - t0), 'html', h, JSON.stringify(res))
console.log('again', JSON.stringify(await call('queryEntities', q)))
child.kill()
