/** Worker thread: copies the store's write-ahead log into its file. See checkpointInBackground. */
import { workerData } from 'node:worker_threads'
import { checkpointNow } from './wal-checkpoint'

const { file, nativeBinding } = workerData as { file: string; nativeBinding?: string }
checkpointNow(file, nativeBinding)
