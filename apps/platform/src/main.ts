import 'reflect-metadata';
import { runNetkeepProcess } from '@netkeep/core';
import { PlatformModule } from './platform.module';

void runNetkeepProcess({ mode: 'embedded', title: 'netkeep platform', module: (config) => PlatformModule.register(config) });
