import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { messagesFor } from './messages';
import { loadVectorsIntoStore } from './store/loadVectors';
import { registerServiceWorkerWhenVectorsReady } from './store/serviceWorker';
import { useAppStore } from './store/store';
import './styles.css';
import './theme.css';
import './forcedColors.css';

/**
 * An error that no panel's safety net caught unmounts the whole app: say so in the root
 * instead of leaving a blank page (React has emptied the root by the time this runs).
 */
function showCrash(root: HTMLElement, error: unknown): void {
  console.error(error);
  const reason = error instanceof Error ? error.message : String(error);
  const box = document.createElement('div');
  box.className = 'app-boot';
  box.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = messagesFor(useAppStore.getState().lang).reliability.boot.crashed(reason);
  box.append(text);
  setTimeout(() => root.replaceChildren(box), 0);
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root, { onUncaughtError: (error) => showCrash(root, error) }).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// The table is the largest asset: fetch it once the first frame is on screen. The service
// worker comes after it has loaded (src/store/serviceWorker.ts says why).
requestAnimationFrame(() => {
  registerServiceWorkerWhenVectorsReady();
  void loadVectorsIntoStore();
});
