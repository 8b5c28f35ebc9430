/**
 * The Lab's JSON document (format 'attention-graph-lab', version 1), written by
 * `npm run lab -- --json` and the Lab's model export, read back by `parseLabDocument`.
 * Anyone with NumPy or PyTorch can rebuild the model from it alone (see model.ts):
 *
 *     { "format": "attention-graph-lab", "version": 1, "task": ID,
 *       "vocab": [symbol of each token id],
 *       "config": { "seqLen", "width", "layers", "heads", "dK", "causal", "scale": true,
 *                   "positions", "lr", "batch", "seed", "steps" },
 *       "params": { "embed", "pos", "layers": [ { "heads": [ { "wq", "wk", "wv" } ], "wo" } ],
 *                   "unembed", "bias" },
 *       "log": [ { "step", "loss", "accuracy" } ],
 *       "eval": { "tokens": [[id]], "targets": [[id or -1]], "accuracy", "loss" } }
 *
 * Matrices are arrays of rows, `bias` a plain array; numbers are float64, written in the
 * shortest form that reads back exactly. `steps` is the number of steps trained. Each log
 * entry is measured on the held-out set (`eval`) after `step` steps.
 *
 * The gradient-check variant has, instead of `log` and `eval`, `batch` ({ tokens, targets }:
 * the batch the next step would train on), `loss` (its loss at `params`) and `grads` (the
 * gradient of that loss, shaped like `params`; without positions `pos` is no parameter and
 * its gradient is zeros).
 */
import { mat64FromRows, mat64ToRows, type Mat64 } from './mat64';
import {
  checkLabParams,
  labHeadDim,
  type LabExample,
  type LabModelShape,
  type LabParams,
} from './model';
import { isLabTaskId, labTask } from './tasks/index';
import type { LabConfig, LabTaskId } from './tasks/types';
import type { LabTrainer } from './trainer';

/** The format name of the Lab's document. */
export const LAB_FORMAT = 'attention-graph-lab' as const;

/** The configuration as the document writes it: the model's shape, the training settings and the seed. */
export interface LabDocumentConfig {
  readonly seqLen: number;
  readonly width: number;
  readonly layers: number;
  readonly heads: number;
  readonly dK: number;
  readonly causal: boolean;
  readonly scale: true;
  readonly positions: boolean;
  readonly lr: number;
  readonly batch: number;
  readonly seed: number;
  /** Steps trained. */
  readonly steps: number;
}

/** Every parameter as JSON: matrices as arrays of rows. */
export interface LabParamsJson {
  readonly embed: number[][]; // (V, d)
  readonly pos: number[][]; // (T, d)
  readonly layers: {
    heads: { wq: number[][]; wk: number[][]; wv: number[][] }[];
    wo: number[][];
  }[];
  readonly unembed: number[][]; // (d, V)
  readonly bias: number[]; // (V)
}

/** One point of the training log, measured on the held-out set after `step` steps. */
export interface LabLogEntry {
  readonly step: number;
  readonly loss: number;
  readonly accuracy: number;
}

/** A set of sequences and their answers, as arrays of token ids (−1: no answer). */
export interface LabExamplesJson {
  readonly tokens: number[][];
  readonly targets: number[][];
}

/** What both variants share. */
interface LabDocumentBase {
  readonly format: typeof LAB_FORMAT;
  readonly version: 1;
  readonly task: LabTaskId;
  readonly vocab: string[];
  readonly config: LabDocumentConfig;
  readonly params: LabParamsJson;
}

/** A trained model with its log and held-out evaluation. */
export interface LabTrainDocument extends LabDocumentBase {
  readonly log: LabLogEntry[];
  readonly eval: LabExamplesJson & { accuracy: number; loss: number };
}

/** A model, one batch, its loss and its gradient. */
export interface LabGradCheckDocument extends LabDocumentBase {
  readonly batch: LabExamplesJson;
  readonly loss: number;
  readonly grads: LabParamsJson;
}

/** Either document. */
export type LabDocument = LabTrainDocument | LabGradCheckDocument;

