import type { SectionSyntax } from './config-section';
import { type IndentedDialect, parseIndentedBlocks } from './indented-blocks';

/** Huawei VRP and H3C Comware: `#` closes a block, the block's first line names it, `return` ends the file. */
const VRP_LIKE = new Set(['huawei_vrp', 'hp_comware']);

const VRP_DIALECT: IndentedDialect = {
  separator: /^#$/,
  terminator: /^return$/,
  noise: /^quit$/,
};

export const vrpSyntax: SectionSyntax = {
  name: 'vrp-blocks',
  canHandle: (platform) => VRP_LIKE.has(platform),
  parse: (text) => parseIndentedBlocks(text, VRP_DIALECT),
};
