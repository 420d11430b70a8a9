export type SealedSecretProblem = 'malformed' | 'unsupported-version' | 'wrong-key-or-tampered';

/** A sealed secret could not be opened; the message never contains the secret or the key. */
export class SealedSecretError extends Error {
  override readonly name = 'SealedSecretError';

  constructor(readonly problem: SealedSecretProblem, message: string) {
    super(message);
  }
}
