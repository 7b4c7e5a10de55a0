import { spawn } from 'node:child_process'
import readline from 'node:readline'
const out = []
for (let i = 0; i < +process.argv[3]; i++) {
  const t0 = performance.now()
  const child = spawn(process.execPath, ['out/main/cli.js', 'serve', '--port', '0'], { env: { ...process.env, SANCTIONS_BRIEFING_DB: process.argv[2] }, stdio: ['ignore', 'pipe', 'ignore'] })
  await new Promise((r) => readline.createInterface({ input: child.stdout }).once('line', r))
  out.push(Math.round(performance.now() - t0))
  child.kill(); await new Promise((r) => child.once('exit', r))
}
out.sort((a, b) => a - b); console.log('median', out[out.length >> 1], JSON.stringify(out))
