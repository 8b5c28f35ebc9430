/**
 * "Step through this head": opens the walkthrough on the example with the trained weights
 * of the layer and head shown, so Score, Softmax and Weighted sum show the trained numbers.
 */
import { useState } from 'react';
import { labClient } from '../../lab-worker/client';
import { useMessages } from '../../messages';
import { openLabWalk } from '../../store/labWalk';
import { useAppStore } from '../../store/store';

/** The button (see the module comment). */
export function StepThroughButton() {
  const m = useMessages().lab;
  const [busy, setBusy] = useState(false);
  const open = async () => {
    const { layer, head } = useAppStore.getState().lab;
    setBusy(true);
    labClient.pause();
    try {
      openLabWalk(await labClient.trace(layer), head);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="lab-step-through" disabled={busy} onClick={() => void open()}>
      {m.stepThrough}
    </button>
  );
}
