/** One instruction of a Dockerfile: its keyword in upper case and the text after it, continuations joined. */
export interface DockerfileInstruction {
  keyword: string;
  args: string;
  line: number;
}

export interface DockerfileStage {
  /** The FROM image with `${ARG}`s before the first FROM substituted. */
  image: string;
  name?: string;
  instructions: DockerfileInstruction[];
}

/**
 * Reads a Dockerfile into its build stages: enough of the syntax (comments, line continuations,
 * global ARGs in FROM) to compare what a stage configures, not a builder.
 */
export function parseDockerfile(text: string): DockerfileStage[] {
  const instructions: DockerfileInstruction[] = [];
  let pending: { text: string; line: number } | undefined;
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line.startsWith('#') || (!line && !pending)) continue;
    const continued = line.endsWith('\\');
    const body = continued ? line.slice(0, -1) : line;
    pending = pending ? { text: `${pending.text} ${body}`, line: pending.line } : { text: body, line: index + 1 };
    if (continued) continue;
    const match = /^(\S+)\s*(.*)$/s.exec(pending.text.trim());
    if (match) instructions.push({ keyword: match[1].toUpperCase(), args: match[2].replace(/\s+/g, ' ').trim(), line: pending.line });
    pending = undefined;
  }

  const globalArgs: Record<string, string> = {};
  const stages: DockerfileStage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [image, as, name] = instruction.args.split(' ');
      const substituted = image.replace(/\$\{(\w+)\}|\$(\w+)/g, (_whole, braced: string | undefined, bare: string | undefined) => globalArgs[braced ?? bare ?? ''] ?? '');
      stages.push({ image: substituted, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (stages.length === 0) {
      if (instruction.keyword === 'ARG') {
        const [name, value = ''] = instruction.args.split('=', 2);
        globalArgs[name] = value.replace(/^"(.*)"$/, '$1');
      }
    } else {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return stages;
}

/** The exec (JSON array) form of ENTRYPOINT or CMD; the shell form would need a shell the image does not have. */
export function execForm(instruction: DockerfileInstruction): string[] {
  try {
    const parsed: unknown = JSON.parse(instruction.args);
    if (Array.isArray(parsed) && parsed.every((part) => typeof part === 'string')) return parsed;
  } catch {
    // Falls through to the error naming the line.
  }
  throw new Error(`line ${instruction.line}: ${instruction.keyword} must be a JSON array (exec form), got ${instruction.args}`);
}

/** `ENV A=1 B=2` (and the legacy `ENV A 1`) as name/value pairs. */
export function envPairs(instruction: DockerfileInstruction): Record<string, string> {
  const legacy = /^(\w+)\s+([^=]*)$/.exec(instruction.args);
  if (legacy) return { [legacy[1]]: legacy[2] };
  const pairs: Record<string, string> = {};
  for (const match of instruction.args.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|\S*)/g)) pairs[match[1]] = match[2].replace(/^"(.*)"$/, '$1');
  return pairs;
}
