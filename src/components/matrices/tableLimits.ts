/**
 * How long a sentence the accessible number tables cover. Its own module so that panels
 * that only need the number (the heatmap's export note) do not pull in the lazily loaded
 * tables.
 */

/** The tables cover sentences up to this many tokens; longer ones get a note pointing to the JSON export. */
export const TABLES_MAX_TOKENS = 64;
