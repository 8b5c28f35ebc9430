/**
 * `npm run bench:lab`: training steps per second of the Lab's trainer (src/core/lab) in Node,
 * for each task at its defaults, beside the same model, batch and optimiser in
 * TensorFlow.js (the pure-JavaScript CPU backend, a development dependency only, with
 * tf.variableGrads and tf.train.adam). Before timing, both compute the gradient of the same
 * batch at the same float32 parameters, and the largest difference is printed (relative to
 * the largest gradient of each parameter); the command fails when it is above 1e-3.
 *
 * Both sides draw their batches from the Lab's own generator, so a step is the same work:
 * make a batch, forward, backward, Adam. Rounds alternate between the two and the median is
 * kept. `--quick` runs fewer steps (a smoke test; the README's figures use the default).
 */
import { performance } from 'node:perf_hooks';
import { labModelShape } from '../core/lab/config';
import {
  labHeadDim,
  labLossAndGrads,
  paramArrays,
  paramEntries,
  type LabExample,
  type LabParams,
} from '../core/lab/model';
import { LAB_TASKS, type LabTask } from '../core/lab/tasks/index';
import { createTrainer, trainingBatch } from '../core/lab/trainer';
import { machineLine, markdownTable, median } from './benchShared';

const quick = process.argv.includes('--quick');
const STEPS = quick ? 10 : 60;
const ROUNDS = quick ? 1 : 3;
const SEED = 1;
/** Largest accepted difference between the two gradients, relative to each parameter's largest. */
const TOLERANCE = 1e-3;

/**
 * The part of TensorFlow.js used here. tfjs-core's declarations pull in @webgpu/types, which
 * would change the DOM types of the whole project's type check (see bench.ts), so tfjs is
 * imported by a specifier TypeScript does not follow, and typed here.
 */
interface Tensor {
  readonly shape: number[];
  dataSync(): Float32Array | Int32Array | Uint8Array;
  dispose(): void;
}
interface Variable extends Tensor {
  readonly name: string;
}
interface Optimizer {
  minimize(f: () => Tensor, returnCost?: boolean, varList?: Variable[]): Tensor | null;
  dispose(): void;
}
interface TfLike {
  tensor1d(values: Float32Array | Int32Array, dtype?: 'float32' | 'int32'): Tensor;
  tensor2d(values: Float32Array, shape: [number, number]): Tensor;
  variable(initial: Tensor, trainable?: boolean, name?: string): Variable;
  variableGrads(
    f: () => Tensor,
    varList?: Variable[],
  ): { value: Tensor; grads: Record<string, Tensor> };
  gather(x: Tensor, indices: Tensor): Tensor;
  reshape(x: Tensor, shape: number[]): Tensor;
  matMul(a: Tensor, b: Tensor, transposeA?: boolean, transposeB?: boolean): Tensor;
  mul(a: Tensor, b: Tensor | number): Tensor;
  add(a: Tensor, b: Tensor): Tensor;
  softmax(x: Tensor): Tensor;
  logSoftmax(x: Tensor): Tensor;
  oneHot(indices: Tensor, depth: number): Tensor;
  sum(x: Tensor): Tensor;
  neg(x: Tensor): Tensor;
  div(a: Tensor, b: number): Tensor;
  concat(tensors: Tensor[], axis: number): Tensor;
  tidy<T extends Tensor | void>(fn: () => T): T;
  train: { adam(lr: number, beta1: number, beta2: number, eps: number): Optimizer };
  registerGradient(config: unknown): void;
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
  memory(): { numTensors: number };
  readonly version_core: string;
}

/**
 * The kernels whose gradients the model needs. tfjs-core's Node bundle registers no
 * gradients (the union package @tensorflow/tfjs does), and its register_all_gradients
 * module cannot be imported by Node's ESM loader; so each gradient is imported from its
 * own file and registered.
 */
const GRADIENT_KERNELS = [
  'Add',
  'BatchMatMul',
  'Concat',
  'GatherV2',
  'Reshape',
  'Multiply',
  'RealDiv',
  'Neg',
  'Sum',
  'Softmax',
  'Max',
  'Sub',
  'Exp',
  'Log',
  'Cast',
] as const;

