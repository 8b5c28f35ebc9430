/**
 * `npm run train:english`: trains the learned preset's models on the Brown corpus (npm run
 * fetch:corpus first) and writes public/weights/learned.json and the training log
 * (src/tools/english/train-log.txt).
 *
 * Every configuration (and a no-attention baseline per width, for the loss to compare with)
 * is one seeded run of trainRun.ts in its own process, so that the runs share the machine's
 * cores; the results do not depend on how the processes are scheduled. Each run prints its
 * progress, its held-out loss and its heads' figures on the held-out part; this command then
 * gathers them into the weights file (with each model's SHA-256) and prints the tables again.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatHeadTable } from '../../core/english/measure';
import {
  fromBase64,
  LEARNED_FORMAT,
  LEARNED_WEIGHTS_PATH,
  type HeadPatternJson,
} from '../../core/learnedWeights';
import { sha256Hex } from '../../core/sha256';
import { headDim } from '../../core/weights';
import { CORPUS_PACKAGE, ROOT } from './corpus';
import { RUN_DEFAULTS, type Objective, type RunOptions, type SavedRun } from './trainRun';

/** The objective, chosen by measurement (README, "Learned heads"). */
export const OBJECTIVE: Objective = 'next-word';

/** What every run shares. */
const SHARED: Partial<RunOptions> = { objective: OBJECTIVE, seed: 1 };

/**
 * Width 8 is cheap: 2400 steps of 32 sentences (about 1.5 passes over the training part).
 * Width 100 costs about twenty times as much per sentence, so it reads 450 steps of 16 with a
 * smaller readout (1000 words) and 4 answers a sentence, to finish within the time budget.
 */
const W8: Partial<RunOptions> = {
  width: 8,
  steps: 2400,
  batch: 32,
  keep: 6,
  lr: 0.03,
  vocabularySize: 2000,
};
const W100: Partial<RunOptions> = {
  width: 100,
  steps: 450,
  batch: 16,
  keep: 4,
  lr: 0.01,
  vocabularySize: 1000,
};

/** The configurations the preset covers, then the baselines. */
const RUNS: readonly { readonly name: string; readonly options: Partial<RunOptions> }[] = [
  { name: 'w8h1', options: { ...W8, heads: 1 } },
  { name: 'w8h2', options: { ...W8, heads: 2 } },
  { name: 'w8base', options: { ...W8, heads: 1, baseline: true } },
  { name: 'w100h4', options: { ...W100, heads: 4 } },
  { name: 'w100base', options: { ...W100, heads: 4, baseline: true } },
];

function flags(o: RunOptions): string[] {
  return [
    '--width', String(o.width),
    '--heads', String(o.heads),
    '--objective', o.objective === 'masked-word' ? 'masked' : 'next',
    ...(o.baseline ? ['--baseline'] : []),
    '--steps', String(o.steps),
    '--batch', String(o.batch),
    '--keep', String(o.keep),
    '--mask-rate', String(o.maskRate),
    '--lr', String(o.lr),
    '--seed', String(o.seed),
    '--vocabulary', String(o.vocabularySize),
    '--eval', String(o.evalSentences),
    '--max-tokens', String(o.maxTokens),
  ]; // prettier-ignore
}

/** Runs trainRun.ts in a child process, its output prefixed with the run's name. */
function runChild(name: string, o: RunOptions, out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src/tools/english/trainRun.ts'), ...flags(o), '--save', out],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) console.log(`[${name}] ${line}`);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (pending) console.log(`[${name}] ${pending}`);
      if (code === 0) resolve();
      else reject(new Error(`${name} exited with code ${code}`));
    });
  });
}

const percent = (x: number): string => `${(100 * x).toFixed(1)} %`;

async function main(): Promise<void> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'train-english-'));
  const results = new Map<string, SavedRun>();
  await Promise.all(
    RUNS.map(async ({ name, options }) => {
      const o: RunOptions = { ...RUN_DEFAULTS, ...SHARED, ...options };
      const out = join(dir, `${name}.json`);
      await runChild(name, o, out);
      results.set(name, JSON.parse(readFileSync(out, 'utf8')) as SavedRun);
    }),
  );
  const minutes = (Date.now() - started) / 60000;
  const get = (name: string): SavedRun => {
    const r = results.get(name);
    if (!r) throw new Error(`no result for ${name}`);
    return r;
  };
  const models = RUNS.filter((r) => !r.options.baseline).map(({ name }) => {
    const r = get(name);
    const { width, heads } = r.options;
    const base = get(width === 8 ? 'w8base' : 'w100base');
    const bytes = fromBase64(r.data);
    const figures: HeadPatternJson[] = r.figures.map((f, h) => ({
      head: h + 1,
      pattern: f.pattern,
      share: Number(f.share.toFixed(4)),
    }));
    const dK = headDim(width, heads);
    return {
      width,
      heads,
      dK,
      heldOutLoss: Number(r.heldOutLoss.toFixed(4)),
      baselineLoss: Number(base.heldOutLoss.toFixed(4)),
      parameters: 4 * width * dK * heads + (width + 1) * (r.options.vocabularySize + 1),
      figures,
      sha256: sha256Hex(bytes),
      data: r.data,
    };
  });
  const file = {
    format: LEARNED_FORMAT,
    version: 1,
    name: 'learned',
    corpus: `Brown corpus (${CORPUS_PACKAGE}), nine documents in ten`,
    objective: OBJECTIVE,
    causal: OBJECTIVE === 'next-word',
    models,
  };
  mkdirSync(join(ROOT, 'public', 'weights'), { recursive: true });
  writeFileSync(join(ROOT, 'public', LEARNED_WEIGHTS_PATH), `${JSON.stringify(file, null, 1)}\n`);

  const summary: string[] = [
    `npm run train:english: ${OBJECTIVE}, ${minutes.toFixed(1)} minutes wall time`,
  ];
  for (const { name } of RUNS) {
    const r = get(name);
    summary.push(
      `${name}: width ${r.options.width}, ${r.options.baseline ? 'no attention' : `${r.options.heads} heads`}, ` +
        `${r.options.steps} steps of ${r.options.batch} sentences, held-out loss ${r.heldOutLoss.toFixed(4)}, ${r.seconds.toFixed(0)} s`,
    );
  }
  for (const m of models) {
    const r = get(`w${m.width}h${m.heads}`);
    summary.push(
      '',
      `width ${m.width}, ${m.heads} heads, held-out (${r.figures[0]?.sentences ?? 0} sentences):`,
      formatHeadTable(r.figures),
      `on the committed sample (${r.sampleFigures[0]?.sentences ?? 0} sentences): ` +
        r.sampleFigures
          .map((f, h) => `head ${h + 1} ${f.pattern ?? '-'} ${percent(f.share)}`)
          .join(', '),
    );
  }
  const log = [
    ...summary,
    '',
    'progress:',
    ...RUNS.flatMap(({ name }) => get(name).log.map((line) => `[${name}] ${line}`)),
  ].join('\n');
  writeFileSync(join(ROOT, 'src', 'tools', 'english', 'train-log.txt'), `${log}\n`);
  console.log(summary.join('\n'));
}

main().catch((error: unknown) => {
  console.error(`train:english: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
