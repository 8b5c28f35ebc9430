/**
 * The browser's loader of the learned weights (public/weights/learned.json) and of the
 * head figures beside them (public/weights/learned-heads.json): fetched, parsed and checked
 * (SHA-256 of every model) by the core. Network I/O lives here, outside the pure core.
 */
import { LEARNED_HEADS_PATH, parseLearnedHeads, type LearnedHeadsFile } from '../core/learnedHeads';
import {
  LEARNED_WEIGHTS_PATH,
  parseLearnedWeights,
  type LearnedWeightsFile,
} from '../core/learnedWeights';

/** Reads a URL as JSON; throws "could not load URL: HTTP 404" and the like. */
export type JsonReader = (url: string) => Promise<unknown>;

/** `fetch` as a JsonReader. */
export const fetchJson: JsonReader = async (url) => {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(
      `could not load ${url}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  return (await response.json()) as unknown;
};

/** The learned weights and their measured head figures. */
export interface LoadedLearned {
  readonly weights: LearnedWeightsFile;
  readonly heads: LearnedHeadsFile;
}

/** Loads and checks both files under `baseUrl`. */
export async function loadLearned(
  baseUrl: string,
  read: JsonReader = fetchJson,
): Promise<LoadedLearned> {
  const [weights, heads] = await Promise.all([
    read(`${baseUrl}${LEARNED_WEIGHTS_PATH}`),
    read(`${baseUrl}${LEARNED_HEADS_PATH}`),
  ]);
  return { weights: parseLearnedWeights(weights), heads: parseLearnedHeads(heads) };
}
