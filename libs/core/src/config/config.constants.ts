/** Injection token of the validated `NetkeepConfig`. */
export const CONFIG = Symbol('NETKEEP_CONFIG');