async function loadTf(): Promise<TfLike> {
  const core: string = '@tensorflow/tfjs-core';
  const cpu: string = '@tensorflow/tfjs-backend-cpu';
  const tf = (await import(core)) as TfLike;
  await import(cpu);
  for (const kernel of GRADIENT_KERNELS) {
    const file: string = `@tensorflow/tfjs-core/dist/gradients/${kernel}_grad.js`;
    const module = (await import(file)) as Record<string, unknown>;
    const config = Object.values(module)[0];
    if (config === undefined) throw new Error(`no gradient in ${file}`);
    tf.registerGradient(config);
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return tf;
}

/** The Lab's model in TensorFlow.js: variables made from float64 parameters, and the batch loss. */
class TfLabModel {
  readonly variables: Variable[];
  private readonly byName: Map<string, Variable>;

  constructor(
    private readonly tf: TfLike,
    private readonly task: LabTask,
    params: LabParams,
    prefix: string,
  ) {
    this.variables = paramEntries(params).map((entry) => {
      const values = Float32Array.from(entry.data);
      const shaped = tf.tensor1d(values);
      return tf.variable(shaped, true, `${prefix}/${entry.name}`);
    });
    this.byName = new Map(
      paramEntries(params).map((e, i) => [e.name, this.variables[i] as Variable]),
    );
  }

  private v(name: string): Variable {
    const found = this.byName.get(name);
    if (!found) throw new Error(`no variable ${name}`);
    return found;
  }

  /** The mean cross-entropy of a batch (see src/core/lab/model.ts), as a scalar tensor. */
  loss(batch: readonly LabExample[], shape: ReturnType<typeof labModelShape>): Tensor {
    const { tf } = this;
    const { seqLen: T, width: d, vocab: V, heads: H } = shape;
    const dK = labHeadDim(shape);
    const B = batch.length;
    const tokens = tf.tensor1d(Int32Array.from(batch.flatMap((e) => e.tokens)), 'int32'); // (N)
    const rows: number[] = [];
    const targets: number[] = [];
    batch.forEach((e, b) =>
      e.targets.forEach((t, i) => {
        if (t >= 0) {
          rows.push(b * T + i);
          targets.push(t);
        }
      }),
    );
    const mask = new Float32Array(T * T); // (T, T)
    if (shape.causal)
      for (let i = 0; i < T; i++) for (let j = i + 1; j < T; j++) mask[i * T + j] = -1e9;
    const maskT = tf.tensor2d(mask, [T, T]);
    let x = tf.gather(tf.reshape(this.v('embed'), [V, d]), tokens); // (N, d)
    if (shape.positions) {
      const pos = tf.reshape(this.v('pos'), [1, T, d]);
      x = tf.reshape(tf.add(tf.reshape(x, [B, T, d]), pos), [B * T, d]);
    }
    for (let l = 0; l < shape.layers; l++) {
      const outputs: Tensor[] = [];
      for (let h = 0; h < H; h++) {
        const w = (m: string) => tf.reshape(this.v(`layers.${l}.heads.${h}.${m}`), [d, dK]);
        const q = tf.reshape(tf.matMul(x, w('wq')), [B, T, dK]); // (B, T, dK)
        const k = tf.reshape(tf.matMul(x, w('wk')), [B, T, dK]); // (B, T, dK)
        const v = tf.reshape(tf.matMul(x, w('wv')), [B, T, dK]); // (B, T, dK)
        const scores = tf.add(tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(dK)), maskT); // (B, T, T)
        outputs.push(tf.matMul(tf.softmax(scores), v)); // (B, T, dK)
      }
      const concat = tf.reshape(H === 1 ? (outputs[0] as Tensor) : tf.concat(outputs, 2), [
        B * T,
        H * dK,
      ]);
      x = tf.add(x, tf.matMul(concat, tf.reshape(this.v(`layers.${l}.wo`), [H * dK, d]))); // (N, d)
    }
    const answers = tf.gather(x, tf.tensor1d(Int32Array.from(rows), 'int32')); // (A, d)
    const logits = tf.add(
      tf.matMul(answers, tf.reshape(this.v('unembed'), [d, V])),
      this.v('bias'),
    ); // (A, V)
    const onehot = tf.oneHot(tf.tensor1d(Int32Array.from(targets), 'int32'), V); // (A, V)
    return tf.div(tf.neg(tf.sum(tf.mul(onehot, tf.logSoftmax(logits)))), rows.length);
  }

  dispose(): void {
    for (const v of this.variables) v.dispose();
  }
}

/** Seconds one call of `fn` takes. */
function seconds(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
}

