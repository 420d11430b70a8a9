import { describe, expect, it } from 'vitest';
import type { LabDeviceIdentity, LabDeviceState, LabPlatform, Persona, ShellContext } from '../persona';
import type { NetworkPlan } from './network-plan';

/**
 * The contract every persona keeps, as one Vitest suite per platform. Each platform's
 * spec states what its vendor prints; the suite checks the persona prints exactly that.
 */

export const BOOTED_AT = new Date(Date.UTC(2026, 10, 10, 21, 40, 21));
export const NOW = new Date(Date.UTC(2026, 10, 27, 1, 45, 26, 123));
/** Three hours and a bit later: every clock-driven line moves, nothing else may. */
export const LATER = new Date(NOW.getTime() + 11_831_500);
export const KNOB_DESCRIPTION = 'CHANGED BY KNOB';

export function labDevice(platform: LabPlatform, index = 0): LabDeviceIdentity {
  const short = platform.split('_').pop();
  return { name: `lab-${short}-${String(index + 1).padStart(4, '0')}`, platform, index, address: `127.20.0.${index + 1}`, bootedAt: BOOTED_AT };
}

export function initialState(device: LabDeviceIdentity): LabDeviceState {
  return { addedLines: [], descriptions: {}, changedAt: new Date(device.bootedAt.getTime() + 86_400_000), changedBy: 'admin' };
}

export function shellContext(device: LabDeviceIdentity, mode: string, overrides: Partial<ShellContext> = {}): ShellContext {
  return { device, state: initialState(device), mode, pagingEnabled: true, now: NOW, username: 'netkeep', loginOptions: {}, ...overrides };
}

/** The first port of a plan facing hosts, for the knob test. */
export function hostPort(plan: NetworkPlan): { name: string; description: string } {
  const port = plan.ports.find((p) => p.role === 'downlink');
  if (!port) throw new Error('the plan has no host-facing port');
  return { name: port.name, description: port.description };
}

/** Lines only in `before` and lines only in `after`, counted as multisets. */
export function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const count = new Map<string, number>();
  for (const line of before.split('\n')) count.set(line, (count.get(line) ?? 0) + 1);
  const added: string[] = [];
  for (const line of after.split('\n')) {
    const left = count.get(line) ?? 0;
    if (left > 0) count.set(line, left - 1);
    else added.push(line);
  }
  const removed = [...count.entries()].flatMap(([line, n]) => Array<string>(n).fill(line));
  return { removed, added };
}

export interface PersonaExpectations {
  device: LabDeviceIdentity;
  /** Mode where the configuration and facts commands work (after `enable` where there is one). */
  readMode: string;
  /** The command(s) whose outputs, joined by line breaks, are the configuration. */
  configCommand: string | readonly string[];
  /** What the config command prints around `renderConfig(...).text` (Junos adds an empty line). */
  configOutput?: (text: string) => string;
  factsCommands: readonly string[];
  /** The uptime as the facts commands print it. */
  uptimeText: (uptimeSeconds: number) => string;
  /** The exact answer to `foo-bar` typed at the login prompt. */
  unknownAnswer: string;
  /** Absent where the platform has no paging command (RouterOS, Linux). */
  pagingOff?: { command: string; output: string };
  /**
   * The volatile lines by what moves them: the clock, a change (time and author), or
   * nothing (headers backup tools drop anyway, like `Building configuration...`).
   */
  volatile: { clock: number; change: number; fixed?: readonly string[] };
  /** A host-facing port and its planned description, for the knob test. */
  knobPort: { name: string; description: string };
  /** The configuration line a port description becomes. */
  descriptionLine: (description: string, port: string) => string;
  /** Lines stamped with the change time or author (or counting bytes), which the knob rewrites. */
  stampLines: number;
  /** The line an added line is placed before; `undefined` means at the very end. */
  addedBefore?: string;
  addedLine: string;
  /** Lines the first added line brings along (VRP opens a `#` section for it). */
  alsoAdded?: readonly string[];
}

