import { describe, expect, it } from 'vitest';
import {
  documentConfigToLab,
  documentShape,
  documentTask,
  gradCheckDocument,
  isGradCheckDocument,
  LAB_FORMAT,
  paramsFromJson,
  parseLabDocument,
  trainDocument,
  type LabGradCheckDocument,
  type LabTrainDocument,
} from '../../../src/core/lab/document';
import { evaluateParams } from '../../../src/core/lab/trainer';
import { paramArrays } from '../../../src/core/lab/model';
import { inductionTask } from '../../../src/core/lab/tasks/induction';
import { reverseTask } from '../../../src/core/lab/tasks/reverse';
import { createTrainer } from '../../../src/core/lab/trainer';

/** Through JSON text and back, as a file would go. */
const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function trained(): { doc: LabTrainDocument; trainer: ReturnType<typeof createTrainer> } {
  const config = { ...inductionTask.defaults, width: 8, heads: 2, batch: 4, positions: false };
  const trainer = createTrainer(inductionTask, config, 21);
  const log = [];
  for (let i = 0; i < 3; i++) {
    trainer.step();
    log.push({ step: trainer.stepCount, ...trainer.evaluate() });
  }
  return { doc: trainDocument(trainer, log), trainer };
}

describe('the lab document', () => {
  it('writes the fields of issue 11 for a trained model', () => {
    const { doc, trainer } = trained();
    expect(Object.keys(doc)).toEqual([
      'format',
      'version',
      'task',
      'vocab',
      'config',
      'params',
      'log',
      'eval',
    ]);
    expect(doc.format).toBe(LAB_FORMAT);
    expect(doc.format).toBe('attention-graph-lab');
    expect(doc.version).toBe(1);
    expect(doc.task).toBe('induction');
    expect(doc.vocab).toEqual(inductionTask.vocab);
    expect(doc.config).toEqual({
      seqLen: 10,
      width: 8,
      layers: 2,
      heads: 2,
      dK: 4,
      causal: true,
      scale: true,
      positions: false,
      lr: inductionTask.defaults.lr,
      batch: 4,
      seed: 21,
      steps: 3,
    });
    expect(Object.keys(doc.params)).toEqual(['embed', 'pos', 'layers', 'unembed', 'bias']);
    expect(doc.params.layers[1]?.heads[1]?.wq).toHaveLength(8);
    expect(doc.params.layers[1]?.heads[1]?.wq[0]).toHaveLength(4);
    expect(doc.params.pos.flat().every((x) => x === 0)).toBe(true); // no positions: zeros
    expect(doc.log.map((e) => e.step)).toEqual([1, 2, 3]);
    expect(doc.eval.tokens).toEqual(trainer.heldOut.map((e) => e.tokens));
    expect(doc.eval.targets).toEqual(trainer.heldOut.map((e) => e.targets));
    expect(doc.eval.accuracy).toBe(trainer.evaluate().accuracy);
  });

  it('round-trips through JSON text exactly, and the parameters give the same evaluation', () => {
    const { doc, trainer } = trained();
    const parsed = parseLabDocument(viaJson(doc));
    expect(parsed).toEqual(doc);
    expect(isGradCheckDocument(parsed)).toBe(false);
    const shape = documentShape(parsed);
    expect(shape).toEqual(trainer.shape);
    const params = paramsFromJson(parsed.params, shape);
    expect(paramArrays(params).map((a) => Array.from(a))).toEqual(
      paramArrays(trainer.params).map((a) => Array.from(a)),
    );
    expect(evaluateParams(params, trainer.heldOut, shape)).toEqual(trainer.evaluate());
    // The document records the steps trained, not the run's target.
    expect(documentConfigToLab(parsed.config)).toEqual({ ...trainer.config, steps: 3 });
    expect(documentTask(parsed)).toBe(inductionTask);
  });

  it('writes the gradient check: the next batch, its loss and a gradient shaped like params', () => {
    const trainer = createTrainer(reverseTask, reverseTask.defaults, 8);
    trainer.step();
    const doc = gradCheckDocument(trainer);
    expect(Object.keys(doc)).toEqual([
      'format',
      'version',
      'task',
      'vocab',
      'config',
      'params',
      'batch',
      'loss',
      'grads',
    ]);
    expect(doc.config.steps).toBe(1);
    expect(doc.batch.tokens).toEqual(trainer.batchAt(1).map((e) => e.tokens));
    const { loss } = trainer.gradients();
    expect(doc.loss).toBe(loss);
    expect(doc.grads.embed).toHaveLength(reverseTask.vocab.length);
    const parsed = parseLabDocument(viaJson(doc)) as LabGradCheckDocument;
    expect(parsed).toEqual(doc);
    expect(isGradCheckDocument(parsed)).toBe(true);
  });

  it('says where a document is wrong', () => {
    const { doc } = trained();
    const broken = (patch: (d: Record<string, unknown>) => void) => {
      const copy = viaJson(doc) as Record<string, unknown>;
      patch(copy);
      return () => parseLabDocument(copy);
    };
    expect(() => parseLabDocument(null)).toThrow(/document must be an object/);
    expect(broken((d) => (d.format = 'attention-graph-trace'))).toThrow(/format/);
    expect(broken((d) => (d.version = 2))).toThrow(/version/);
    expect(broken((d) => (d.task = 'copy'))).toThrow(/task.*copy/);
    expect(broken((d) => ((d.config as Record<string, unknown>).dK = 3))).toThrow(/config\.dK.*4/);
    expect(broken((d) => ((d.config as Record<string, unknown>).scale = false))).toThrow(
      /config\.scale/,
    );
    expect(
      broken((d) => {
        const layers = (d.params as { layers: { wo: number[][] }[] }).layers;
        (layers[1] as { wo: number[][] }).wo.pop();
      }),
    ).toThrow(/params\.layers\[1\]\.wo must have shape \(8, 8\), got \(7, 8\)/);
    expect(broken((d) => ((d.params as { bias: unknown[] }).bias[0] = 'x'))).toThrow(
      /params\.bias\[0\]\[0\]/,
    );
    expect(broken((d) => ((d.eval as { tokens: number[][] }).tokens[0]![0] = 99))).toThrow(
      /eval\.tokens\[0\]\[0\].*99/,
    );
    expect(broken((d) => ((d.log as { loss: unknown }[])[0]!.loss = null))).toThrow(
      /log\[0\]\.loss/,
    );
    expect(broken((d) => (d.vocab = ['A']))).toThrow(/params\.embed must have shape \(1, 8\)/);
  });

  it('refuses a document whose task has another vocabulary in this version', () => {
    const { doc } = trained();
    const other = { ...doc, vocab: doc.vocab.map((s) => s.toLowerCase()) };
    expect(() => documentTask(other)).toThrow(/another vocabulary/);
  });
});
