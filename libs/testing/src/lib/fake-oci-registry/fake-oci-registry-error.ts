/** A Distribution API error: the status, and the `errors` body clients print (`BLOB_UNKNOWN`, `DIGEST_INVALID` …). */
export class FakeOciRegistryError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'FakeOciRegistryError';
  }

  toBody(): { errors: { code: string; message: string }[] } {
    return { errors: [{ code: this.code, message: this.message }] };
  }
}
