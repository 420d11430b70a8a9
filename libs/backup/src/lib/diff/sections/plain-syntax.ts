import { linesOf } from '../../shared/text-lines';
import type { SectionSyntax } from './config-section';

/** Anything without a known structure: every line belongs to one section. */
export const plainSyntax: SectionSyntax = {
  name: 'lines',
  canHandle: () => true,
  parse: (text) => {
    const lines = linesOf(text)
      .map((line) => line.trim())
      .filter((line) => line !== '');
    return lines.length === 0 ? [] : [{ path: ['configuration'], name: 'configuration', kind: 'settings', lines }];
  },
};
