/**
 * Flags of `npm run trace`. Parsing is pure and returns either the options or one line
 * that names the offending flag, so the command can print it and exit with code 2.
 */
import type { AttentionSettings, WeightsPreset } from '../core/types';
import {
  DEFAULT_SETTINGS,
  MAX_HEADS,
  MAX_SEED,
  settingsProblems,
  VECTOR_DIMS,
  WEIGHTS_PRESETS,
} from '../core/settings';
import { parseDecimal, parseWhole, readFlags } from './flags';

/** What the command was asked to do. */
export interface TraceOptions {
  readonly text: string;
  readonly settings: AttentionSettings;
  /** Path of the word-vector table, when not the default one. */
  readonly vectorsPath: string | null;
  /** Indent the JSON for reading. */
  readonly pretty: boolean;
  readonly help: boolean;
}

/** The parse result: options, or a one-line error naming the flag. */
export type ParsedArgs = { ok: true; options: TraceOptions } | { ok: false; error: string };

/** The usage text printed by --help. */
export const USAGE = `Usage: npm run trace -- --text "The cat sat." [options]

Prints the attention trace of the text as JSON (see DESIGN.md, "The trace as JSON").

  --text TEXT          the sentence (required)
  --width N            model width, 1 to ${VECTOR_DIMS} (default ${DEFAULT_SETTINGS.width}; ${VECTOR_DIMS} = GloVe itself)
  --heads N            attention heads, 1 to ${MAX_HEADS} (default ${DEFAULT_SETTINGS.heads})
  --seed N             weight seed, 0 to ${MAX_SEED} (default ${DEFAULT_SETTINGS.seed})
  --causal             mask out later tokens
  --no-scale           do not divide the scores by √dK
  --temperature X      softmax temperature (default ${DEFAULT_SETTINGS.temperature})
  --weights PRESET     ${WEIGHTS_PRESETS.join(', ')} (default ${DEFAULT_SETTINGS.weights}); learned
                       covers some widths and head counts (public/weights/learned.json)
                       and turns the causal mask on if its heads were trained with it
  --no-positions       do not add positional encodings
  --vectors PATH       word-vector table (default public/vectors/glove-30k-100d.bin)
  --pretty             indent the JSON
  --help               print this text`;

const VALUE_FLAGS = [
  '--text',
  '--width',
  '--heads',
  '--seed',
  '--temperature',
  '--weights',
  '--vectors',
] as const;
const SWITCH_FLAGS = ['--causal', '--no-scale', '--no-positions', '--pretty', '--help'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

/** Parses the command's arguments (without `node` and the script). */
export function parseTraceArgs(argv: readonly string[]): ParsedArgs {
  const read = readFlags(argv, VALUE_FLAGS, SWITCH_FLAGS, ' (put the sentence after --text)');
  if (!read.ok) return read;
  const { values, switches } = read;
  const help = switches.has('--help');
  const text = values.get('--text');
  if (text === undefined && !help) return { ok: false, error: '--text is required' };

  const numeric = (flag: ValueFlag, fallback: number, parse: (raw: string) => number | null) => {
    const raw = values.get(flag);
    if (raw === undefined) return { value: fallback };
    const value = parse(raw);
    return value === null ? { error: `${flag} needs a number, got "${raw}"` } : { value };
  };
  const width = numeric('--width', DEFAULT_SETTINGS.width, parseWhole);
  const heads = numeric('--heads', DEFAULT_SETTINGS.heads, parseWhole);
  const seed = numeric('--seed', DEFAULT_SETTINGS.seed, parseWhole);
  const temperature = numeric('--temperature', DEFAULT_SETTINGS.temperature, parseDecimal);
  for (const parsed of [width, heads, seed, temperature]) {
    if ('error' in parsed) return { ok: false, error: parsed.error as string };
  }
  const preset = values.get('--weights') ?? DEFAULT_SETTINGS.weights;
  if (!(WEIGHTS_PRESETS as readonly string[]).includes(preset)) {
    return {
      ok: false,
      error: `--weights must be ${WEIGHTS_PRESETS.join(' or ')}, got "${preset}"`,
    };
  }
  const settings: AttentionSettings = {
    width: width.value as number,
    heads: heads.value as number,
    seed: seed.value as number,
    causal: switches.has('--causal'),
    scale: !switches.has('--no-scale'),
    temperature: temperature.value as number,
    weights: preset as WeightsPreset,
    positions: !switches.has('--no-positions'),
  };
  // Range problems are reported against the flag that set them.
  const flagOf: Record<string, string> = {
    width: '--width',
    heads: '--heads',
    seed: '--seed',
    temperature: '--temperature',
  };
  const problem = settingsProblems(settings)[0];
  if (problem !== undefined) {
    const field = problem.split(' ')[0] as string;
    return { ok: false, error: `${flagOf[field] ?? field}: ${problem}` };
  }
  return {
    ok: true,
    options: {
      text: text ?? '',
      settings,
      vectorsPath: values.get('--vectors') ?? null,
      pretty: switches.has('--pretty'),
      help,
    },
  };
}
