import type { SecretRecipe } from './secret-recipe';

/**
 * `netkeep-secrets`, which every netkeep pod reads and k8s/ never contains. Hex passwords need no
 * escaping inside database-url; the tokens look like the ones netkeep generates itself.
 */
export const NETKEEP_SECRETS: SecretRecipe = {
  name: 'netkeep-secrets',
  labels: { 'app.kubernetes.io/part-of': 'netkeep' },
  keys: {
    'postgres-password': { random: 'hex', bytes: 24 },
    'database-url': { template: 'postgres://netkeep:{postgres-password}@postgresql:5432/netkeep' },
    'secret-key': { random: 'base64', bytes: 32 },
    'admin-token': { random: 'base64url', bytes: 32, prefix: 'nk_' },
    'service-token': { random: 'base64url', bytes: 32, prefix: 'nk_svc_' },
  },
};
