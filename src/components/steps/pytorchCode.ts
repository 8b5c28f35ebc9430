/**
 * The PyTorch lines equivalent to the trace for the current settings, each tagged with
 * the step that computes it. Only what the settings use appears: no scaling line when
 * scaling is off, the mask only with the causal mask, the temperature only when it is not 1.
 */
import type { AttentionSettings } from '../../core/types';
import type { StepId } from '../../vocabulary/steps';

/** One line of code and the step it belongs to (null: setup, never highlighted). */
export interface CodeLine {
  readonly code: string;
  /** Shape of the tensor the line makes, as a comment, or null. */
  readonly shape: string | null;
  readonly step: StepId | null;
}

type Settings = Pick<
  AttentionSettings,
  'heads' | 'width' | 'scale' | 'causal' | 'temperature' | 'positions'
>;

const line = (code: string, shape: string | null, step: StepId | null): CodeLine => ({
  code,
  shape,
  step,
});

/** The lines of one head's attention, indented by `indent`; the last one produces `result`. */
function headLines(settings: Settings, indent: string, result: string): CodeLine[] {
  const { scale, causal, temperature } = settings;
  return [
    line(`${indent}q = x @ w_q`, '(T, d_k)', 'qkv'),
    line(`${indent}k = x @ w_k`, '(T, d_k)', 'qkv'),
    line(`${indent}v = x @ w_v`, '(T, d_k)', 'qkv'),
    line(`${indent}scores = q @ k.T`, '(T, T)', 'score'),
    ...(scale ? [line(`${indent}scores = scores / math.sqrt(d_k)`, '(T, T)', 'score')] : []),
    ...(causal
      ? [
          // Kept short so that the lines fit a phone: triu(1) keeps what lies above the diagonal.
          line(`${indent}mask = torch.ones(T, T).triu(1).bool()`, '(T, T)', 'score'),
          line(`${indent}scores = scores.masked_fill(mask, -math.inf)`, '(T, T)', 'score'),
        ]
      : []),
    line(
      `${indent}weights = torch.softmax(${temperature !== 1 ? 'scores / tau' : 'scores'}, dim=-1)`,
      '(T, T)',
      'softmax',
    ),
    line(`${indent}${result}`, '(T, d_k)', 'weighted'),
  ];
}

/** The whole program for `settings`, with `tokens` tokens and head width `dK`. */
export function pytorchLines(settings: Settings, tokens: number, dK: number): CodeLine[] {
  const setup = [
    line('import math, torch', null, null),
    line(`T, d_model, d_k = ${tokens}, ${settings.width}, ${dK}`, null, null),
    ...(settings.temperature !== 1
      ? [line(`tau = ${settings.temperature}  # temperature`, null, null)]
      : []),
    line(
      settings.positions ? 'x = embeddings + positions' : 'x = embeddings',
      '(T, d_model)',
      'tokens',
    ),
  ];
  if (settings.heads === 1) return [...setup, ...headLines(settings, '', 'output = weights @ v')];
  return [
    ...setup,
    line('heads = []', null, null),
    line('for w_q, w_k, w_v in head_weights:', null, 'qkv'),
    ...headLines(settings, '    ', 'heads.append(weights @ v)'),
    line('output = torch.cat(heads, dim=-1) @ w_o', '(T, d_model)', 'output'),
  ];
}
