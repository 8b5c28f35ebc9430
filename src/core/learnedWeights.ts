/**
 * The learned weights file (public/weights/learned.json, written by `npm run train:english`):
 * a pure parser and validator, and which settings the file covers. Reading the file is the
 * caller's business (the CLI reads it from disk, the app fetches it).
 *
 * The file is JSON:
 *
 *     { "format": "attention-graph-learned-weights", "version": 1,
 *       "name", "corpus", "objective", "causal",
 *       "models": [ { "width", "heads", "dK", "heldOutLoss", "baselineLoss", "parameters",
 *                     "figures": [ { "head", "pattern", "share" } ],
 *                     "sha256", "data" } ] }
 *
 * `data` is base64 of the float32 little-endian numbers of each head's wq, wk, wv (dModel, dK),
 * head after head, then wo (heads·dK, dModel), all row-major; `sha256` is the SHA-256 of
 * those bytes, checked on load.
 */
import { matrix, type Matrix } from './matrix';
import { sha256Hex } from './sha256';
import type { AttentionSettings, AttentionWeights, HeadWeights } from './types';
import { headDim } from './weights';

/** The `format` field of the file. */
export const LEARNED_FORMAT = 'attention-graph-learned-weights';

/** Where the file lives under public/. */
export const LEARNED_WEIGHTS_PATH = 'weights/learned.json';

/** What one head was measured to do (head numbered from 1, as in the app). */
export interface HeadPatternJson {
  readonly head: number;
  /** The dominant pattern as `measureHeads` finds it, or null when no figure stands out. */
  readonly pattern: string | null;
  /** Its figure, 0 to 1 (for null: the head's highest figure). */
  readonly share: number;
}

/** One trained model: a width and a head count. */
export interface LearnedModel {
  readonly width: number;
  readonly heads: number;
  readonly dK: number;
  readonly heldOutLoss: number;
  readonly baselineLoss: number;
  /** Parameters trained, readout included. */
  readonly parameters: number;
  readonly figures: readonly HeadPatternJson[];
  readonly weights: AttentionWeights;
}

/** The parsed file. */
export interface LearnedWeightsFile {
  readonly name: string;
  readonly corpus: string;
  readonly objective: string;
  /** The models were trained with the causal mask on (and must be shown with it). */
  readonly causal: boolean;
  readonly models: readonly LearnedModel[];
}

/** A malformed or corrupt weights file. */
export class LearnedWeightsError extends Error {
  override name = 'LearnedWeightsError';
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (with padding) to bytes. */
export function fromBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/u.test(text)) {
    throw new LearnedWeightsError('learned weights: data is not base64');
  }
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n =
      (BASE64.indexOf(text[i] as string) << 18) |
      (BASE64.indexOf(text[i + 1] as string) << 12) |
      (Math.max(0, BASE64.indexOf(text[i + 2] as string)) << 6) |
      Math.max(0, BASE64.indexOf(text[i + 3] as string));
    for (const shift of [16, 8, 0]) if (o < out.length) out[o++] = (n >> shift) & 255;
  }
  return out;
}

/** Bytes to standard base64 (with padding). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[(n >> 18) & 63] as string;
    out += BASE64[(n >> 12) & 63] as string;
    out += i + 1 < bytes.length ? (BASE64[(n >> 6) & 63] as string) : '=';
    out += i + 2 < bytes.length ? (BASE64[n & 63] as string) : '=';
  }
  return out;
}

/** The bytes of a model's weights in the file's order (see the module comment). */
export function weightsToBytes(w: AttentionWeights): Uint8Array {
  const parts = [...w.heads.flatMap((h) => [h.wq, h.wk, h.wv]), w.wo];
  const count = parts.reduce((n, m) => n + m.data.length, 0);
  const bytes = new Uint8Array(count * 4);
  const view = new DataView(bytes.buffer);
  let offset = 0;
  for (const m of parts) {
    for (const x of m.data) {
      view.setFloat32(offset, x, true);
      offset += 4;
    }
  }
  return bytes;
}

