export { startOpenSshServer, type OpenSshServer, type OpenSshServerOptions } from './lib/openssh-server';
export { startSnmpdAgent, type SnmpdAgent, type SnmpdAgentOptions } from './lib/snmpd-agent';
export { startLabProcess, type LabProcess } from './lib/lab-process';
export { startPrivateRedis, type PrivateRedis } from './lib/private-redis';
export {
  startFakeKubeApiServer,
  type FakeKubeApiServer,
  type FakeKubeApiServerOptions,
  type RecordedKubeRequest,
} from './lib/fake-kube-api/fake-kube-api-server';
export type { FakeRolloutBehaviour } from './lib/fake-kube-api/fake-kube-rollouts';
export type { FakeKubeObject } from './lib/fake-kube-api/fake-kube-store';
export { startFakeOciRegistry, type FakeOciRegistry, type FakeOciRegistryOptions, type RecordedRegistryRequest } from './lib/fake-oci-registry/fake-oci-registry';
export type { FakeOciManifest } from './lib/fake-oci-registry/fake-oci-registry-store';
export { buildScratchOciArchive, type ScratchOciArchiveOptions } from './lib/fake-oci-registry/scratch-oci-archive';
export {
  LabInventoryPort,
  type LabInventoryPortOptions,
  type LabInventoryRecord,
  type LabSnmpMode,
} from './lib/lab-inventory/lab-inventory-port';
