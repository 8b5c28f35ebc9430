/**
 * The per-head figures file beside the learned weights (`public/weights/learned-heads.json`):
 * for every model in the weights file, each head's full measured figures on the held-out
 * Brown text, written by `npm run measure:heads:file` (never typed by hand). The app shows
 * the one-line guide from the weights file's `figures` and the full table from this file.
 */
import type { HeadFigures } from './english/headPatterns';

/** The format name of the figures file. */
export const LEARNED_HEADS_FORMAT = 'attention-graph-learned-heads';

/** Where the figures file lives, relative to the app's base URL. */
export const LEARNED_HEADS_PATH = 'weights/learned-heads.json';

/** The measured figures of one model's heads. */
export interface LearnedHeadsModel {
  readonly width: number;
  readonly heads: number;
  /** Held-out sentences measured. */
  readonly sentences: number;
  /** Index 0 is the app's head 1. */
  readonly figures: readonly HeadFigures[];
}

/** The whole figures file. */
export interface LearnedHeadsFile {
  readonly format: typeof LEARNED_HEADS_FORMAT;
  /** The command that wrote it. */
  readonly measuredBy: string;
  /** What was measured on. */
  readonly text: string;
  readonly models: readonly LearnedHeadsModel[];
}

/** Checks the shape of a parsed figures file; throws with what is wrong. */
export function parseLearnedHeads(json: unknown): LearnedHeadsFile {
  const file = json as Partial<LearnedHeadsFile> | null;
  if (!file || file.format !== LEARNED_HEADS_FORMAT) {
    throw new Error(`the head figures file is not in the ${LEARNED_HEADS_FORMAT} format`);
  }
  if (!Array.isArray(file.models)) throw new Error('the head figures file has no models');
  for (const m of file.models) {
    if (
      !Number.isInteger(m.width) ||
      !Number.isInteger(m.heads) ||
      !Array.isArray(m.figures) ||
      m.figures.length !== m.heads
    ) {
      throw new Error(`the head figures file has a malformed model (width ${String(m.width)})`);
    }
  }
  return file as LearnedHeadsFile;
}

/** The figures of the model with this width and head count, or null. */
export function headsFor(
  file: LearnedHeadsFile | null,
  width: number,
  heads: number,
): LearnedHeadsModel | null {
  return file?.models.find((m) => m.width === width && m.heads === heads) ?? null;
}
