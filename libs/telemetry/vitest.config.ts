import { projectTestConfig } from '../../vitest.shared';

// One spec file at a time: the fleet spec measures poll intervals, and other files' CPU would be its noise.
export default projectTestConfig(__dirname, { fileParallelism: false });
