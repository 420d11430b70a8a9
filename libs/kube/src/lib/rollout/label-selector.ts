interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** A workload's `spec.selector` in the query-string syntax the list and watch endpoints take. */
export function labelSelectorQuery(selector: LabelSelector | undefined): string | undefined {
  if (!selector) return undefined;
  const terms = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => `${key}=${value}`);
  for (const requirement of selector.matchExpressions ?? []) {
    const values = (requirement.values ?? []).join(',');
    if (requirement.operator === 'In') terms.push(`${requirement.key} in (${values})`);
    if (requirement.operator === 'NotIn') terms.push(`${requirement.key} notin (${values})`);
    if (requirement.operator === 'Exists') terms.push(requirement.key);
    if (requirement.operator === 'DoesNotExist') terms.push(`!${requirement.key}`);
  }
  return terms.length ? terms.join(',') : undefined;
}
