/**
 * Shared types of the compute core. Everything a panel shows is read from one
 * `AttentionTrace`; nothing outside the core recomputes a number.
 */
import type { Matrix } from './matrix';

/** One token of the user's text. Offsets are UTF-16 indices into the original (un-normalised) text. */
export interface Token {
  /** The token as it appears in the text (after NFC normalisation). */
  readonly text: string;
  /** Index of the first UTF-16 code unit in the original text. */
  readonly start: number;
  /** Index one past the last UTF-16 code unit in the original text. */
  readonly end: number;
  /** What kind of token it is; punctuation and symbols are tokens too. */
  readonly kind: TokenKind;
}

/** The coarse class of a token. */
export type TokenKind = 'word' | 'number' | 'punctuation' | 'emoji' | 'symbol' | 'clitic';

/** The result of tokenizing a text. */
export interface Tokenization {
  readonly tokens: readonly Token[];
  /** True when the text held more than `maxTokens` tokens and the rest was dropped. */
  readonly truncated: boolean;
}

/** How a token found (or did not find) its vector. */
export interface TokenLookup {
  /** The word looked up in the table: lower-cased, clitics mapped ("n't" -> "not"). */
  readonly lookup: string;
  /** Row in the vector table, or null when the word is not in it. */
  readonly vocabIndex: number | null;
  /** False when the vector was made up from the word (see `unknownVector`). */
  readonly known: boolean;
}

/** A token with its vector lookup, as stored in the trace. */
export type EmbeddedToken = Token & TokenLookup;

/** Where word vectors came from; 'lab': the Lab's trained embedding table (core/lab/toTrace.ts). */
export type VectorSource = 'glove' | 'made-up' | 'lab';

/**
 * Weight presets. `random`: Glorot-uniform; `similarity`: wq equals wk, so similar tokens
 * attend to each other; `learned`: heads trained on English (the weights file, see
 * core/learnedWeights.ts), for the widths and head counts it covers.
 */
export type WeightsPreset = 'random' | 'similarity' | 'learned';

/** Every setting that changes a number of the trace. */
export interface AttentionSettings {
  /** Model width dModel: 100 shows GloVe itself, narrower widths its leading principal components. */
  readonly width: number;
  /** Number of heads, 1 to 8; each head has dK = floor(width / heads) (at least 1). */
  readonly heads: number;
  /** Seed of the weight generator. */
  readonly seed: number;
  /** Causal mask: a token sees only itself and the tokens before it. */
  readonly causal: boolean;
  /** Divide the scores by √dK. */
  readonly scale: boolean;
  /** Softmax temperature τ: weights = softmax(masked / τ). */
  readonly temperature: number;
  /** Weight preset. */
  readonly weights: WeightsPreset;
  /** Add sinusoidal positional encodings to the embeddings. */
  readonly positions: boolean;
}

/** The learned-looking parameters of one head. */
export interface HeadWeights {
  readonly wq: Matrix; // (dModel, dK)
  readonly wk: Matrix; // (dModel, dK)
  readonly wv: Matrix; // (dModel, dK)
}

/** All parameters of a multi-head attention layer. */
export interface AttentionWeights {
  readonly heads: readonly HeadWeights[];
  readonly wo: Matrix; // (heads * dK, dModel)
}

/** Every intermediate of one head, named as in DESIGN.md. */
export interface HeadTrace extends HeadWeights {
  readonly q: Matrix; // (T, dK)
  readonly k: Matrix; // (T, dK)
  readonly v: Matrix; // (T, dK)
  /** Raw scores q·kᵀ. */
  readonly scores: Matrix; // (T, T)
  /** Scores divided by √dK (equal to `scores` when scaling is off). */
  readonly scaled: Matrix; // (T, T)
  /** Scaled scores with -Infinity above the diagonal when the causal mask is on. */
  readonly masked: Matrix; // (T, T)
  /** softmax(masked / τ), row by row. */
  readonly weights: Matrix; // (T, T)
  /** weights · v. */
  readonly output: Matrix; // (T, dK)
}

/** The whole computation for one text and one set of settings. */
export interface AttentionTrace {
  readonly text: string;
  readonly tokens: readonly EmbeddedToken[];
  readonly truncated: boolean;
  readonly settings: AttentionSettings;
  /** Where the embeddings came from: the GloVe table, or made-up vectors when it could not be loaded. */
  readonly vectors: VectorSource;
  /** dK of every head. */
  readonly dK: number;
  /** Token vectors before positions. */
  readonly embeddings: Matrix; // (T, dModel)
  /** Sinusoidal encodings (zeros when positions are off). */
  readonly positions: Matrix; // (T, dModel)
  /** embeddings + positions: what the heads read. */
  readonly input: Matrix; // (T, dModel)
  readonly heads: readonly HeadTrace[];
  /** The heads' outputs side by side. */
  readonly concat: Matrix; // (T, heads * dK)
  readonly wo: Matrix; // (heads * dK, dModel)
  /** concat · wo. */
  readonly output: Matrix; // (T, dModel)
}
