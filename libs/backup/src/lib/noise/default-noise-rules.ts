import type { NoiseRule } from './noise-rule';

const CISCO_IOS_FAMILY = ['cisco_ios', 'cisco_xe'] as const;

/** Rules for one platform or several, with ids that say where they come from. */
function rulesFor(platforms: readonly string[], rules: readonly Omit<NoiseRule, 'platform'>[]): NoiseRule[] {
  return platforms.flatMap((platform) => rules.map((rule) => ({ ...rule, id: `default:${platform}:${rule.id}`, platform })));
}

/**
 * What every archive filters without being told. The SSH drivers already drop most of these
 * before a configuration arrives; the archive repeats the check because configurations also
 * come from imports and older collectors. `ignore` keeps a line whose text is still worth
 * reading (who changed the device last) but must not make a change on its own.
 */
export const DEFAULT_NOISE_RULES: readonly NoiseRule[] = Object.freeze([
  {
    id: 'default:any:uptime',
    platform: null,
    pattern: '\\b(?:uptime is|System Up ?Time)\\b',
    action: 'ignore',
    description: 'uptime grows on every read',
  },
  ...rulesFor(CISCO_IOS_FAMILY, [
    { id: 'building', pattern: '^Building configuration\\.\\.\\.$', action: 'drop', description: 'progress message' },
    { id: 'current-size', pattern: '^Current configuration ?: \\d+ bytes$', action: 'drop', description: 'size changes with any volatile line' },
    { id: 'ntp-clock-period', pattern: '^\\s*ntp clock-period \\d+$', action: 'drop', description: 'NTP drift correction, rewritten by the clock' },
    { id: 'last-change', pattern: '^! Last configuration change at ', action: 'ignore', description: 'keeps who changed it last' },
    { id: 'nvram-updated', pattern: '^! NVRAM config last updated at ', action: 'ignore', description: 'moves whenever anyone saves' },
    { id: 'no-change-since-restart', pattern: '^! No configuration change since last restart', action: 'ignore' },
  ]),
  ...rulesFor(['cisco_nxos'], [
    { id: 'time', pattern: '^!Time: ', action: 'drop', description: 'the time of the read' },
    { id: 'last-done', pattern: '^!Running configuration last done at: ', action: 'ignore' },
  ]),
  ...rulesFor(['cisco_xr'], [
    {
      id: 'command-timestamp',
      pattern: '^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\\d+ \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)? \\S+$',
      action: 'drop',
      description: 'timestamp printed before every command',
    },
    { id: 'building', pattern: '^Building configuration\\.\\.\\.$', action: 'drop' },
    { id: 'last-change', pattern: '^!! Last configuration change at ', action: 'ignore' },
  ]),
  ...rulesFor(['arista_eos'], [
    { id: 'time', pattern: '^! Time: ', action: 'drop', description: 'the time of the read' },
    { id: 'command-echo', pattern: '^! Command: ', action: 'drop' },
  ]),
  ...rulesFor(['juniper_junos'], [
    { id: 'last-commit', pattern: '^## Last commit: ', action: 'ignore', description: 'keeps who committed last' },
    { id: 'context', pattern: '^\\{(?:master|backup|primary|secondary|linecard)(?::\\w+)?\\}$', action: 'drop', description: 'chassis role banner' },
  ]),
  ...rulesFor(['mikrotik_routeros'], [
    { id: 'export-header', pattern: '^# \\S+ \\S+ by RouterOS ', action: 'ignore', description: 'export time' },
    { id: 'not-ready', pattern: '^# \\S+ not ready$', action: 'drop', description: 'transient interface state' },
    { id: 'inactive-time', pattern: '^# inactive time', action: 'drop' },
  ]),
  ...rulesFor(['huawei_vrp'], [
    {
      id: 'timestamp',
      pattern: '^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?:[+-]\\d\\d:\\d\\d)?(?: DST)?$',
      action: 'drop',
      description: 'printed before output with timestamp enable',
    },
    { id: 'last-updated', pattern: '^!Last configuration was updated at ', action: 'ignore' },
  ]),
]);