/** True for the gradient-check variant. */
export function isGradCheckDocument(doc: LabDocument): doc is LabGradCheckDocument {
  return 'grads' in doc;
}

/** A matrix as rows of finite numbers; throws on NaN or Infinity, which JSON cannot hold. */
function rowsOf(m: Mat64, what: string): number[][] {
  if (!m.data.every((x) => Number.isFinite(x)))
    throw new RangeError(`lab document: ${what} holds a non-finite number`);
  return mat64ToRows(m);
}

/** Parameters (or gradients) as JSON. */
export function paramsToJson(params: LabParams): LabParamsJson {
  return {
    embed: rowsOf(params.embed, 'embed'),
    pos: rowsOf(params.pos, 'pos'),
    layers: params.layers.map((layer, l) => ({
      heads: layer.heads.map((h, i) => ({
        wq: rowsOf(h.wq, `layers[${l}].heads[${i}].wq`),
        wk: rowsOf(h.wk, `layers[${l}].heads[${i}].wk`),
        wv: rowsOf(h.wv, `layers[${l}].heads[${i}].wv`),
      })),
      wo: rowsOf(layer.wo, `layers[${l}].wo`),
    })),
    unembed: rowsOf(params.unembed, 'unembed'),
    bias: rowsOf({ rows: 1, cols: params.bias.length, data: params.bias }, 'bias')[0] ?? [],
  };
}

/** The document's configuration of a trainer after its steps so far. */
function documentConfig(trainer: LabTrainer): LabDocumentConfig {
  const { shape, config } = trainer;
  return {
    seqLen: shape.seqLen,
    width: shape.width,
    layers: shape.layers,
    heads: shape.heads,
    dK: labHeadDim(shape),
    causal: shape.causal,
    scale: true,
    positions: shape.positions,
    lr: config.lr,
    batch: config.batch,
    seed: trainer.seed,
    steps: trainer.stepCount,
  };
}

/** Examples as JSON arrays. */
function examplesToJson(examples: readonly LabExample[]): LabExamplesJson {
  return {
    tokens: examples.map((e) => [...e.tokens]),
    targets: examples.map((e) => [...e.targets]),
  };
}

/** The document of a trained model: its parameters now, the log, and the held-out evaluation. */
export function trainDocument(trainer: LabTrainer, log: readonly LabLogEntry[]): LabTrainDocument {
  const { loss, accuracy } = trainer.evaluate();
  return {
    format: LAB_FORMAT,
    version: 1,
    task: trainer.task.id,
    vocab: [...trainer.task.vocab],
    config: documentConfig(trainer),
    params: paramsToJson(trainer.params),
    log: log.map((e) => ({ step: e.step, loss: e.loss, accuracy: e.accuracy })),
    eval: { ...examplesToJson(trainer.heldOut), accuracy, loss },
  };
}

/** The gradient-check document: the parameters now, the next batch, its loss and gradient. */
export function gradCheckDocument(trainer: LabTrainer): LabGradCheckDocument {
  const { loss, grads } = trainer.gradients();
  return {
    format: LAB_FORMAT,
    version: 1,
    task: trainer.task.id,
    vocab: [...trainer.task.vocab],
    config: documentConfig(trainer),
    params: paramsToJson(trainer.params),
    batch: examplesToJson(trainer.batchAt(trainer.stepCount)),
    loss,
    grads: paramsToJson(grads),
  };
}

/** The shape of the model a document describes. */
export function documentShape(doc: LabDocument): LabModelShape {
  const c = doc.config;
  return {
    vocab: doc.vocab.length,
    seqLen: c.seqLen,
    width: c.width,
    layers: c.layers,
    heads: c.heads,
    positions: c.positions,
    causal: c.causal,
    scale: c.scale,
  };
}

/** The training settings a document was made with. */
export function documentConfigToLab(config: LabDocumentConfig): LabConfig {
  const { width, layers, heads, lr, batch, steps, positions } = config;
  return { width, layers, heads, lr, batch, steps, positions };
}

