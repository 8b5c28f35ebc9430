/**
 * Cross-implementation check of the Lab's gradients: the trainer against NumPy. The cases in
 * test/golden/lab/cases are written by test/golden/lab/make_lab_golden.py, which runs
 * `npm run lab -- --grad-check --json` and recomputes the batch's loss and every gradient
 * with an independent NumPy implementation (numpy_lab.py). Here the trainer recomputes them
 * from the same parameters and batch; both are float64 and must agree within 1e-6 relative.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  documentShape,
  paramsFromJson,
  paramsToJson,
  parseLabDocument,
  type LabParamsJson,
} from '../../../src/core/lab/document';
import { labLossAndGrads } from '../../../src/core/lab/model';
import { expectArrayClose } from './labHelpers';

const CASES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../golden/lab/cases',
);
const TOLERANCE = 1e-6;

/** One golden file, as make_lab_golden.py writes it. */
interface GoldenCase {
  readonly args: string[];
  readonly document: Record<string, unknown>;
  readonly numpy: { readonly loss: number; readonly grads: LabParamsJson };
}

/** Every number of a parameters' JSON, named, in a fixed order. */
function flatParams(p: LabParamsJson): [string, number[]][] {
  const out: [string, number[]][] = [
    ['embed', p.embed.flat()],
    ['pos', p.pos.flat()],
  ];
  p.layers.forEach((layer, l) => {
    layer.heads.forEach((h, i) => {
      out.push([`layers[${l}].heads[${i}].wq`, h.wq.flat()]);
      out.push([`layers[${l}].heads[${i}].wk`, h.wk.flat()]);
      out.push([`layers[${l}].heads[${i}].wv`, h.wv.flat()]);
    });
    out.push([`layers[${l}].wo`, layer.wo.flat()]);
  });
  out.push(['unembed', p.unembed.flat()]);
  out.push(['bias', p.bias]);
  return out;
}

const cases = readdirSync(CASES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('the Lab’s gradients against NumPy (test/golden/lab)', () => {
  it('has the committed cases: 2 layers, 2 and 3 heads, no positions, every task', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
    const all = cases.map(
      (f) => JSON.parse(readFileSync(path.join(CASES_DIR, f), 'utf8')) as GoldenCase,
    );
    const configs = all.map(
      (c) => c.document.config as { layers: number; heads: number; positions: boolean },
    );
    expect(configs.some((c) => c.layers >= 2)).toBe(true);
    expect(configs.some((c) => c.heads >= 2)).toBe(true);
    expect(configs.some((c) => !c.positions)).toBe(true);
    expect(new Set(all.map((c) => c.document.task))).toEqual(
      new Set(['lookup', 'previous', 'reverse', 'induction']),
    );
  });

  for (const file of cases) {
    it(`${file}: loss and every gradient within ${TOLERANCE}`, () => {
      const golden = JSON.parse(readFileSync(path.join(CASES_DIR, file), 'utf8')) as GoldenCase;
      // parseLabDocument checks every shape; the numpy grads go in as the document's grads.
      const doc = parseLabDocument({
        ...golden.document,
        loss: golden.numpy.loss,
        grads: golden.numpy.grads,
      });
      if (!('grads' in doc)) throw new Error('expected a gradient-check document');
      const shape = documentShape(doc);
      const params = paramsFromJson(doc.params, shape);
      const examples = doc.batch.tokens.map((tokens, b) => ({
        tokens,
        targets: doc.batch.targets[b] as number[],
      }));
      const ours = labLossAndGrads(params, examples, shape);
      expectArrayClose([ours.loss], [doc.loss], TOLERANCE, 'loss', 1e-12);
      const wanted = flatParams(doc.grads);
      flatParams(paramsToJson(ours.grads)).forEach(([name, values], i) => {
        const [wantedName, expected] = wanted[i] as [string, number[]];
        expect(name).toBe(wantedName);
        expectArrayClose(values, expected, TOLERANCE, `${file} ${name}`, 1e-12);
      });
    });
  }
});
