/**
 * Every lesson the controls can produce, for fast-check: the lesson-link tests run their
 * round trips over it.
 */
import fc from 'fast-check';
import {
  HEAD_COUNTS,
  MAX_SEED,
  MODEL_WIDTHS,
  TEMPERATURE_SLIDER,
  WEIGHTS_PRESETS,
} from '../../../src/core/settings';
import { MAX_TOKENS } from '../../../src/core/tokenizer';
import type { LessonState } from '../../../src/store/link/lessonState';
import { MAX_FOLLOW_FRAME } from '../../../src/vocabulary/follow';
import { FOCUS_DIRECTIONS, GRAPH_LAYOUTS } from '../../../src/vocabulary/graph';
import { LANGUAGES } from '../../../src/vocabulary/language';
import { stepsFor } from '../../../src/vocabulary/steps';

const arbIndex = fc.integer({ min: 0, max: MAX_TOKENS - 1 });
const slider = TEMPERATURE_SLIDER;

/** Every lesson the controls can produce, with texts from `text`. */
export function arbLesson(text: fc.Arbitrary<string>): fc.Arbitrary<LessonState> {
  return fc
    .record({
      text,
      width: fc.constantFrom(...MODEL_WIDTHS),
      heads: fc.constantFrom(...HEAD_COUNTS),
      seed: fc.oneof(fc.integer({ min: 0, max: MAX_SEED }), fc.constantFrom(0, 7, MAX_SEED)),
      causal: fc.boolean(),
      scale: fc.boolean(),
      temperature: fc
        .integer({
          min: Math.round(slider.min / slider.step),
          max: Math.round(slider.max / slider.step),
        })
        .map((k) => k / 10),
      weights: fc.constantFrom(...WEIGHTS_PRESETS),
      positions: fc.boolean(),
      stepIndex: fc.nat(),
      headIndex: fc.nat(),
      allHeads: fc.boolean(),
      quiz: fc.boolean(),
      embed: fc.boolean(),
      selection: fc.option(fc.record({ i: arbIndex, j: arbIndex })),
      layout: fc.constantFrom(...GRAPH_LAYOUTS),
      threshold: fc.integer({ min: 0, max: 100 }).map((k) => k / 100),
      topK: fc.integer({ min: 0, max: MAX_TOKENS }),
      focus: fc.option(arbIndex),
      direction: fc.constantFrom(...FOCUS_DIRECTIONS),
      everyEdge: fc.boolean(),
      follow: fc.option(
        fc.record({ token: arbIndex, frame: fc.integer({ min: 0, max: MAX_FOLLOW_FRAME }) }),
      ),
      lang: fc.constantFrom(...LANGUAGES),
    })
    .map((r) => {
      const steps = stepsFor(r.heads);
      return {
        text: r.text,
        settings: {
          width: r.width,
          heads: r.heads,
          seed: r.seed,
          causal: r.causal,
          scale: r.scale,
          temperature: r.temperature,
          weights: r.weights,
          positions: r.positions,
        },
        step: steps[r.stepIndex % steps.length] ?? 'tokens',
        head: r.headIndex % r.heads,
        allHeads: r.allHeads,
        quiz: r.quiz,
        embed: r.embed,
        selection: r.selection,
        graph: {
          layout: r.layout,
          threshold: r.threshold,
          topK: r.topK,
          focus: r.focus,
          direction: r.direction,
          everyEdge: r.everyEdge,
        },
        follow: r.follow,
        lang: r.lang,
      };
    });
}
