/** A kustomization the renderer cannot render: the message names the file and what to change. */
export class KustomizationError extends Error {
  override readonly name = 'KustomizationError';
}
