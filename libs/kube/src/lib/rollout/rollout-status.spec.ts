import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/kube-object';
import { rolloutStatus } from './rollout-status';

function deployment(generation: number, spec: object, status: object): KubeObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'inventory', generation }, spec, status };
}

function statefulSet(generation: number, spec: object, status: object): KubeObject {
  return { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'redis', generation }, spec, status };
}

describe('rolloutStatus of a Deployment', () => {
  it('waits until the controller has seen the new generation', () => {
    expect(rolloutStatus(deployment(3, { replicas: 1 }, { observedGeneration: 2, updatedReplicas: 1, replicas: 1, availableReplicas: 1 }))).toEqual({
      phase: 'progressing',
      message: 'waiting for the controller to observe the new generation',
    });
  });

  it('waits for new replicas, then for old ones to go, then for availability', () => {
    expect(rolloutStatus(deployment(2, { replicas: 2 }, { observedGeneration: 2, updatedReplicas: 1, replicas: 3 })).message).toBe('1 of 2 new replicas have been updated');
    expect(rolloutStatus(deployment(2, { replicas: 2 }, { observedGeneration: 2, updatedReplicas: 2, replicas: 3 })).message).toBe('1 old replicas are pending termination');
    expect(rolloutStatus(deployment(2, { replicas: 2 }, { observedGeneration: 2, updatedReplicas: 2, replicas: 2, availableReplicas: 1 })).message).toBe(
      '1 of 2 updated replicas are available',
    );
  });

  it('completes when every replica is new and available; one replica when the spec says none', () => {
    expect(rolloutStatus(deployment(2, {}, { observedGeneration: 2, updatedReplicas: 1, replicas: 1, availableReplicas: 1 }))).toEqual({
      phase: 'complete',
      message: '1 of 1 replicas available',
    });
  });

  it('fails once the progress deadline is exceeded', () => {
    const status = { observedGeneration: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "inventory-5d9" has timed out progressing.' }] };
    expect(rolloutStatus(deployment(1, { replicas: 1 }, status))).toEqual({
      phase: 'failed',
      message: 'exceeded its progress deadline: ReplicaSet "inventory-5d9" has timed out progressing.',
    });
  });
});

describe('rolloutStatus of a StatefulSet', () => {
  it('waits for ready pods, then for every pod to run the update revision', () => {
    expect(rolloutStatus(statefulSet(1, { replicas: 1 }, { observedGeneration: 1, readyReplicas: 0 })).message).toBe('0 of 1 pods are ready');
    expect(rolloutStatus(statefulSet(2, { replicas: 1 }, { observedGeneration: 2, readyReplicas: 1, updatedReplicas: 0, currentRevision: 'redis-a', updateRevision: 'redis-b' })).message).toBe(
      '0 of 1 pods run revision redis-b',
    );
    expect(rolloutStatus(statefulSet(2, { replicas: 1 }, { observedGeneration: 2, readyReplicas: 1, currentRevision: 'redis-b', updateRevision: 'redis-b' })).phase).toBe('complete');
  });

  it('counts a partitioned rollout done when the pods above the partition are updated', () => {
    const spec = { replicas: 3, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } };
    expect(rolloutStatus(statefulSet(2, spec, { observedGeneration: 2, readyReplicas: 3, updatedReplicas: 1, currentRevision: 'a', updateRevision: 'b' })).phase).toBe('complete');
  });
});
