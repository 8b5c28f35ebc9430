import { describe, expect, it } from 'vitest';
import { clampStep, hasReached, moveStep, stepsFor } from '../../src/vocabulary/steps';

describe('steps', () => {
  it('has the output step only with more than one head', () => {
    expect(stepsFor(1)).toEqual(['tokens', 'qkv', 'score', 'softmax', 'weighted']);
    expect(stepsFor(2)).toEqual(['tokens', 'qkv', 'score', 'softmax', 'weighted', 'output']);
  });

  it('moves within the ends and clamps a step that does not exist', () => {
    expect(moveStep('tokens', -1, 1)).toBe('tokens');
    expect(moveStep('tokens', 1, 1)).toBe('qkv');
    expect(moveStep('weighted', 1, 1)).toBe('weighted');
    expect(moveStep('weighted', 1, 4)).toBe('output');
    expect(clampStep('output', 1)).toBe('weighted');
    expect(clampStep('softmax', 1)).toBe('softmax');
  });

  it('knows which results the walkthrough has reached', () => {
    expect(hasReached('score', 'qkv')).toBe(true);
    expect(hasReached('score', 'score')).toBe(true);
    expect(hasReached('score', 'softmax')).toBe(false);
  });
});
