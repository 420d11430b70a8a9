import type { DeviceSelector } from '../api/types';

/** A device selector in words: "site dc1, tags core+edge", or "every enabled device". */
export function selectorText(selector: DeviceSelector): string {
  const parts = [
    selector.site && `site ${selector.site}`,
    selector.platform && `platform ${selector.platform}`,
    selector.role && `role ${selector.role}`,
    selector.tags?.length && `tags ${selector.tags.join('+')}`,
    selector.names?.length && `${selector.names.length} named devices`,
    selector.deviceIds?.length && `${selector.deviceIds.length} devices`,
    selector.q && `matching "${selector.q}"`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'every enabled device';
}
