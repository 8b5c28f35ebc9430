import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';
import { loadMessages } from '../src/messages';

// findBy… and waitFor return as soon as what they wait for is there; Testing Library's
// default limit of 1 s only made them fail when a busy machine rendered more slowly.
configure({ asyncUtilTimeout: 15_000 });

// The app fetches Spanish when it is chosen (src/messages/index.ts); components under test
// switch languages synchronously, so it is here before any test starts.
await loadMessages('es');
