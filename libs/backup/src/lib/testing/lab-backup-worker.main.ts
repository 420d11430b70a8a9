/**
 * A backup worker process for the crash-safety and scale-out specs: SSH workers only
 * (NETKEEP_BACKUP_ROLE=worker), the inventory answered from the lab inventory file named by
 * NETKEEP_LAB_INVENTORY. Start with `node -r @swc-node/register <this file>`.
 */
import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { mountDomains, runNetkeepProcess, type NetkeepConfig } from '@netkeep/core';
import { createBackupDomain } from '../backup.module';
import { LabInventoryPort } from '@netkeep/testing';

@Module({})
class LabBackupWorkerModule {
  static register(config: NetkeepConfig): DynamicModule {
    const inventoryFile = process.env['NETKEEP_LAB_INVENTORY'];
    if (!inventoryFile) throw new Error('NETKEEP_LAB_INVENTORY must name a device lab inventory file');
    const inventory = LabInventoryPort.fromFile(inventoryFile);
    return { module: LabBackupWorkerModule, imports: mountDomains(config, [createBackupDomain({ inventory: { useValue: inventory } })]) };
  }
}

// Started by a spec with an IPC channel: when the spec's process goes, so does this one.
if (process.send) process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));

void runNetkeepProcess({ mode: 'service', title: 'netkeep lab backup worker', module: (config) => LabBackupWorkerModule.register(config) });
