import 'reflect-metadata';
import { CONFIG, runNetkeepProcess, type NetkeepConfig } from '@netkeep/core';
import { runDemo } from './demo/run-demo';
import { PLATFORM_TITLE, PlatformModule } from './platform.module';

async function main(): Promise<void> {
  const app = await runNetkeepProcess({ mode: 'embedded', title: PLATFORM_TITLE, module: (config) => PlatformModule.register(config) });
  if (!app || !process.argv.includes('--demo')) return;
  // The platform keeps running when the demo cannot finish; the line says why.
  await runDemo(app, app.get<NetkeepConfig>(CONFIG)).catch((error: Error) => process.stderr.write(`netkeep demo failed: ${error.message}\n`));
}

void main();
