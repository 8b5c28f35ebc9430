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
import { createContext, useContext, type ReactNode } from 'react';
import { formatNumber } from '../format';
import { useMessages } from '../messages';
import type { StepId } from '../store/steps';
import { useAppStore } from '../store/store';
import './Formula.css';

/** A highlightable part of the formula. */
export type FormulaPart = 'x' | 'qkv' | 'score' | 'scale' | 'mask' | 'softmax' | 'temperature' | 'weighted' | 'output';

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

/** An mrow tagged with its part, and marked current when the step computes it. */
function Part({ part, children }: { part: FormulaPart; children: ReactNode }) {
  const current = STEP_PARTS[useContext(CurrentStep)].includes(part);
  return (
    <mrow className={current ? 'formula__part formula__part--current' : 'formula__part'} data-part={part} data-current={current}>
      {children}
    </mrow>
  );
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
    <math display="block">
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

/** Q = XW_Q, K = XW_K, V = XW_V. */
function ProjectionLine() {
  const projection = (name: string) => (
    <Part part="qkv">
      <mi>{name}</mi>
      <mo>=</mo>
      <mi>X</mi>
      {sub('W', name)}
    </Part>
  );
  return (
    <math display="block">
      {projection('Q')}
      <mo>,</mo>
      <mspace width="1em" />
      {projection('K')}
      <mo>,</mo>
      <mspace width="1em" />
      {projection('V')}
    </math>
  );
}

/** Attention(Q, K, V) = softmax(QKᵀ / √d_k + M) / τ) V, with the optional parts the settings ask for. */
function AttentionLine({ scale, causal, temperature }: { scale: boolean; causal: boolean; temperature: number }) {
  const scores = (
    <Part part="score">
      <mi>Q</mi>
      <msup>
        <mi>K</mi>
        <mi mathvariant="normal">T</mi>
      </msup>
    </Part>
  );
  const scaled = scale ? (
    <mfrac>
      {scores}
      <Part part="scale">
        <msqrt>{sub('d', 'k')}</msqrt>
      </Part>
    </mfrac>
  ) : (
    scores
  );
  const masked = causal ? (
    <mrow>
      {scaled}
      <Part part="mask">
        <mo>+</mo>
        <mi>M</mi>
      </Part>
    </mrow>
  ) : (
    scaled
  );
  const argument =
    temperature !== 1 ? (
      <mfrac>
        {masked}
        <Part part="temperature">
          <mi>τ</mi>
        </Part>
      </mfrac>
    ) : (
      masked
    );
  return (
    <math display="block">
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
      <mo>=</mo>
      <Part part="softmax">
        <mi>softmax</mi>
        <mo>(</mo>
      </Part>
      {argument}
      <Part part="softmax">
        <mo>)</mo>
      </Part>
      <Part part="weighted">
        <mi>V</mi>
      </Part>
    </math>
  );
}

/** MultiHead(X) = Concat(head_1, …, head_h) W_O. */
function MultiHeadLine() {
  return (
    <math display="block">
      <mi>MultiHead</mi>
      <mo>(</mo>
      <mi>X</mi>
      <mo>)</mo>
      <mo>=</mo>
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
  );
}

/** The formula block with the current step's parts highlighted and notes on the optional parts. */
export function Formula() {
  const m = useMessages().shell.formula;
  const step = useAppStore((s) => s.step);
  const heads = useAppStore((s) => s.settings.heads);
  const scale = useAppStore((s) => s.settings.scale);
  const causal = useAppStore((s) => s.settings.causal);
  const temperature = useAppStore((s) => s.settings.temperature);
  const positions = useAppStore((s) => s.settings.positions);
  return (
    <div className="formula">
      <h3 className="formula__heading">{m.heading}</h3>
      <CurrentStep value={step}>
        <div className="formula__lines">
          <InputLine positions={positions} />
          <ProjectionLine />
          <AttentionLine scale={scale} causal={causal} temperature={temperature} />
          {heads > 1 && <MultiHeadLine />}
        </div>
      </CurrentStep>
      <p className="hint formula__caption">
        <span className="formula__swatch" aria-hidden="true" /> {m.caption} {positions ? m.symbols : m.symbolsNoPositions}
        {!scale && ` ${m.scaleOff}`}
        {causal && ` ${m.maskNote}`}
        {temperature !== 1 && ` ${m.temperatureNote(formatNumber(temperature, 1))}`}
      </p>
    </div>
  );
}
