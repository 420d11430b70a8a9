export * from './lib/platform-definition';
