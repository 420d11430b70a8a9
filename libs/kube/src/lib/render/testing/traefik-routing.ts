import type { KubeObject } from '../../api/kube-object';

interface IngressPath {
  path: string;
  pathType: 'Prefix' | 'Exact' | 'ImplementationSpecific';
  backend: { service: { name: string } };
}

interface TraefikRouter {
  rule: string;
  priority: number;
  matches: (path: string) => boolean;
  service: string;
}

const PATH_MATCHER_ANNOTATION = 'traefik.ingress.kubernetes.io/router.pathmatcher';

/**
 * How Traefik's Kubernetes Ingress provider turns an Ingress into routers: Prefix paths become
 * PathPrefix, Exact paths Path, ImplementationSpecific paths the annotation's matcher; a router's
 * priority is the length of its rule, and the highest priority that matches wins.
 */
export function traefikRoutersOf(ingress: KubeObject): TraefikRouter[] {
  const matcher = ingress.metadata.annotations?.[PATH_MATCHER_ANNOTATION] ?? 'PathPrefix';
  const rules = (ingress['spec'] as { rules: { host?: string; http: { paths: IngressPath[] } }[] }).rules;
  return rules.flatMap((rule) =>
    rule.http.paths.map((path) => {
      const kind = path.pathType === 'Prefix' ? 'PathPrefix' : path.pathType === 'Exact' ? 'Path' : matcher;
      const text = `${kind}(\`${path.path}\`)`;
      return { rule: text, priority: text.length, matches: pathMatcher(kind, path.path), service: path.backend.service.name };
    }),
  );
}

function pathMatcher(kind: string, value: string): (path: string) => boolean {
  switch (kind) {
    case 'PathPrefix':
      return (path) => path.startsWith(value);
    case 'Path':
      return (path) => path === value;
    case 'PathRegexp': {
      // Go's RE2 and JavaScript agree on the classes, groups and anchors the ingress uses.
      const regex = new RegExp(value);
      return (path) => regex.test(path);
    }
    default:
      throw new Error(`unknown Traefik path matcher ${kind}`);
  }
}

/** The Service Traefik sends `path` to, or undefined when no router matches (a 404 from Traefik). */
export function routeOf(routers: readonly TraefikRouter[], path: string): string | undefined {
  const matching = routers.filter((router) => router.matches(path)).sort((a, b) => b.priority - a.priority);
  return matching[0]?.service;
}
