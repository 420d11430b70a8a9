import type { FakeKubeStore } from './fake-kube-store';

/**
 * Publishes `addresses` in the status of every Ingress, as Traefik does on K3S once ServiceLB
 * has given its LoadBalancer service the nodes' addresses. Returns a function that stops it.
 */
export function publishIngressAddresses(store: FakeKubeStore, addresses: readonly string[]): () => void {
  const timers = new Set<NodeJS.Timeout>();
  const loadBalancer = { ingress: addresses.map((address) => (/^[\d.:]+$/.test(address) ? { ip: address } : { hostname: address })) };
  store.changes.on('change', (type, resource, object) => {
    if (type === 'DELETED' || resource.kind !== 'Ingress' || !addresses.length) return;
    // After the write that triggered it, as a controller would: watchers see ADDED before MODIFIED.
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (store.get(resource, object.metadata.namespace, object.metadata.name)) {
        store.writeStatus(resource, object.metadata.namespace, object.metadata.name, { loadBalancer });
      }
    }, 0);
    timers.add(timer);
  });
  return () => timers.forEach((timer) => clearTimeout(timer));
}
