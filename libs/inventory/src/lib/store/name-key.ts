/** The name key that enforces case-insensitive uniqueness, computed the same way for both dialects. */
export function nameKey(name: string): string {
  return name.toLowerCase();
}