/** A parse failure: `path` says where in the document ("params.layers[0].wo"). */
function fail(path: string, what: string): never {
  throw new RangeError(`lab document: ${path} ${what}`);
}

type Json = Record<string, unknown>;

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(path, 'must be an object');
  return value as Json;
}

function num(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'must be a finite number');
  return value;
}

function whole(value: unknown, path: string, min: number): number {
  const n = num(value, path);
  if (!Number.isInteger(n) || n < min) fail(path, `must be a whole number ≥ ${min}`);
  return n;
}

function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'must be true or false');
  return value;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'must be an array');
  return value;
}

/** A matrix of the given shape, as rows of finite numbers. */
function matrixRows(value: unknown, path: string, rows: number, cols: number): number[][] {
  const out = array(value, path).map((r, i) =>
    array(r, `${path}[${i}]`).map((x, j) => num(x, `${path}[${i}][${j}]`)),
  );
  const got = `(${out.length}, ${out[0]?.length ?? 0})`;
  if (out.length !== rows || out.some((r) => r.length !== cols))
    fail(path, `must have shape (${rows}, ${cols}), got ${got}`);
  return out;
}

/** Parameters (or gradients) of the given shape. */
function paramsJson(value: unknown, path: string, shape: LabModelShape, dK: number): LabParamsJson {
  const p = object(value, path);
  const { vocab: V, seqLen: T, width: d, heads: H } = shape;
  const layers = array(p.layers, `${path}.layers`);
  if (layers.length !== shape.layers)
    fail(`${path}.layers`, `must hold ${shape.layers} layers, got ${layers.length}`);
  return {
    embed: matrixRows(p.embed, `${path}.embed`, V, d),
    pos: matrixRows(p.pos, `${path}.pos`, T, d),
    layers: layers.map((layerValue, l) => {
      const at = `${path}.layers[${l}]`;
      const layer = object(layerValue, at);
      const heads = array(layer.heads, `${at}.heads`);
      if (heads.length !== H) fail(`${at}.heads`, `must hold ${H} heads, got ${heads.length}`);
      return {
        heads: heads.map((headValue, i) => {
          const hp = `${at}.heads[${i}]`;
          const head = object(headValue, hp);
          return {
            wq: matrixRows(head.wq, `${hp}.wq`, d, dK),
            wk: matrixRows(head.wk, `${hp}.wk`, d, dK),
            wv: matrixRows(head.wv, `${hp}.wv`, d, dK),
          };
        }),
        wo: matrixRows(layer.wo, `${at}.wo`, H * dK, d),
      };
    }),
    unembed: matrixRows(p.unembed, `${path}.unembed`, d, V),
    bias: matrixRows([p.bias], `${path}.bias`, 1, V)[0] as number[],
  };
}

/** Sequences of T token ids below V with their targets (−1 or a token id). */
function examplesJson(value: unknown, path: string, T: number, V: number): LabExamplesJson {
  const e = object(value, path);
  const ids = (rows: unknown, at: string, min: number) =>
    array(rows, at).map((r, i) => {
      const row = array(r, `${at}[${i}]`).map((x, j) => whole(x, `${at}[${i}][${j}]`, min));
      if (row.length !== T) fail(`${at}[${i}]`, `must hold ${T} ids, got ${row.length}`);
      row.forEach((x, j) => {
        if (x >= V) fail(`${at}[${i}][${j}]`, `must be below the vocabulary size ${V}, got ${x}`);
      });
      return row;
    });
  const tokens = ids(e.tokens, `${path}.tokens`, 0);
  const targets = ids(e.targets, `${path}.targets`, -1);
  if (targets.length !== tokens.length)
    fail(`${path}.targets`, `must hold ${tokens.length} rows, got ${targets.length}`);
  return { tokens, targets };
}

/**
 * Reads a Lab document (either variant) from parsed JSON, checking every field and every
 * shape; throws a RangeError that says where the first problem is.
 */