export function describePersonaContract(persona: Persona, e: PersonaExpectations): void {
  const device = e.device;
  const state = initialState(device);
  const render = (s: LabDeviceState = state, now: Date = NOW) => persona.renderConfig(device, s, now);

  describe(`${persona.platform} persona contract`, () => {
    it('renders the same configuration for the same device, state and time', () => {
      expect(render().text).toBe(render({ ...state }, new Date(NOW.getTime())).text);
    });

    it('renders at least 200 lines of configuration', () => {
      expect(render().text.split('\n').length).toBeGreaterThanOrEqual(200);
    });

    it('lists volatile lines that are lines of the text', () => {
      const config = render();
      const fixed = e.volatile.fixed ?? [];
      expect(config.volatileLines).toHaveLength(e.volatile.clock + e.volatile.change + fixed.length);
      for (const line of config.volatileLines) expect(config.text.split('\n')).toContain(line);
      for (const line of fixed) expect(config.volatileLines).toContain(line);
    });

    it('changes only volatile lines, and all the clock-driven ones, when the clock moves', () => {
      const before = render();
      const after = render(state, LATER);
      const diff = lineDiff(before.text, after.text);
      expect(diff.removed.every((line) => before.volatileLines.includes(line))).toBe(true);
      expect(diff.added.every((line) => after.volatileLines.includes(line))).toBe(true);
      expect(diff.removed).toHaveLength(e.volatile.clock);
    });

    it('changes only volatile lines, and all the change stamps, when a change is stamped', () => {
      const before = render();
      const after = render({ ...state, changedAt: LATER, changedBy: 'knob-user' });
      const diff = lineDiff(before.text, after.text);
      expect(diff.removed.every((line) => before.volatileLines.includes(line))).toBe(true);
      expect(diff.added.every((line) => after.volatileLines.includes(line))).toBe(true);
      expect(diff.removed).toHaveLength(e.volatile.change);
    });

    it('prints every secret it lists', () => {
      const config = render();
      for (const secret of config.secrets) expect(config.text).toContain(secret);
    });

    it('changes exactly the added line, the description and the change stamps with the knob', () => {
      const before = render();
      const changed: LabDeviceState = {
        addedLines: [e.addedLine], descriptions: { [e.knobPort.name]: KNOB_DESCRIPTION }, changedAt: new Date(NOW.getTime() - 600_000), changedBy: 'knob-user',
      };
      const after = render(changed);
      const diff = lineDiff(before.text, after.text);
      const newDescription = e.descriptionLine(KNOB_DESCRIPTION, e.knobPort.name);
      const oldDescription = e.descriptionLine(e.knobPort.description, e.knobPort.name);
      expect(diff.added).toContain(e.addedLine);
      expect(diff.added).toContain(newDescription);
      expect(diff.removed).toContain(oldDescription);
      for (const line of e.alsoAdded ?? []) expect(diff.added).toContain(line);
      expect(diff.added).toHaveLength(2 + e.stampLines + (e.alsoAdded?.length ?? 0));
      expect(diff.removed).toHaveLength(1 + e.stampLines);
      const lines = after.text.split('\n');
      const at = lines.indexOf(e.addedLine);
      expect(e.addedBefore === undefined ? at === lines.length - 1 : lines[at + 1] === e.addedBefore).toBe(true);
    });

    it('prints the configuration with its config command', () => {
      const ctx = shellContext(device, e.readMode, { state });
      const commands = typeof e.configCommand === 'string' ? [e.configCommand] : e.configCommand;
      const output = commands.map((c) => persona.run(c, ctx)?.output).join('\n');
      expect(output).toBe((e.configOutput ?? ((t: string) => t))(render().text));
    });

    it('prints its facts with the facts commands', () => {
      const ctx = shellContext(device, e.readMode);
      const output = e.factsCommands.map((c) => persona.run(c, ctx)?.output ?? '').join('\n');
      const facts = persona.facts(device, NOW);
      expect(facts.hostname).toBe(device.name);
      for (const value of [facts.hostname, facts.model, facts.serial, facts.osVersion, e.uptimeText(facts.uptimeSeconds)]) {
        expect(output).toContain(value);
      }
      expect(facts.uptimeSeconds).toBe(Math.floor((NOW.getTime() - BOOTED_AT.getTime()) / 1000));
    });

    it('answers an unknown command the way the vendor does', () => {
      const ctx = shellContext(device, persona.modes[0]);
      expect(persona.run('foo-bar', ctx)).toBeUndefined();
      expect(persona.unknownCommand('foo-bar', ctx)).toBe(e.unknownAnswer);
    });

    const pagingOff = e.pagingOff;
    if (pagingOff) {
      it('turns paging off with its paging command', () => {
        const result = persona.run(pagingOff.command, shellContext(device, persona.modes[0]));
        expect(result?.output.trimEnd()).toBe(pagingOff.output);
        expect(result?.paging).toBe(false);
      });
    }

    it('closes the session on exit from the login mode', () => {
      const exit = persona.platform === 'mikrotik_routeros' ? '/quit' : persona.platform === 'huawei_vrp' ? 'quit' : 'exit';
      expect(persona.run(exit, shellContext(device, persona.modes[0]))?.close).toBe(true);
    });

    if (persona.enableSecret) {
      const secretOf = persona.enableSecret;
      it('enters privileged mode with the right enable secret', () => {
        const ask = persona.run('enable', shellContext(device, persona.modes[0]))?.secretPrompt;
        expect(ask?.prompt).toBe('Password: ');
        expect(ask?.onSecret(secretOf(device))).toEqual({ output: '', mode: e.readMode });
      });

      it('stays put with a wrong enable secret', () => {
        const ask = persona.run('enable', shellContext(device, persona.modes[0]))?.secretPrompt;
        expect(ask?.onSecret(`${secretOf(device)}x`)).toEqual({ output: '% Access denied' });
      });
    } else {
      it('reads the configuration right after login, with no enable step', () => {
        expect(persona.modes[0]).toBe(e.readMode);
      });
    }
  });
}
