/** Injection token of the process's pino logger (the one Fastify and Nest log through). */
export const LOGGER = Symbol('NETKEEP_LOGGER');
