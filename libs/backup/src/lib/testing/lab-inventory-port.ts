// Kept for the importers not yet moved to @netkeep/testing (jobs/ specs, lab-backup-worker.main.ts,
// test/bench/backup.bench.ts through the index); delete once they import it from there.
// eslint-disable-next-line @nx/enforce-module-boundaries -- test support only; production bundles tree-shake it away
export { LabInventoryPort, type LabInventoryPortOptions, type LabInventoryRecord } from '@netkeep/testing';
