/** Injection token of the domain's TelemetryConfig. */
export const TELEMETRY_CONFIG = Symbol('NETKEEP_TELEMETRY_CONFIG');

/** The BullMQ queue every poll runs on: one job scheduler per device, plus polls asked for through the API. */
export const TELEMETRY_POLL_QUEUE = 'telemetry-poll';
