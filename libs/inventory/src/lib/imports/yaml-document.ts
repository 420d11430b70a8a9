import { parseDocument } from 'yaml';
import { fileProblem } from './import-row';

/**
 * A YAML (or JSON, which YAML 1.2 includes) document as plain data, or an import rejection that
 * says where the syntax broke. A body Fastify already parsed as JSON is taken as it is.
 */
export function loadDocument(content: unknown): unknown {
  if (typeof content !== 'string') return content;
  if (content.trim() === '') throw fileProblem('the file is empty');
  const document = parseDocument(content, { uniqueKeys: true, prettyErrors: true });
  const error = document.errors[0];
  if (error) {
    const line = error.linePos?.[0].line ?? 0;
    throw fileProblem(`not valid YAML/JSON: ${error.message.split('\n')[0]}`, line);
  }
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (failure) {
    throw fileProblem(`not usable YAML: ${(failure as Error).message}`);
  }
}
