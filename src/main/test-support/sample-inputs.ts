import type { ApiCallName } from '../../shared/api-names'

/** One valid input per contract call, for tests that exercise every route. */
export const SAMPLE_INPUTS: Record<ApiCallName, unknown> = {
  appInfo: {},
  stats: {},
  listEntities: {},
  exportEntitiesCsv: { search: '', filters: {}, sort: [] },
  queryEntities: { search: 'x', filters: { country: ['CN'] }, sort: [{ column: 'name', desc: false }] },
  getEntity: { id: 'cloudwalk' },
  listRounds: {},
  getRound: { id: 'el-2019-10-84fr54002' },
  listReactions: {},
  search: { query: 'x' },
  stageUpdate: { fileName: 'x.sbb', base64: 'AAAA' },
  previewUpdate: { uploadId: 'abcdefghijklmnopqrstuvwx' },
  applyUpdate: { uploadId: 'abcdefghijklmnopqrstuvwx', confirmed: false },
  discardUpdate: { uploadId: 'abcdefghijklmnopqrstuvwx' },
  importHistory: {},
  undoLastImport: {},
  listTrustedKeys: {},
  addTrustedKey: { keyFile: '{}' },
  removeTrustedKey: { fingerprint: 'ab' },
  openSourceLink: { url: 'https://example.org/' },
}
