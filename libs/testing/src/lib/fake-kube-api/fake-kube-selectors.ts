type Requirement = (labels: Record<string, string>) => boolean;

/**
 * A label selector in the query syntax (`a=b,c!=d,e in (x,y),f notin (z),g,!h`) as a predicate,
 * enough of the API server's grammar for what clients send.
 */
export function parseLabelSelector(selector: string | undefined): (labels: Record<string, string> | undefined) => boolean {
  const requirements = splitTerms(selector).map(parseRequirement);
  return (labels) => requirements.every((requirement) => requirement(labels ?? {}));
}

/** A field selector (`metadata.name=x,involvedObject.kind=Pod,type!=Normal`) as a predicate over any JSON object. */
export function parseFieldSelector(selector: string | undefined): (object: unknown) => boolean {
  const terms = splitTerms(selector).map((term) => {
    const match = /^([^!=]+)(!=|==|=)(.*)$/.exec(term);
    if (!match) throw new Error(`unsupported field selector term "${term}"`);
    const [, path, operator, value] = match as unknown as [string, string, string, string];
    return (object: unknown) => {
      const actual = String(path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], object) ?? '');
      return operator === '!=' ? actual !== value : actual === value;
    };
  });
  return (object) => terms.every((term) => term(object));
}

function splitTerms(selector: string | undefined): string[] {
  if (!selector) return [];
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      terms.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  if (current.trim()) terms.push(current.trim());
  return terms.filter(Boolean);
}

function parseRequirement(term: string): Requirement {
  const set = /^(\S+)\s+(in|notin)\s+\((.*)\)$/.exec(term);
  if (set) {
    const [, key, operator, list] = set as unknown as [string, string, string, string];
    const values = list.split(',').map((value) => value.trim());
    return operator === 'in' ? (labels) => values.includes(labels[key] as string) : (labels) => !values.includes(labels[key] as string);
  }
  const comparison = /^([^!=]+)(!=|==|=)(.*)$/.exec(term);
  if (comparison) {
    const [, key, operator, value] = comparison as unknown as [string, string, string, string];
    return operator === '!=' ? (labels) => labels[key.trim()] !== value.trim() : (labels) => labels[key.trim()] === value.trim();
  }
  if (term.startsWith('!')) return (labels) => !(term.slice(1) in labels);
  return (labels) => term in labels;
}
