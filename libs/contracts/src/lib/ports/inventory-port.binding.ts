import type { DynamicModule, ForwardReference, InjectionToken, Type } from '@nestjs/common';
import type { InventoryPort } from './inventory.port';

type ModuleImport = Type<unknown> | DynamicModule | Promise<DynamicModule> | ForwardReference;

/**
 * How a domain module gets its InventoryPort, as a Nest provider without the token: the
 * inventory module's in-process port in the platform, an HTTP client in a cluster service,
 * a lab port in specs. `imports` are the modules the binding needs.
 */
export type InventoryPortBinding = { imports?: ModuleImport[] } & (
  | { useValue: InventoryPort }
  | { useClass: Type<InventoryPort> }
  | { useExisting: InjectionToken }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Nest factories take whatever they inject
  | { useFactory: (...args: any[]) => InventoryPort | Promise<InventoryPort>; inject?: InjectionToken[] }
);
