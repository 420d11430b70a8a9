import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library unmounts after each test on its own only with Vitest's globals, which these tests do not use.
afterEach(() => cleanup());
