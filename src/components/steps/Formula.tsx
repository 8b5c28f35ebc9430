/**
 * The formula as native MathML, drawn by the browser without a maths library:
 *
 *     X = E + P;   Q = XW_Q, K = XW_K, V = XW_V
 *     Attention(Q, K, V) = softmax(QKᵀ / √d_k) V
 *     MultiHead(X) = Concat(head_1, …, head_h) W_O        (more than one head)
 *
 * It follows the settings (no √d_k when scaling is off, + M with the causal mask, / τ for
 * a temperature other than 1) and highlights the parts the current step computes.
 */
import { createContext, Fragment, useContext, type CSSProperties, type ReactNode } from 'react';
import { useNumberFormat } from '../common/useNumberFormat';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import './Formula.css';
import { MathText } from '../common/MathText';
import type { StepId } from '../../vocabulary/steps';
import { useStep } from '../../store/selectors';

/** A highlightable part of the formula. */
export type FormulaPart =
  'x' | 'qkv' | 'score' | 'scale' | 'mask' | 'softmax' | 'temperature' | 'weighted' | 'output';

/** The parts each step computes. */
export const STEP_PARTS: Readonly<Record<StepId, readonly FormulaPart[]>> = {
  tokens: ['x'],
  qkv: ['qkv'],
  score: ['score', 'scale', 'mask'],
  softmax: ['softmax', 'temperature'],
  weighted: ['weighted'],
  output: ['output'],
};

const CurrentStep = createContext<StepId>('tokens');

/** The attributes that tag an element as `part`, marked current when the step computes it. */
function usePart(part: FormulaPart) {
  const current = STEP_PARTS[useContext(CurrentStep)].includes(part);
  return {
    className: current ? 'formula__part formula__part--current' : 'formula__part',
    'data-part': part,
    'data-current': current,
  };
}

/** An mrow tagged with its part. */
function Part({ part, children }: { part: FormulaPart; children: ReactNode }) {
  return <mrow {...usePart(part)}>{children}</mrow>;
}

const sub = (base: string, index: string) => (
  <msub>
    <mi>{base}</mi>
    <mi>{index}</mi>
  </msub>
);

/** X = E + P (or X = E without positions). */
function InputLine({ positions }: { positions: boolean }) {
  return (
    <math>
      <Part part="x">
        <mi>X</mi>
      </Part>
      <mo>=</mo>
      <mi>E</mi>
      {positions && (
        <>
          <mo>+</mo>
          <mi>P</mi>
        </>
      )}
    </math>
  );
}

/** X = E + P, then Q = XW_Q, K = XW_K, V = XW_V: formulas side by side that wrap on a narrow screen. */
function InputRow({ positions }: { positions: boolean }) {
  return (
    <>
      <div className="formula__row">
        <InputLine positions={positions} />
      </div>
      <div className="formula__row">
        {['Q', 'K', 'V'].map((name) => (
          // The key sits on a Fragment: src/mathml.d.ts types MathML elements without `key`.
          <Fragment key={name}>
            <math>
              <Part part="qkv">
                <mi>{name}</mi>
                <mo>=</mo>
                <mi>X</mi>
                {sub('W', name)}
              </Part>
            </math>
          </Fragment>
        ))}
      </div>
    </>
  );
}

/**
 * Attention(Q, K, V) = softmax((QKᵀ / √d_k + M) / τ) V, with the optional parts the settings
 * ask for. What one step computes is one contiguous group, highlighted as a whole: at
 * Score the whole argument of the softmax, at Softmax the softmax with its brackets.
 */
