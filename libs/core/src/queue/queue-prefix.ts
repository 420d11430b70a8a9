/**
 * BullMQ's key prefix under NETKEEP_REDIS_PREFIX: `netkeep:` → `netkeep:queue`, so queue keys
 * (`netkeep:queue:backup:wait`) never meet a domain's own keys (`netkeep:backup:lock:…`).
 */
export function queuePrefix(redisPrefix: string): string {
  return `${redisPrefix}queue`;
}
