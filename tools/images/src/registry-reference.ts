/**
 * Docker's rule for the first component of a reference: with a dot or a port, or `localhost`, it
 * names a registry; anything else would silently mean Docker Hub.
 */
const REGISTRY_HOST = /^(?:(?:localhost|\[[0-9A-Fa-f:]+\]|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?::\d+)?|[A-Za-z0-9-]+:\d+)$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/**
 * `<registry>/<repository>` for a registry given as `host[:port][/path]`, checked before anything
 * is built: a scheme, an uppercase path or a bare name fail here with the form that is expected.
 */
export function registryRepository(registry: string, repository: string): string {
  if (/^[a-z]+:\/\//i.test(registry)) {
    throw new Error(`the registry "${registry}" is host[:port][/path] without a scheme (plain HTTP: --insecure-registry)`);
  }
  const [host = '', ...path] = registry.replace(/\/+$/, '').split('/');
  if (!REGISTRY_HOST.test(host) || !path.every((component) => PATH_COMPONENT.test(component))) {
    throw new Error(`the registry "${registry}" is not host[:port][/path] (e.g. registry.example.net:5000/team, localhost:5000)`);
  }
  return [host, ...path, repository].join('/');
}

/** The registry host of `host[:port][/path]/repository:tag`, the reference a push needs. */
export function registryHostOf(reference: string): string {
  const [host = '', ...path] = reference.split('/');
  const [last = '', tag, ...rest] = path.pop()?.split(':') ?? [];
  const isReference = REGISTRY_HOST.test(host) && [...path, last].every((component) => PATH_COMPONENT.test(component)) && tag !== undefined && TAG.test(tag) && !rest.length;
  if (!isReference) throw new Error(`"${reference}" is not host[:port][/path]/repository:tag: a push needs the registry and the tag named`);
  return host;
}

/** The tag of a reference (`localhost/netkeep/inventory:0.1.0-3f2a…` → `0.1.0-3f2a…`). */
export function referenceTag(reference: string): string {
  const lastComponent = reference.slice(reference.lastIndexOf('/') + 1);
  const tag = lastComponent.includes(':') ? lastComponent.slice(lastComponent.indexOf(':') + 1) : '';
  if (!TAG.test(tag)) throw new Error(`"${reference}" has no tag`);
  return tag;
}
