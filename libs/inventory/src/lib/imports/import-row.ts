import { ValidationFailedError, type FieldError } from '@netkeep/core';

/** How a source file names the login of a device. */
export type ImportCredential =
  /** A stored credential, by name (CSV `credential`, `netkeep_credential`). */
  | { kind: 'existing'; name: string }
  /** A username/password (+ enable secret) in the file; imported as a credential of its own. */
  | { kind: 'inline'; username: unknown; password?: unknown; enableSecret?: unknown; namePrefix: string };

/** One device as a source file describes it, mapped onto netkeep fields but not yet validated. */
export interface ImportRow {
  /** CSV: the line number; YAML/JSON formats: the 1-based position of the host. */
  row: number;
  name: string | null;
  /** Fields in the shape of CreateDeviceDto (credentialId excepted); absent means "not given". */
  device: Record<string, unknown>;
  credential?: ImportCredential;
}

/** One problem with one field of one row, as the 400 lists it. */
export interface ImportProblem extends FieldError {
  row: number;
  name: string | null;
}

const MESSAGE_EXAMPLES = 5;

/** The import is refused whole: every bad row and field is listed, nothing is written. */
export class ImportRejectedError extends ValidationFailedError {
  constructor(readonly problems: ImportProblem[]) {
    super(problems, rejectionMessage(problems));
  }
}

function rejectionMessage(problems: ImportProblem[]): string {
  const rows = new Set(problems.map((problem) => problem.row)).size;
  const examples = problems
    .slice(0, MESSAGE_EXAMPLES)
    .map((p) => `row ${p.row}${p.name ? ` (${p.name})` : ''}: ${p.field}: ${p.problems.join(', ')}`)
    .join('; ');
  const more = problems.length > MESSAGE_EXAMPLES ? `; and ${problems.length - MESSAGE_EXAMPLES} more in "errors"` : '';
  return `Import rejected, nothing was changed: ${rows} row${rows === 1 ? ' has' : 's have'} problems. ${examples}${more}`;
}

/** A problem with the file as a whole (syntax, structure): row is the line when known, else 0. */
export function fileProblem(problem: string, row = 0): ImportRejectedError {
  return new ImportRejectedError([{ row, name: null, field: 'file', problems: [problem] }]);
}