/** The largest |tf − ours| of each parameter relative to its largest |ours|, the worst of all. */
function gradientDifference(tf: TfLike, task: LabTask): number {
  const config = task.defaults;
  const trainer = createTrainer(task, config, SEED);
  // Both sides start from the same float32 numbers.
  for (const a of paramArrays(trainer.params)) a.set(Float32Array.from(a));
  const shape = trainer.shape;
  const batch = trainer.batchAt(0);
  const ours = paramArrays(labLossAndGrads(trainer.params, batch, shape).grads);
  const model = new TfLabModel(tf, task, trainer.params, `check-${task.id}`);
  const { value, grads } = tf.variableGrads(() => model.loss(batch, shape), model.variables);
  let worst = 0;
  model.variables.forEach((variable, i) => {
    const theirs = grads[variable.name]?.dataSync();
    const mine = ours[i] as Float64Array;
    if (!theirs) throw new Error(`tfjs gave no gradient for ${variable.name}`);
    let scale = 0;
    let diff = 0;
    mine.forEach((x, j) => {
      scale = Math.max(scale, Math.abs(x));
      diff = Math.max(diff, Math.abs(x - (theirs[j] as number)));
    });
    if (scale > 0) worst = Math.max(worst, diff / scale);
  });
  value.dispose();
  for (const g of Object.values(grads)) g.dispose();
  model.dispose();
  return worst;
}

/** Steps per second of each side for one task (median over alternating rounds). */
function timeTask(tf: TfLike, task: LabTask): { ours: number; theirs: number } {
  const config = task.defaults;
  const oursTimes: number[] = [];
  const theirTimes: number[] = [];
  for (let round = 0; round < ROUNDS + 1; round++) {
    const trainer = createTrainer(task, config, SEED);
    const ours = seconds(() => {
      for (let i = 0; i < STEPS; i++) trainer.step();
    });
    const model = new TfLabModel(tf, task, trainer.params, `time-${task.id}-${round}`);
    const optimizer = tf.train.adam(config.lr, 0.9, 0.999, 1e-8);
    const shape = trainer.shape;
    const before = tf.memory().numTensors;
    const theirs = seconds(() => {
      for (let i = 0; i < STEPS; i++) {
        const batch = trainingBatch(task, SEED, i, config.batch);
        tf.tidy(() => {
          optimizer.minimize(() => model.loss(batch, shape), false, model.variables);
        });
      }
    });
    optimizer.dispose();
    model.dispose();
    // The first round warms up both (JIT, tfjs kernels) and is not kept.
    if (round === 0) continue;
    if (tf.memory().numTensors > before + 64) throw new Error('tfjs leaked tensors');
    oursTimes.push(ours);
    theirTimes.push(theirs);
  }
  return { ours: STEPS / median(oursTimes), theirs: STEPS / median(theirTimes) };
}

async function main(): Promise<void> {
  const tf = await loadTf();
  console.log(machineLine());
  console.log(
    `\nLab training steps per second: src/core/lab (float64) vs TensorFlow.js ${tf.version_core} ` +
      `(backend "${tf.getBackend()}", float32, tf.variableGrads + tf.train.adam); each task at its ` +
      `defaults, seed ${SEED}, median of ${ROUNDS} rounds of ${STEPS} steps after a warm-up round; ` +
      `"grad diff" is the largest |tfjs − core| gradient over one batch, relative to each parameter's largest\n`,
  );
  const rows: string[][] = [];
  let worst = 0;
  for (const task of LAB_TASKS) {
    const diff = gradientDifference(tf, task);
    worst = Math.max(worst, diff);
    const { ours, theirs } = timeTask(tf, task);
    const c = task.defaults;
    rows.push([
      task.id,
      `${c.layers} × ${c.heads}`,
      String(c.width),
      String(task.seqLen),
      String(c.batch),
      ours.toFixed(0),
      theirs.toFixed(0),
      (ours / theirs).toFixed(1),
      diff.toExponential(1),
    ]);
  }
  console.log(
    markdownTable(
      [
        'task',
        'layers × heads',
        'width',
        'T',
        'batch',
        'core steps/s',
        'tfjs steps/s',
        'core ÷ tfjs',
        'grad diff',
      ],
      rows,
      ['l'],
    ),
  );
  if (!(worst <= TOLERANCE)) {
    console.error(`bench:lab: the gradients disagree by ${worst}, more than ${TOLERANCE}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
