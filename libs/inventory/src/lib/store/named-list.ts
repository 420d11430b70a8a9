/** Paging and ordering of the small named collections (sites, credentials). */
export interface NamedListOptions {
  limit: number;
  offset: number;
  /** `name`, `-name`, `createdAt`, `-createdAt`, `updatedAt` or `-updatedAt`. */
  ordering: string;
  q?: string;
}

export function namedOrderColumn(ordering: string): { column: 'name_key' | 'created_at' | 'updated_at'; direction: 'asc' | 'desc' } {
  const descending = ordering.startsWith('-');
  const field = descending ? ordering.slice(1) : ordering;
  const column = field === 'createdAt' ? 'created_at' : field === 'updatedAt' ? 'updated_at' : 'name_key';
  return { column, direction: descending ? 'desc' : 'asc' };
}
