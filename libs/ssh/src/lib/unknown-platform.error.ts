/** A device names a platform no driver answers to, by name or alias. */
export class UnknownPlatformError extends Error {
  constructor(
    readonly requested: string,
    readonly knownNames: readonly string[],
  ) {
    super(`unknown platform "${requested}"; known platforms: ${knownNames.join(', ')}`);
    this.name = 'UnknownPlatformError';
  }
}
