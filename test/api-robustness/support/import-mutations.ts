import { BODY_LIMIT_BYTES } from './body-mutations';
import { brokenImportFile, IMPORT_FORMATS, type ImportFormat } from './import-files';
import type { Mutation } from './mutation';
import { cloneParts } from './request-parts';
import { IMPORT_OPERATION } from './valid-requests';

const isImport = (operation: { key: string }) => operation.key === IMPORT_OPERATION;

/** The import takes whole files as its body: these break the file rather than a JSON field. */
export const IMPORT_MUTATIONS: readonly Mutation[] = [
  {
    name: 'an inventory file the import must refuse',
    applies: isImport,
    apply: (valid, _operation, context) => {
      const format = (valid.query.find(([name]) => name === 'format')?.[1] ?? 'csv') as ImportFormat;
      const file = brokenImportFile(format, context);
      const parts = cloneParts(valid);
      parts.rawBody = file.body;
      parts.contentType = file.contentType;
      return { parts, detail: `${format} file with ${file.why}` };
    },
  },
  {
    name: 'an inventory file of another format',
    applies: isImport,
    apply: (valid, _operation, context) => {
      const given = valid.query.find(([name]) => name === 'format')?.[1];
      // A lab file is JSON, and so is a Nornir one: only pairs that cannot read each other.
      const mismatched: Record<string, ImportFormat[]> = { csv: ['lab', 'nornir'], ansible: ['csv'], nornir: ['csv'], lab: ['csv', 'ansible'] };
      const other = context.random.pick(mismatched[given ?? 'csv'] ?? IMPORT_FORMATS);
      const parts = cloneParts(valid);
      parts.query = [...parts.query.filter(([name]) => name !== 'format'), ['format', other]];
      return { parts, detail: `a ${given} file declared as ${other}` };
    },
  },
  {
    name: 'an inventory file of an unsupported type',
    applies: isImport,
    apply: (valid, _operation, context) => {
      const parts = cloneParts(valid);
      parts.contentType = context.random.pick(['application/xml', 'application/octet-stream', 'image/png']);
      return { parts, detail: `Content-Type ${parts.contentType}` };
    },
  },
  {
    name: 'an inventory file over the size limit',
    applies: isImport,
    apply: (valid) => {
      const parts = cloneParts(valid);
      parts.rawBody = `${parts.rawBody ?? ''}\n${'#'.repeat(BODY_LIMIT_BYTES + 1024)}`;
      return { parts, detail: `${Math.round((parts.rawBody.length) / 1024)} KiB` };
    },
  },
];
