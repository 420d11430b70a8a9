/** An SNMP exchange with one agent failed; the message says what to check. */
export class SnmpError extends Error {
  override name = 'SnmpError';

  constructor(
    message: string,
    /** `host:port` of the agent. */
    readonly target: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** No answer in time. Over v2c a wrong community looks exactly like this: agents drop such requests. */
export class SnmpTimeoutError extends SnmpError {
  override name = 'SnmpTimeoutError';
}

/** The agent refused who we are: a v3 report (unknown user, wrong digest, …) or an answer we could not decrypt. */
export class SnmpAuthError extends SnmpError {
  override name = 'SnmpAuthError';
}

/** The settings cannot work (a v3 user without keys, a key too short); nothing was sent. */
export class SnmpSettingsError extends SnmpError {
  override name = 'SnmpSettingsError';
}
