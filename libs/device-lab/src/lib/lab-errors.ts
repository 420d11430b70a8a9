/** Options or input a person must fix: the message says what and how. */
export class LabConfigError extends Error {
  override readonly name = 'LabConfigError';
}

export class UnknownDeviceError extends Error {
  override readonly name = 'UnknownDeviceError';

  constructor(readonly deviceName: string) {
    super(`no lab device named "${deviceName}"`);
  }
}
