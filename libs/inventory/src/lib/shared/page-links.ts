/** What page links need from the request: Fastify's protocol, host (with port) and raw URL. */
export interface RequestLocation {
  protocol: string;
  host: string;
  url: string;
}

/** NetBox's `next`/`previous`: absolute URLs with the request's own query, limit and offset moved. */
export function pageLinks(request: RequestLocation, limit: number, offset: number, count: number): { next: string | null; previous: string | null } {
  const at = (newOffset: number): string => {
    const url = new URL(request.url, `${request.protocol}://${request.host}`);
    url.searchParams.set('limit', String(limit));
    if (newOffset > 0) url.searchParams.set('offset', String(newOffset));
    else url.searchParams.delete('offset');
    return url.toString();
  };
  return {
    next: offset + limit < count ? at(offset + limit) : null,
    previous: offset > 0 ? at(Math.max(0, offset - limit)) : null,
  };
}
