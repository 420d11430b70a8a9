import type { SiteDto } from '@netkeep/contracts';
import type { StoredSite } from './sites.repository';

export function toSiteDto(row: StoredSite): SiteDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    deviceCount: row.device_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