function AttentionLine({
  scale,
  causal,
  temperature,
}: {
  scale: boolean;
  causal: boolean;
  temperature: number;
}) {
  const product = (
    <mrow>
      <mi>Q</mi>
      <msup>
        <mi>K</mi>
        <mi mathvariant="normal">T</mi>
      </msup>
    </mrow>
  );
  // The score group holds the product and, when on, its scaling and the mask: one box.
  const scores = (
    <Part part="score">
      {scale ? (
        <mfrac>
          {product}
          <Part part="scale">
            <msqrt>{sub('d', 'k')}</msqrt>
          </Part>
        </mfrac>
      ) : (
        product
      )}
      {causal && (
        <Part part="mask">
          <mo>+</mo>
          <mi>M</mi>
        </Part>
      )}
    </Part>
  );
  const argument =
    temperature !== 1 ? (
      <mfrac>
        {scores}
        <Part part="temperature">
          <mi>τ</mi>
        </Part>
      </mfrac>
    ) : (
      scores
    );
  // Two block formulas in a wrapping row: MathML has no line breaking, and on a narrow
  // column the right-hand side must move under the left rather than overflow.
  return (
    <div className="formula__row formula__row--main">
      <math display="block">
        <mrow>
          <mi>Attention</mi>
          <mo>(</mo>
          <Part part="qkv">
            <mi>Q</mi>
            <mo>,</mo>
            <mi>K</mi>
            <mo>,</mo>
            <mi>V</mi>
          </Part>
          <mo>)</mo>
        </mrow>
        <mo>=</mo>
      </math>
      <math display="block">
        <Part part="softmax">
          <mi>softmax</mi>
          {/* The brackets in an mrow of their own stretch to the height of the argument alone. */}
          <mrow>
            <mo>(</mo>
            {argument}
            <mo>)</mo>
          </mrow>
        </Part>
        <Part part="weighted">
          <mi>V</mi>
        </Part>
      </math>
    </div>
  );
}

/** MultiHead(X) = Concat(head_1, …, head_h) W_O, in two halves that wrap like the attention line. */
function MultiHeadLine() {
  return (
    <div className="formula__row formula__row--main">
      <math display="block">
        <mrow>
          <mi>MultiHead</mi>
          <mo>(</mo>
          <mi>X</mi>
          <mo>)</mo>
        </mrow>
        <mo>=</mo>
      </math>
      <math display="block">
        <Part part="output">
          <mi>Concat</mi>
          <mo>(</mo>
          {sub('head', '1')}
          <mo>,</mo>
          <mi>…</mi>
          <mo>,</mo>
          {sub('head', 'h')}
          <mo>)</mo>
          {sub('W', 'O')}
        </Part>
      </math>
    </div>
  );
}

/** The formula block with the current step's parts highlighted and notes on the optional parts. */
export function Formula() {
  const fmt = useNumberFormat();
  const m = useMessages().shell.formula;
  const step = useStep();
  const heads = useAppStore((s) => s.settings.heads);
  const scale = useAppStore((s) => s.settings.scale);
  const causal = useAppStore((s) => s.settings.causal);
  const temperature = useAppStore((s) => s.settings.temperature);
  const positions = useAppStore((s) => s.settings.positions);
  return (
    <div className="formula">
      <h3 className="formula__heading">{m.heading}</h3>
      <CurrentStep value={step}>
        {/* How many ems the attention line is wide, so the CSS can scale it to one line. */}
        <div
          className="formula__lines"
          style={{ '--formula-ems': 21.5 + (causal ? 2.5 : 0) } as CSSProperties}
        >
          <InputRow positions={positions} />
          <AttentionLine scale={scale} causal={causal} temperature={temperature} />
          {heads > 1 && <MultiHeadLine />}
        </div>
      </CurrentStep>
      <p className="hint formula__caption">
        <span className="formula__swatch" aria-hidden="true" /> {m.caption}{' '}
        {positions ? m.symbols : m.symbolsNoPositions}
        {!scale && (
          <>
            {' '}
            <MathText text={m.scaleOff} />
          </>
        )}
        {causal && ` ${m.maskNote}`}
        {temperature !== 1 && ` ${m.temperatureNote(fmt.number(temperature, 1))}`}
      </p>
    </div>
  );
}
