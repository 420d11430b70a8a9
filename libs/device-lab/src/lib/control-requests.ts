import { LAB_FAULT_NAMES, isLabFault, type LabFault } from './lab-faults';
import { MAX_SNMP_DELAY_MS, type ConfigChange, type LabSnmpBehaviour, type LinkState } from './lab-fleet';

/** Input the control endpoint refuses with 400; the message says what to send instead. */
export class BadControlRequest extends Error {
  override readonly name = 'BadControlRequest';
}

export function parseConfigChange(body: unknown): ConfigChange {
  const { addLines, descriptions, by, ...unknown } = asObject(body, '{"addLines": [...], "descriptions": {...}, "by": "..."}');
  rejectUnknownFields(unknown);
  if (addLines !== undefined && !(Array.isArray(addLines) && addLines.every((line) => typeof line === 'string'))) {
    throw new BadControlRequest('"addLines" must be an array of strings');
  }
  if ((addLines as string[] | undefined)?.some((line) => /[\r\n]/.test(line))) {
    throw new BadControlRequest('"addLines" entries are single lines: no line breaks');
  }
  if (descriptions !== undefined) {
    const entries = Object.values(asObject(descriptions, '"descriptions": {"<interface>": "<text>"}'));
    if (!entries.every((text) => typeof text === 'string' && !/[\r\n]/.test(text))) {
      throw new BadControlRequest('"descriptions" values must be single-line strings');
    }
  }
  if (by !== undefined && (typeof by !== 'string' || by.trim() === '')) {
    throw new BadControlRequest('"by" must be a non-empty string');
  }
  if (addLines === undefined && descriptions === undefined) {
    throw new BadControlRequest('a change needs "addLines" or "descriptions"');
  }
  return {
    addLines: addLines as string[] | undefined,
    descriptions: descriptions as Record<string, string> | undefined,
    by: by as string | undefined,
  };
}

export function parseFaults(body: unknown): LabFault[] {
  const { faults, ...unknown } = asObject(body, '{"faults": [...]}');
  rejectUnknownFields(unknown);
  if (!Array.isArray(faults)) throw new BadControlRequest('"faults" must be an array of fault names');
  const invalid = faults.filter((fault) => !isLabFault(fault));
  if (invalid.length > 0) {
    throw new BadControlRequest(`unknown fault(s) ${invalid.map(String).join(', ')}; known: ${LAB_FAULT_NAMES.join(', ')}`);
  }
  return faults as LabFault[];
}

/** `{"state": "down"}` takes a link down, `{"state": "up"}` brings it back. */
export function parseLinkState(body: unknown): LinkState {
  const { state, ...unknown } = asObject(body, '{"state": "down"}');
  rejectUnknownFields(unknown);
  if (state !== 'up' && state !== 'down') throw new BadControlRequest('"state" must be "up" or "down"');
  return state;
}

/** `{"silent": true}` drops every SNMP request; `{"delayMs": 300}` answers late; `{"silent": false, "delayMs": 0}` is normal. */
export function parseSnmpBehaviour(body: unknown): Partial<LabSnmpBehaviour> {
  const { silent, delayMs, ...unknown } = asObject(body, '{"silent": false, "delayMs": 300}');
  rejectUnknownFields(unknown);
  if (silent !== undefined && typeof silent !== 'boolean') throw new BadControlRequest('"silent" must be true or false');
  if (delayMs !== undefined && !(Number.isInteger(delayMs) && (delayMs as number) >= 0 && (delayMs as number) <= MAX_SNMP_DELAY_MS)) {
    throw new BadControlRequest(`"delayMs" must be a whole number of milliseconds from 0 to ${MAX_SNMP_DELAY_MS}`);
  }
  if (silent === undefined && delayMs === undefined) throw new BadControlRequest('an SNMP change needs "silent" or "delayMs"');
  return { ...(silent === undefined ? {} : { silent }), ...(delayMs === undefined ? {} : { delayMs: delayMs as number }) };
}

/** `{"now": ISO}` freezes the lab clock; `{"now": null}` returns to real time. */
export function parseClock(body: unknown): Date | undefined {
  const { now, ...unknown } = asObject(body, '{"now": "2025-06-01T12:00:00Z"}');
  rejectUnknownFields(unknown);
  if (now === null) return undefined;
  const date = typeof now === 'string' ? new Date(now) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new BadControlRequest('"now" must be an ISO 8601 date-time, or null for real time');
  }
  return date;
}

function asObject(value: unknown, example: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadControlRequest(`expected a JSON object like ${example}`);
  }
  return value as Record<string, unknown>;
}

function rejectUnknownFields(unknown: Record<string, unknown>): void {
  const names = Object.keys(unknown);
  if (names.length > 0) throw new BadControlRequest(`unknown field(s) ${names.join(', ')}`);
}
