export { default as deployExecutor } from './executors/deploy/deploy.executor';
export type { DeployExecutorOptions } from './executors/deploy/deploy-executor-options';
