import { beforeEach, describe, expect, it } from 'vitest';
import { labTask } from '../../src/core/lab/tasks';
import { decodeLabLink, encodeLabLink, isLabHash } from '../../src/store/link/labLink';
import { labDefaults } from '../../src/store/slices/lab';
import { initialState, useAppStore } from '../../src/store/store';

const lab = () => useAppStore.getState().lab;

describe('the Lab slice', () => {
  beforeEach(() => useAppStore.setState(initialState()));

  it('opens on the walkthrough, with the Lab on lookup at its defaults', () => {
    expect(useAppStore.getState().screen).toBe('walkthrough');
    expect(lab().task).toBe('lookup');
    expect(lab().config).toEqual(labTask('lookup').defaults);
    expect(lab().steps).toBe(0);
  });

  it('a new task takes its defaults and keeps the speed', () => {
    useAppStore.getState().setLabSpeed(1);
    useAppStore.getState().setLabConfig({ width: 8 });
    useAppStore.getState().setLabTask('induction');
    expect(lab().config).toEqual(labTask('induction').defaults);
    expect(lab().speed).toBe(1);
  });

  it('keeps the layer and head shown inside the model', () => {
    useAppStore.getState().setLabTask('induction');
    useAppStore.getState().setLabView(1, 5);
    expect([lab().layer, lab().head]).toEqual([1, 0]);
    useAppStore.getState().setLabConfig({ layers: 1 });
    expect(lab().layer).toBe(0);
  });

  it('a change of settings or seed starts from step 0', () => {
    useAppStore.getState().applyLab({ ...labDefaults(), steps: 40 }, 'lab');
    expect(useAppStore.getState().screen).toBe('lab');
    useAppStore.getState().setLabSeed(5);
    expect(lab().steps).toBe(0);
  });

  it('never returns a fresh object for an unchanged state', () => {
    const before = lab();
    useAppStore.getState().setScreen('lab');
    expect(lab()).toBe(before);
  });
});

describe('Lab links', () => {
  it('#lab alone is the defaults', () => {
    expect(isLabHash('#lab')).toBe(true);
    expect(isLabHash('#text=lab')).toBe(false);
    expect(decodeLabLink('#lab')).toEqual(labDefaults());
  });

  it('round-trips the task, settings, seed, steps, view and example', () => {
    const task = labTask('previous');
    const inputs = {
      ...labDefaults('previous'),
      config: { ...task.defaults, positions: false, heads: 2, width: 8 },
      seed: 42,
      head: 1,
      example: task.sample(() => 0.3).tokens,
    };
    const hash = encodeLabLink(inputs, 120);
    expect(hash).toMatch(/^#lab&task=previous/);
    expect(decodeLabLink(hash)).toEqual({ ...inputs, steps: 120 });
  });

  it('leaves unreadable values at their defaults', () => {
    const decoded = decodeLabLink('#lab&task=nope&layers=99&seed=-1&steps=x&ex=Q.Q');
    expect(decoded).toEqual(labDefaults());
  });
});
