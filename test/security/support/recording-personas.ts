import { personaFor, type CommandResult, type LabPlatform, type Persona } from '@netkeep/device-lab';

/** What one lab device received: the command lines of each session, and each secret typed at a hidden prompt. */
export interface ReceivedInput {
  sessions: string[][];
  secrets: string[];
}

/**
 * The lab's personas, each line a session sends them written down first: proof of exactly what
 * reached a device's shell, whatever the platform did with its inventory strings. A session
 * starts where the persona prints its message of the day, right after login.
 */
export class RecordingPersonas {
  private readonly received = new Map<string, ReceivedInput>();

  readonly personaFor = (platform: LabPlatform): Persona => {
    const persona = personaFor(platform);
    const recording = Object.create(persona) as Persona;
    recording.motd = (context) => {
      this.inputOf(context.device.name).sessions.push([]);
      return persona.motd?.(context) ?? '';
    };
    recording.run = (command, context) => {
      const sessions = this.inputOf(context.device.name).sessions;
      if (sessions.length === 0) sessions.push([]);
      sessions[sessions.length - 1]?.push(command);
      const result = persona.run(command, context);
      return result && this.watchSecret(result, context.device.name);
    };
    return recording;
  };

  inputOf(device: string): ReceivedInput {
    let input = this.received.get(device);
    if (!input) {
      input = { sessions: [], secrets: [] };
      this.received.set(device, input);
    }
    return input;
  }

  /** The different command sequences a device's sessions ran, in a stable order. */
  scriptsOf(device: string): string[] {
    return [...new Set(this.inputOf(device).sessions.map((session) => session.join(' ⏎ ')))].sort();
  }

  private watchSecret(result: CommandResult, device: string): CommandResult {
    const prompt = result.secretPrompt;
    if (!prompt) return result;
    return {
      ...result,
      secretPrompt: {
        prompt: prompt.prompt,
        onSecret: (secret) => {
          this.inputOf(device).secrets.push(secret);
          return this.watchSecret(prompt.onSecret(secret), device);
        },
      },
    };
  }
}
