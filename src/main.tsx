import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { followLanguage, loadMessages, messagesFor } from './messages';
import { browserLanguage } from './store/browserLanguage';
import { decodeLessonLink } from './store/link/lessonLink';
import type { Language } from './vocabulary/language';
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

/** The language the page opens in: its lesson link's, or else the browser's (as useLessonLink decides). */
function openingLanguage(): Language {
  // Only a link that names a language is read here: decoding a long text twice costs time.
  const named = window.location.hash.includes('lang=')
    ? decodeLessonLink(window.location.hash).patch.lang
    : undefined;
  return named ?? browserLanguage();
}

/** Renders the app into `root`, once the opening language's messages are here. */
async function start(root: HTMLElement): Promise<void> {
  // A language other than English is a chunk of its own: the first render waits for it (one
  // small request), so that the page does not open in English and turn Spanish a moment
  // later. Should it fail, the page opens in English. (Not a top-level await: with one, the
  // bundler split the first page into a dozen chunks.)
  await loadMessages(openingLanguage()).catch(() => undefined);
  followLanguage();
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
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void start(root);
