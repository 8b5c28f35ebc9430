/**
 * The messages of every language at once, loaded eagerly: for tests and build-time tools
 * that compare languages. The app reaches its messages through `index.ts`, which loads a
 * language other than English only when it is chosen.
 */
import type { Language } from '../vocabulary/language';
import { en, type Messages } from './en';
import { es } from './es';

/** The messages of every language of the interface. */
export const MESSAGES: Readonly<Record<Language, Messages>> = { en, es };
