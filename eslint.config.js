import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Only the IPC adapters may touch Electron's IPC objects; everything else goes through the contract. */
const IPC_ADAPTERS = ['src/main/electron/ipc.ts', 'src/preload/index.ts', 'src/main/electron/main.ts']

const ELECTRON_ONLY_IN_SHELL = {
  name: 'electron',
  message: 'Only src/main/electron and src/preload may import electron.',
}
const IPC_ONLY_IN_ADAPTERS = [
  { selector: "Identifier[name='ipcMain']", message: 'Register IPC only in src/main/electron/ipc.ts.' },
  { selector: "Identifier[name='ipcRenderer']", message: 'Use IPC only in src/preload/index.ts.' },
]

export default tseslint.config(
  {
    ignores: ['out/**', 'node_modules/**', 'dist/**', 'build/**', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Electron lives only in the shell and the preload: everything else must run without it.
      'no-restricted-imports': ['error', { paths: [ELECTRON_ONLY_IN_SHELL] }],
      'no-restricted-syntax': ['error', ...IPC_ONLY_IN_ADAPTERS],
    },
  },
  {
    // The store is the only place with SQL: elsewhere, ask one of its query functions.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/store/**', 'src/main/**/*.test.ts', 'src/main/test-support/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ELECTRON_ONLY_IN_SHELL,
            {
              name: 'better-sqlite3',
              allowTypeImports: true,
              message: 'Only src/main/store opens or queries the database.',
            },
          ],
          patterns: [
            {
              group: ['**/store/statement-cache'],
              message: 'Prepared statements belong to src/main/store; add a query function there.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...IPC_ONLY_IN_ADAPTERS,
        {
          selector: "CallExpression[callee.property.name='prepare']",
          message: 'SQL lives in src/main/store: add a query function there.',
        },
        // Outside the store the connection is a token handed to store functions, never used itself.
        ...['db', 'database'].flatMap((name) => [
          {
            selector: `CallExpression[callee.object.name='${name}']`,
            message: "The database connection is the store's: call a function of src/main/store instead.",
          },
          {
            selector: `CallExpression[callee.object.property.name='${name}']`,
            message: "The database connection is the store's: call a function of src/main/store instead.",
          },
        ]),
      ],
    },
  },
  {
    // electron-builder loads its hooks with require(): they are CommonJS on purpose.
    files: ['**/*.cjs'],
    languageOptions: { globals: { ...globals.commonjs } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/main/electron/**/*.ts', 'src/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: IPC_ADAPTERS,
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'child_process', 'better-sqlite3'],
              message: 'The renderer has no Node.',
            },
            {
              group: ['**/main/**'],
              message: 'The renderer talks to the main process only through the contract.',
            },
          ],
          paths: [
            { name: 'electron', message: 'The renderer has no Electron access; use the typed client.' },
          ],
        },
      ],
    },
  },
)
