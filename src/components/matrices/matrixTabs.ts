/**
 * The matrices panel's tabs as a table: which tab opens at which step, and for each tab
 * the notes above it and the matrices it shows, each described once (symbol, where its
 * numbers come from, what its rows are, whether it belongs to the selected head). The
 * panel renders any tab from this table, so a new matrix is one line here.
 */
import type { Matrix } from '../../core/matrix';
import type { AttentionTrace, HeadTrace } from '../../core/types';
import type { Messages } from '../../messages';
import type { StepId } from '../../vocabulary/steps';

/** A tab of the panel. */
export type GroupId = 'embeddings' | 'weights' | 'qkv' | 'head' | 'multi';

/** Tabs in pipeline order, each with the step that first computes its numbers. */
export const GROUPS: readonly { id: GroupId; from: StepId }[] = [
  { id: 'embeddings', from: 'tokens' },
  { id: 'weights', from: 'qkv' },
  { id: 'qkv', from: 'qkv' },
  { id: 'head', from: 'weighted' },
  { id: 'multi', from: 'output' },
];

/** The tab that opens at each step: the matrices that step reads or makes. */
export const STEP_GROUP: Record<StepId, GroupId> = {
  tokens: 'embeddings',
  qkv: 'qkv',
  score: 'qkv',
  softmax: 'qkv',
  weighted: 'head',
  output: 'multi',
};

/** The panel's strings. */
type NumbersMessages = Messages['numbers'];

/** What a matrix's rows are: the tokens, or the dimensions of the model or of the heads' concatenation. */
export type RowKind = 'tokens' | 'modelDims' | 'concatDims';

/** One matrix of a tab. */
export interface MatrixSpec {
  /** Its symbol in the caption and in its CSV file's name. */
  readonly name: string;
  readonly rows: RowKind;
  /** A matrix of the selected head: its description names the head, and so does its file. */
  readonly perHead: boolean;
  readonly matrix: (trace: AttentionTrace, head: HeadTrace) => Matrix;
  readonly description: (m: NumbersMessages, trace: AttentionTrace) => string;
  /** Shown only when this holds (the positions, when they are on); always without it. */
  readonly shown?: (trace: AttentionTrace) => boolean;
}

/** A sentence above a tab's matrices; `math` ones are written with symbols (MathText). */
export interface TabNote {
  readonly text: string;
  readonly math: boolean;
}

/** A tab: its notes and its matrices, in order. */
export interface MatrixTab {
  readonly notes: (m: NumbersMessages, trace: AttentionTrace) => readonly TabNote[];
  readonly matrices: readonly MatrixSpec[];
}

/** A matrix of the selected head, described by the message of the same key. */
function ofHead(
  name: string,
  key: 'wq' | 'wk' | 'wv' | 'q' | 'k' | 'v' | 'output',
  rows: RowKind = 'tokens',
): MatrixSpec {
  return {
    name,
    rows,
    perHead: true,
    matrix: (_, head) => head[key],
    description: (m) => m.matrices[key],
  };
}

const note = (text: string, math = false): TabNote => ({ text, math });
const similarity = (trace: AttentionTrace) => trace.settings.weights === 'similarity';

/** Every tab (see the module comment). */
export const MATRIX_TABS: Readonly<Record<GroupId, MatrixTab>> = {
  embeddings: {
    notes: (m, trace) => [
      note(
        trace.vectors === 'made-up'
          ? m.madeUpNote
          : trace.settings.width < 100
            ? m.pcaNote(trace.settings.width)
            : m.gloveNote,
      ),
    ],
    matrices: [
      {
        name: 'E',
        rows: 'tokens',
        perHead: false,
        matrix: (trace) => trace.embeddings,
        description: (m) => m.matrices.embeddings,
      },
      {
        name: 'P',
        rows: 'tokens',
        perHead: false,
        matrix: (trace) => trace.positions,
        description: (m) => m.matrices.positions,
        shown: (trace) => trace.settings.positions,
      },
      {
        name: 'X',
        rows: 'tokens',
        perHead: false,
        matrix: (trace) => trace.input,
        description: (m, trace) =>
          trace.settings.positions ? m.matrices.input : m.matrices.inputNoPositions,
      },
    ],
  },
  weights: {
    notes: (m, trace) => [
      ...(similarity(trace) ? [note(m.similarityNote)] : []),
      ...(trace.heads.length > 1
        ? [note(m.headDimNote(trace.settings.width, trace.dK, trace.heads.length), true)]
        : []),
    ],
    matrices: [
      ofHead('wq', 'wq', 'modelDims'),
      ofHead('wk', 'wk', 'modelDims'),
      ofHead('wv', 'wv', 'modelDims'),
    ],
  },
  qkv: {
    notes: (m, trace) => (similarity(trace) ? [note(m.sameQKNote)] : []),
    matrices: [ofHead('Q', 'q'), ofHead('K', 'k'), ofHead('V', 'v')],
  },
  head: {
    notes: () => [],
    matrices: [ofHead('V', 'v'), ofHead('O', 'output')],
  },
  multi: {
    notes: () => [],
    matrices: [
      {
        name: 'concat',
        rows: 'tokens',
        perHead: false,
        matrix: (trace) => trace.concat,
        description: (m) => m.matrices.concat,
      },
      {
        name: 'wo',
        rows: 'concatDims',
        perHead: false,
        matrix: (trace) => trace.wo,
        description: (m) => m.matrices.wo,
      },
      {
        name: 'output',
        rows: 'tokens',
        perHead: false,
        matrix: (trace) => trace.output,
        description: (m) => m.matrices.final,
      },
    ],
  },
};
