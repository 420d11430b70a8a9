import type { RemoveRequest, StoreRequest, StoreResult } from './config-version';
import type { PendingWrite } from '../shared/group-commit';

/** A `store` call waiting for its batch. */
export interface StoreWrite extends PendingWrite {
  kind: 'store';
  request: StoreRequest;
  done(result: StoreResult): void;
}

/** A `remove` call waiting for its batch. */
export interface RemovalWrite extends PendingWrite {
  kind: 'removal';
  deviceId: string;
  request: RemoveRequest;
  done(result: { commit: string }): void;
}

export type ArchiveWrite = StoreWrite | RemovalWrite;
