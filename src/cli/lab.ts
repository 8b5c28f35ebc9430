/**
 * `npm run lab -- [--task ID] [options]`: trains a task of the Attention Lab in Node with
 * the app's own trainer. Prints progress lines and a summary, or with --json only the
 * 'attention-graph-lab' document; --grad-check writes one batch with its loss and
 * gradients instead of training. Exit codes: 0 success, 1 failure, 2 bad flags.
 */
import { performance } from 'node:perf_hooks';
import { gradCheckDocument, trainDocument, type LabLogEntry } from '../core/lab/document';
import { createTrainer, type LabTrainer } from '../core/lab/trainer';
import { LAB_USAGE, parseLabArgs, type LabOptions } from './labArgs';

/** Log points: step 0, then every `every` steps and the last. */
function logEvery(steps: number): number {
  return steps <= 1000 ? 10 : Math.ceil(steps / 100);
}

/** One log point, measured on the held-out set. */
function measure(trainer: LabTrainer): LabLogEntry {
  const { loss, accuracy } = trainer.evaluate();
  return { step: trainer.stepCount, loss, accuracy };
}

/** "step  120/300  loss 0.0123  held-out accuracy 0.995". */
function progressLine(entry: LabLogEntry, steps: number): string {
  const width = String(steps).length;
  return (
    `step ${String(entry.step).padStart(width)}/${steps}  loss ${entry.loss.toFixed(4)}  ` +
    `held-out accuracy ${entry.accuracy.toFixed(3)}`
  );
}

/** Trains as the options say, printing progress unless `json`; returns the log. */
function train(
  trainer: LabTrainer,
  options: LabOptions,
  print: (line: string) => void,
): LabLogEntry[] {
  const { steps } = options.config;
  const every = logEvery(steps);
  const log = [measure(trainer)];
  print(progressLine(log[0] as LabLogEntry, steps));
  while (trainer.stepCount < steps) {
    trainer.step();
    if (trainer.stepCount % every === 0 || trainer.stepCount === steps) {
      const entry = measure(trainer);
      log.push(entry);
      print(progressLine(entry, steps));
    }
  }
  return log;
}

function main(argv: readonly string[]): number {
  const parsed = parseLabArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`lab: ${parsed.error} (see --help)\n`);
    return 2;
  }
  const { options } = parsed;
  if (options.help) {
    process.stdout.write(`${LAB_USAGE}\n`);
    return 0;
  }
  const { task, config, seed } = options;
  const print = options.json ? () => {} : (line: string) => process.stdout.write(`${line}\n`);
  const trainer = createTrainer(task, config, seed);
  print(
    `lab: task ${task.id}, ${config.layers} layer(s) × ${config.heads} head(s), width ${config.width}, ` +
      `lr ${config.lr}, batch ${config.batch}, ${config.steps} steps, seed ${seed}, ` +
      `positions ${config.positions ? 'on' : 'off'}, ${trainer.heldOut.length} held-out sequences`,
  );
  if (options.gradCheck) {
    for (let i = 0; i < config.steps; i++) trainer.step();
    const doc = gradCheckDocument(trainer);
    if (options.json) process.stdout.write(`${JSON.stringify(doc)}\n`);
    else
      print(
        `gradient check after ${trainer.stepCount} steps: batch of ${doc.batch.tokens.length}, loss ${doc.loss}`,
      );
    return 0;
  }
  const start = performance.now();
  const log = train(trainer, options, print);
  const seconds = (performance.now() - start) / 1000;
  const doc = trainDocument(trainer, log);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(doc)}\n`);
    return 0;
  }
  const first = log.find((e) => e.accuracy >= 0.99);
  print(
    `done: ${trainer.stepCount} steps in ${seconds.toFixed(2)} s (with the evaluations), ` +
      `held-out accuracy ${doc.eval.accuracy.toFixed(3)}, loss ${doc.eval.loss.toFixed(4)}; ` +
      (first ? `first ≥ 0.99 at step ${first.step}` : 'never reached 0.99'),
  );
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`lab: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