function bytesToWeights(
  bytes: Uint8Array,
  width: number,
  heads: number,
  dK: number,
): AttentionWeights {
  const expected = 4 * (3 * heads * width * dK + heads * dK * width);
  if (bytes.length !== expected) {
    throw new LearnedWeightsError(
      `learned weights: width ${width}, ${heads} heads need ${expected} bytes, got ${bytes.length}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  const take = (rows: number, cols: number): Matrix => {
    const data = new Float32Array(rows * cols); // (rows, cols)
    for (let i = 0; i < data.length; i++, offset += 4) data[i] = view.getFloat32(offset, true);
    if (!data.every(Number.isFinite)) throw new LearnedWeightsError('learned weights: not finite');
    return matrix(rows, cols, data);
  };
  const perHead: HeadWeights[] = [];
  for (let h = 0; h < heads; h++) {
    perHead.push({ wq: take(width, dK), wk: take(width, dK), wv: take(width, dK) }); // (width, dK) each
  }
  return { heads: perHead, wo: take(heads * dK, width) }; // wo (heads·dK, width)
}

type Json = Record<string, unknown>;

function field<T>(o: Json, key: string, check: (v: unknown) => v is T, what: string): T {
  const v = o[key];
  if (!check(v)) throw new LearnedWeightsError(`learned weights: "${key}" must be ${what}`);
  return v;
}
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isWhole = (v: unknown): v is number => isNumber(v) && Number.isInteger(v) && v >= 1;
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isArray = (v: unknown): v is unknown[] => Array.isArray(v);

function parseFigure(v: unknown): HeadPatternJson {
  if (!isObject(v)) throw new LearnedWeightsError('learned weights: a figure must be an object');
  const pattern = v.pattern;
  if (pattern !== null && typeof pattern !== 'string') {
    throw new LearnedWeightsError('learned weights: "pattern" must be a string or null');
  }
  const share = field(v, 'share', isNumber, 'a number');
  if (share < 0 || share > 1) throw new LearnedWeightsError(`learned weights: share ${share}`);
  return { head: field(v, 'head', isWhole, 'a head number'), pattern, share };
}

function parseModel(v: unknown): LearnedModel {
  if (!isObject(v)) throw new LearnedWeightsError('learned weights: a model must be an object');
  const width = field(v, 'width', isWhole, 'a positive integer');
  const heads = field(v, 'heads', isWhole, 'a positive integer');
  const dK = field(v, 'dK', isWhole, 'a positive integer');
  if (dK !== headDim(width, heads)) {
    throw new LearnedWeightsError(
      `learned weights: dK ${dK} does not fit width ${width}, ${heads} heads`,
    );
  }
  const bytes = fromBase64(field(v, 'data', isString, 'base64 text'));
  const sha256 = field(v, 'sha256', isString, 'hex text');
  if (sha256Hex(bytes) !== sha256.toLowerCase()) {
    throw new LearnedWeightsError(
      `learned weights: width ${width}, ${heads} heads fail their checksum (corrupt file)`,
    );
  }
  const figures = field(v, 'figures', isArray, 'an array').map(parseFigure);
  if (figures.length !== heads) {
    throw new LearnedWeightsError(`learned weights: ${figures.length} figures for ${heads} heads`);
  }
  return {
    width,
    heads,
    dK,
    heldOutLoss: field(v, 'heldOutLoss', isNumber, 'a number'),
    baselineLoss: field(v, 'baselineLoss', isNumber, 'a number'),
    parameters: field(v, 'parameters', isWhole, 'a positive integer'),
    figures,
    weights: bytesToWeights(bytes, width, heads, dK),
  };
}

/**
 * Parses and validates the weights file's JSON value: every field, every model's checksum and
 * shapes. Throws a LearnedWeightsError that says what is wrong.
 */
export function parseLearnedWeights(json: unknown): LearnedWeightsFile {
  if (!isObject(json) || json.format !== LEARNED_FORMAT) {
    throw new LearnedWeightsError(`learned weights: not an ${LEARNED_FORMAT} file`);
  }
  if (json.version !== 1)
    throw new LearnedWeightsError(`learned weights: unknown version ${String(json.version)}`);
  const models = field(json, 'models', isArray, 'an array').map(parseModel);
  if (models.length === 0) throw new LearnedWeightsError('learned weights: no models');
  return {
    name: field(json, 'name', isString, 'text'),
    corpus: field(json, 'corpus', isString, 'text'),
    objective: field(json, 'objective', isString, 'text'),
    causal: field(json, 'causal', isBoolean, 'true or false'),
    models,
  };
}

/** A width and a head count. */
export interface CoveredSetting {
  readonly width: number;
  readonly heads: number;
}

/** The learned model for these settings, or the nearest covered setting to offer instead. */
export type Coverage =
  | { readonly covered: true; readonly model: LearnedModel }
  | { readonly covered: false; readonly nearest: CoveredSetting };

/**
 * Whether the file has a model for `width` and `heads`; if not, the nearest it has: the
 * closest width (the narrower on a tie), then the closest head count (the fewer on a tie).
 */
export function learnedCoverage(file: LearnedWeightsFile, width: number, heads: number): Coverage {
  const exact = file.models.find((m) => m.width === width && m.heads === heads);
  if (exact) return { covered: true, model: exact };
  const ranked = [...file.models].sort(
    (a, b) =>
      Math.abs(a.width - width) - Math.abs(b.width - width) ||
      a.width - b.width ||
      Math.abs(a.heads - heads) - Math.abs(b.heads - heads) ||
      a.heads - b.heads,
  );
  const best = ranked[0] as LearnedModel;
  return { covered: false, nearest: { width: best.width, heads: best.heads } };
}

/** The `model` entry of a trace's JSON with learned weights. */
export interface TraceModelJson {
  readonly name: string;
  readonly corpus: string;
  readonly objective: string;
  readonly heads: readonly HeadPatternJson[];
}

/** What a trace with `model`'s weights says about them. */
export function traceModelJson(file: LearnedWeightsFile, model: LearnedModel): TraceModelJson {
  return { name: file.name, corpus: file.corpus, objective: file.objective, heads: model.figures };
}

/** The settings and weights of a trace with the learned preset, or why there are none. */
export type LearnedChoice =
  | {
      readonly ok: true;
      /** The settings as given, with the causal mask on when the models were trained with it. */
      readonly settings: AttentionSettings;
      readonly weights: AttentionWeights;
      readonly model: TraceModelJson;
    }
  | { readonly ok: false; readonly nearest: CoveredSetting; readonly message: string };

/** Every setting the file covers, as "width 8 with 1 head, width 100 with 4 heads". */
export function describeCoverage(file: LearnedWeightsFile): string {
  return file.models
    .map((m) => `width ${m.width} with ${m.heads} head${m.heads === 1 ? '' : 's'}`)
    .join(', ');
}

/**
 * Resolves the learned preset for `settings` (whose `weights` should be `learned`): the
 * model for its width and heads, the settings with the causal mask the model needs, and the
 * trace's `model` entry; or, when the file has no such model, the nearest one it has and a
 * sentence that says so.
 */
export function chooseLearned(
  file: LearnedWeightsFile,
  settings: AttentionSettings,
): LearnedChoice {
  const coverage = learnedCoverage(file, settings.width, settings.heads);
  if (!coverage.covered) {
    const { nearest } = coverage;
    return {
      ok: false,
      nearest,
      message:
        `the learned weights cover ${describeCoverage(file)}, not width ${settings.width} with ` +
        `${settings.heads} head${settings.heads === 1 ? '' : 's'}; nearest: width ${nearest.width} with ${nearest.heads} head${nearest.heads === 1 ? '' : 's'}`,
    };
  }
  return {
    ok: true,
    settings: { ...settings, causal: settings.causal || file.causal },
    weights: coverage.model.weights,
    model: traceModelJson(file, coverage.model),
  };
}
