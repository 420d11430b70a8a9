import { ValidationFailedError, type FieldError } from '@netkeep/core';
import { gitIdentityPart } from './commit-message';
import type { ConfigAuthor, StoreRequest } from './config-version';
import type { GitSignature } from './git-config-repository';

/** The committer of every commit, and the author when no operator is known. */
export const NETKEEP_IDENTITY = { name: 'netkeep', email: 'netkeep@localhost' };

const ID_MAX_LENGTH = 200;
const TEXT_FIELD_MAX_LENGTH = 500;

/** Bad input is a 400 that changes nothing: checked before the archive takes its lock. */
export function validateStoreRequest(request: StoreRequest): void {
  const problems: FieldError[] = [];
  const required = (field: keyof StoreRequest, max: number) => {
    const value = request[field];
    if (typeof value !== 'string' || value.trim() === '') problems.push({ field, problems: [`${field} is required`] });
    else if (value.length > max) problems.push({ field, problems: [`${field} must be at most ${max} characters`] });
  };
  required('deviceId', ID_MAX_LENGTH);
  required('deviceName', TEXT_FIELD_MAX_LENGTH);
  required('platform', ID_MAX_LENGTH);
  required('trigger', ID_MAX_LENGTH);
  if (typeof request.content !== 'string' || request.content.trim() === '') {
    problems.push({ field: 'content', problems: ['content is empty: an empty fetch is a failed backup, not a configuration'] });
  }
  if (request.runId !== undefined && request.runId !== null && String(request.runId).length > ID_MAX_LENGTH) {
    problems.push({ field: 'runId', problems: [`runId must be at most ${ID_MAX_LENGTH} characters`] });
  }
  if (request.at !== undefined && Number.isNaN(request.at.getTime())) problems.push({ field: 'at', problems: ['at must be a valid date'] });
  if (problems.length > 0) throw new ValidationFailedError(problems);
}

export function authorSignature(author: ConfigAuthor | null | undefined, at: Date): GitSignature {
  const name = author?.name ? gitIdentityPart(author.name) : '';
  if (!name) return { ...NETKEEP_IDENTITY, at };
  const email = author?.email ? gitIdentityPart(author.email) : '';
  return { name, email: email || NETKEEP_IDENTITY.email, at };
}

/** Git keeps whole seconds; the index keeps the same time, so both say the same thing. */
export function secondsOf(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
