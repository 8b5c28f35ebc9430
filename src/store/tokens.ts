/**
 * The app's tokenization: each text is tokenized once, and the trace pipeline (its cost
 * estimate, its stages and the worker's request) and the lesson link (its text cut at
 * MAX_TOKENS, its selection checked against the tokens) share the result.
 */
import { tokenCache } from '../worker/tokenCache';

/** The tokens of `text` (at most MAX_TOKENS), the same object for the same recent text. */
export const tokensOf = tokenCache();
