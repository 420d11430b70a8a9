/** Fewer lines than this are an answer about the configuration, not the configuration. */
const MIN_CONFIG_LINES = 5;
/** Share of output lines that must be configuration lines; leaves room for headers and masked secrets. */
const MIN_CONFIG_SHARE = 0.9;

/**
 * Whether a command printed (a part of) the device's configuration: nearly all its lines
 * are lines of the rendered configuration. Recognising the text rather than the command
 * works for every persona's command syntax, abbreviations, pipes and multi-command configs.
 */
export function isConfigurationOutput(output: string, configurationText: string): boolean {
  const lines = significantLines(output);
  if (lines.length < MIN_CONFIG_LINES) return false;
  const configLines = new Set(significantLines(configurationText));
  const matching = lines.filter((line) => configLines.has(line)).length;
  return matching / lines.length >= MIN_CONFIG_SHARE;
}

function significantLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
