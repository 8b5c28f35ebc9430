import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadVectorsIntoStore } from './store/loadVectors';
import { registerServiceWorkerWhenVectorsReady } from './store/serviceWorker';
import './styles.css';
import './theme.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
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
