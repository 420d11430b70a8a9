import { canonicalPlatform } from '../../shared/platform-name';
import { ciscoSyntax } from './cisco-syntax';
import type { SectionSyntax } from './config-section';
import { junosSyntax } from './junos-syntax';
import { plainSyntax } from './plain-syntax';
import { routerOsSyntax } from './routeros-syntax';
import { vrpSyntax } from './vrp-syntax';

/** Every syntax family the section diff knows; a new family is one file, listed here. */
export const SECTION_SYNTAXES: readonly SectionSyntax[] = [ciscoSyntax, junosSyntax, routerOsSyntax, vrpSyntax];

/** The syntax for a platform (name or alias); configurations of unknown platforms are compared line by line. */
export function sectionSyntaxFor(platform: string): SectionSyntax {
  const name = canonicalPlatform(platform);
  return SECTION_SYNTAXES.find((syntax) => syntax.canHandle(name)) ?? plainSyntax;
}
