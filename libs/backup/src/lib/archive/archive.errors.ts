import { ConflictError } from '@netkeep/core';

/**
 * The branch moved under the archive: another process wrote to the repository. The archive
 * has one writer by design; the next store reconciles the index with what git now holds.
 */
export class ArchiveHeadMovedError extends ConflictError {
  constructor(
    readonly expected: string | undefined,
    readonly found: string | undefined,
  ) {
    super(`the archive branch moved from ${expected ?? '(empty)'} to ${found ?? '(empty)'} while committing; is a second archive writer running on this repository?`);
  }
}

/** Another process holds the branch's lock file (`refs/heads/main.lock`), as git itself would while updating it. */
export class ArchiveBranchLockedError extends ConflictError {
  constructor(readonly lockPath: string) {
    super(`${lockPath} exists: another process is writing the archive repository; if none is, the lock is removed once it is a minute old`);
  }
}

/** The repository lacks an object the index or a commit names: a damaged or foreign archive. */
export class ArchiveObjectMissingError extends Error {
  constructor(
    readonly oid: string,
    readonly expected: string,
  ) {
    super(`the archive repository has no ${expected} ${oid}`);
  }
}
