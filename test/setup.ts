import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// findBy… and waitFor return as soon as what they wait for is there; Testing Library's
// default limit of 1 s only made them fail when a busy machine rendered more slowly.
configure({ asyncUtilTimeout: 15_000 });
