import type { InventoryPortBinding } from '@netkeep/backup';

/**
 * The InventoryPort this service uses: the inventory service over HTTP with the service token,
 * i.e. `@netkeep/inventory`'s HttpInventoryClient with a base URL from the environment
 * (`{ useFactory: (config) => new HttpInventoryClient({ baseUrl, serviceToken: config.serviceToken }), inject: [CONFIG] }`).
 * Not wired yet (the variable naming the inventory's URL is still to be chosen): until it is,
 * the service refuses to start with a message saying so.
 */
export const INVENTORY_OVER_HTTP: InventoryPortBinding | undefined = undefined;
