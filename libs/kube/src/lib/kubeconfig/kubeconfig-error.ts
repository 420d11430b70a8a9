/**
 * Why a kubeconfig cannot be used, in one line a person can act on. Callers print the message
 * alone: a stack trace adds nothing when the fix is a path, a context name or a missing file.
 */
export class KubeconfigError extends Error {
  override readonly name = 'KubeconfigError';

  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' ').trim());
  }
}
