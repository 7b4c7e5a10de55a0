/**
 * The names of every call the renderer may make. Kept free of imports so the sandboxed preload can
 * bundle it without pulling in zod; `contract.ts` is checked against it at compile time.
 */
export const API_CALL_NAMES = [
  'appInfo',
  'stats',
  'overview',
  'listEntities',
  'queryEntities',
  'exportEntitiesCsv',
  'getEntity',
  'listRounds',
  'getRound',
  'listReactions',
  'search',
  'stageUpdate',
  'previewUpdate',
  'applyUpdate',
  'discardUpdate',
  'importHistory',
  'queryChanges',
  'entityHistory',
  'listWatches',
  'addWatch',
  'removeWatch',
  'addReaction',
  'editReaction',
  'correctField',
  'addNote',
  'editNote',
  'deleteNote',
  'deleteReaction',
  'listLocalEdits',
  'redoLocalEdit',
  'setAuthorName',
  'publishingState',
  'createSigningKey',
  'exportPublicKey',
  'publishLocalEdits',
  'undoLastImport',
  'listTrustedKeys',
  'addTrustedKey',
  'removeTrustedKey',
  'listJudgements',
  'revokeJudgement',
  'renderBriefing',
  'exportBriefing',
  'listBriefings',
  'saveBriefing',
  'deleteBriefing',
  'loadViews',
  'saveView',
  'deleteView',
  'openSourceLink',
  'rememberView',
] as const

export type ApiCallName = (typeof API_CALL_NAMES)[number]

/**
 * The calls that only read the store: the renderer's query cache may share and keep their answers, and
 * the host answers them while its integrity check still runs.
 */
export const READ_CALL_NAMES: readonly ApiCallName[] = [
  'appInfo',
  'stats',
  'overview',
  'listEntities',
  'queryEntities',
  'getEntity',
  'listRounds',
  'getRound',
  'listReactions',
  'search',
  'loadViews',
  'importHistory',
  'queryChanges',
  'entityHistory',
  'listWatches',
  'listTrustedKeys',
  'listJudgements',
  'listBriefings',
  'listLocalEdits',
  'publishingState',
  'exportPublicKey',
]

/** The IPC channel for a call; the only place a channel name is spelled. */
export function ipcChannel(name: ApiCallName): string {
  return `briefing:${name}`
}
