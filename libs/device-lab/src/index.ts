export * from './lib/persona';
