import 'reflect-metadata';
import { runNetkeepProcess } from '@netkeep/core';
import { InventoryServiceModule } from './inventory-service.module';

void runNetkeepProcess({ mode: 'service', title: 'netkeep inventory', module: (config) => InventoryServiceModule.register(config) });
