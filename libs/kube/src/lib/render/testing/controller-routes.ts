import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One HTTP route a netkeep controller declares, and the library it lives in. */
export interface ControllerRoute {
  method: string;
  /** With parameters filled in: `/api/v1/devices/p1/configs`. */
  path: string;
  library: string;
  file: string;
}

/**
 * Every route of every `*.controller.ts` under `libsDir`, read from the decorators' text
 * (`@Controller('api/v1/x')` + `@Get(':id')`): the routes the cluster must serve, whoever adds one.
 */
export function controllerRoutes(libsDir: string): ControllerRoute[] {
  return controllerFiles(libsDir).flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    const prefix = /@Controller\(\s*(?:'([^']*)')?\s*\)/.exec(source)?.[1] ?? '';
    const library = relative(libsDir, file).split('/')[0];
    return [...source.matchAll(/@(Get|Post|Put|Patch|Delete)\(\s*(?:'([^']*)')?\s*\)/g)].map((match) => ({
      method: match[1].toUpperCase(),
      path: `/${[prefix, match[2] ?? ''].filter(Boolean).join('/')}`.replace(/:[A-Za-z]+/g, 'p1'),
      library,
      file: relative(libsDir, file),
    }));
  });
}

function controllerFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : controllerFiles(path);
    return entry.name.endsWith('.controller.ts') ? [path] : [];
  });
}