export function parseLabDocument(value: unknown): LabDocument {
  const doc = object(value, 'document');
  if (doc.format !== LAB_FORMAT) fail('format', `must be "${LAB_FORMAT}"`);
  if (doc.version !== 1) fail('version', 'must be 1');
  const task = doc.task;
  if (typeof task !== 'string' || !isLabTaskId(task))
    fail('task', `is not a task id: ${String(task)}`);
  const vocab = array(doc.vocab, 'vocab').map((s, i) => {
    if (typeof s !== 'string') fail(`vocab[${i}]`, 'must be a string');
    return s;
  });
  const c = object(doc.config, 'config');
  if (c.scale !== true) fail('config.scale', 'must be true');
  const config: LabDocumentConfig = {
    seqLen: whole(c.seqLen, 'config.seqLen', 1),
    width: whole(c.width, 'config.width', 1),
    layers: whole(c.layers, 'config.layers', 1),
    heads: whole(c.heads, 'config.heads', 1),
    dK: whole(c.dK, 'config.dK', 1),
    causal: bool(c.causal, 'config.causal'),
    scale: true,
    positions: bool(c.positions, 'config.positions'),
    lr: num(c.lr, 'config.lr'),
    batch: whole(c.batch, 'config.batch', 1),
    seed: whole(c.seed, 'config.seed', 0),
    steps: whole(c.steps, 'config.steps', 0),
  };
  const shape: LabModelShape = {
    vocab: vocab.length,
    seqLen: config.seqLen,
    width: config.width,
    layers: config.layers,
    heads: config.heads,
    positions: config.positions,
    causal: config.causal,
    scale: true,
  };
  if (config.dK !== labHeadDim(shape))
    fail('config.dK', `must be floor(width / heads) = ${labHeadDim(shape)}`);
  const params = paramsJson(doc.params, 'params', shape, config.dK);
  const base = { format: LAB_FORMAT, version: 1 as const, task, vocab, config, params };
  if ('grads' in doc) {
    return {
      ...base,
      batch: examplesJson(doc.batch, 'batch', config.seqLen, vocab.length),
      loss: num(doc.loss, 'loss'),
      grads: paramsJson(doc.grads, 'grads', shape, config.dK),
    };
  }
  const log = array(doc.log, 'log').map((entry, i) => {
    const e = object(entry, `log[${i}]`);
    return {
      step: whole(e.step, `log[${i}].step`, 0),
      loss: num(e.loss, `log[${i}].loss`),
      accuracy: num(e.accuracy, `log[${i}].accuracy`),
    };
  });
  const ev = object(doc.eval, 'eval');
  return {
    ...base,
    log,
    eval: {
      ...examplesJson(ev, 'eval', config.seqLen, vocab.length),
      accuracy: num(ev.accuracy, 'eval.accuracy'),
      loss: num(ev.loss, 'eval.loss'),
    },
  };
}

/** Float64 parameters from their JSON (already checked by `parseLabDocument`). */
export function paramsFromJson(json: LabParamsJson, shape: LabModelShape): LabParams {
  const params: LabParams = {
    embed: mat64FromRows(json.embed),
    pos: mat64FromRows(json.pos),
    layers: json.layers.map((layer) => ({
      heads: layer.heads.map((h) => ({
        wq: mat64FromRows(h.wq),
        wk: mat64FromRows(h.wk),
        wv: mat64FromRows(h.wv),
      })),
      wo: mat64FromRows(layer.wo),
    })),
    unembed: mat64FromRows(json.unembed),
    bias: Float64Array.from(json.bias),
  };
  checkLabParams(params, shape);
  return params;
}

/** The task a document names, checking that its vocabulary and length are this version's. */
export function documentTask(doc: LabDocument): ReturnType<typeof labTask> {
  const task = labTask(doc.task);
  if (task.seqLen !== doc.config.seqLen || task.vocab.join(' ') !== doc.vocab.join(' ')) {
    throw new RangeError(
      `lab document: task ${doc.task} has another vocabulary or length in this version`,
    );
  }
  return task;
}
