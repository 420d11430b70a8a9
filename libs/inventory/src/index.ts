export { InventoryModule, inventoryDomain } from './lib/inventory.module';
export { inventoryMigrations } from './lib/inventory.migrations';
export { InProcessInventoryPort } from './lib/port/in-process-inventory.port';
export type { InventoryTables } from './lib/store/inventory.tables';
export * from './lib/port/http-inventory.client';
export { INVENTORY_OVER_HTTP } from './lib/port/http-inventory.binding';
