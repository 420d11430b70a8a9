/** An id from a URL, cut short for an error message (a path can be long and hostile). */
export function shortId(id: string): string {
  return JSON.stringify(id.length > 64 ? `${id.slice(0, 64)}…` : id);
}
