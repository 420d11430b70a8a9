import type { SectionSyntax } from './config-section';
import { type IndentedDialect, parseIndentedBlocks } from './indented-blocks';

/** IOS, IOS-XE, NX-OS, IOS-XR, EOS and the switches that copied them: `!` between blocks, indentation inside. */
const CISCO_LIKE = new Set(['cisco_ios', 'cisco_xe', 'cisco_nxos', 'cisco_xr', 'arista_eos', 'cisco_asa', 'hp_procurve', 'aruba_aoscx', 'dell_os10']);

const CISCO_DIALECT: IndentedDialect = {
  separator: /^!$/,
  terminator: /^end$/,
  noise: /^(?:exit|exit-[\w-]+|root)$/,
  banner: /^banner\s+\S+\s*/,
};

export const ciscoSyntax: SectionSyntax = {
  name: 'cisco-indented',
  canHandle: (platform) => CISCO_LIKE.has(platform),
  parse: (text) => parseIndentedBlocks(text, CISCO_DIALECT),
};
