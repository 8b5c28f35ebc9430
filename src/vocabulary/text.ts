/** The text a first visit shows. */

/** The sentence a first visit starts with: the running example of the background texts. */
export const DEFAULT_TEXT = 'I love tennis.';
