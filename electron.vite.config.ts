import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'
import type { Plugin } from 'vite'

/**
 * Puts the built `entry` chunk's script before the app's in index.html. Module scripts run in the order
 * they appear, each once it has arrived: the few-kilobyte script that sends the first view's requests
 * (early-first-page.ts) then runs while the app's 300 KB are still arriving and being compiled, and the
 * host answers meanwhile. Without it, they left only once the whole app had been compiled. The app imports
 * the same module, which runs once; in development (no bundle) the app's import sends them.
 */
function earlyRequestsFirst(entry: string): Plugin {
  return {
    name: 'early-requests-first',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const chunk = Object.values(context.bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.isEntry && output.name === entry,
        )
        if (!chunk) return html
        const tag = `<script type="module" crossorigin src="./${chunk.fileName}"></script>`
        const app = html.indexOf('<script type="module"')
        if (app < 0) throw new Error('index.html has no module script to put the early requests before.')
        return `${html.slice(0, app)}${tag}\n    ${html.slice(app)}`
      },
    },
  }
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Bundled rather than loaded from node_modules: zod is some ninety ES modules, each resolved and
      // compiled on its own at every start of the host (and of the command line). The map's data are
      // JSON files, which Node would import only with an import attribute: bundled, they are inlined.
      externalizeDeps: { exclude: ['zod', 'commander', 'world-atlas', 'i18n-iso-countries'] },
      rollupOptions: {
        // The desktop main process and the command line share services; only index.js imports electron.
        input: {
          index: resolve(import.meta.dirname, 'src/main/electron/main.ts'),
          cli: resolve(import.meta.dirname, 'src/main/cli/main.ts'),
          bench: resolve(import.meta.dirname, 'bench/run-bench.ts'),
          // Built beside them: prepareEntityIndex starts it as a worker thread from this folder.
          'entity-index-worker': resolve(import.meta.dirname, 'src/main/store/entity-index-worker.ts'),
          // Built beside them: a long-running host builds the fuzzy name index in this worker thread.
          'fuzzy-index-worker': resolve(import.meta.dirname, 'src/main/store/fuzzy-index-worker.ts'),
          // Built beside them: the command line prints briefings from this worker thread (WorkerPrinter).
          'print-worker': resolve(import.meta.dirname, 'src/main/briefing/print-worker.ts'),
          // Built beside them: a long-running host checks the store's integrity from this worker thread.
          'integrity-worker': resolve(import.meta.dirname, 'src/main/store/integrity-worker.ts'),
          // Built beside them: a large import computes its entities' index texts in this worker thread.
          'entity-texts-worker': resolve(import.meta.dirname, 'src/main/store/entity-texts-worker.ts'),
          // Built beside them: after an import, a host copies the write-ahead log from this worker thread.
          'checkpoint-worker': resolve(import.meta.dirname, 'src/main/store/checkpoint-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        // A sandboxed preload cannot load ES modules: ship one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      // ES2021 lowers class private fields (pdf.js uses them), which electronegativity's parser cannot
      // read; the security gate must be able to parse every file of the build.
      target: 'es2021',
      // Minified: the first view waits for the page's scripts to be fetched, parsed and compiled.
      minify: true,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/renderer/index.html'),
          // Its own small script, run as soon as it arrives (see earlyRequestsFirst).
          early: resolve(import.meta.dirname, 'src/renderer/src/api/early-first-page.ts'),
        },
      },
    },
    plugins: [react(), earlyRequestsFirst('early')],
  },
})
