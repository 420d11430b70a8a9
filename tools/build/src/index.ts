export * from './bundle-app';
export * from './web-console-build';
