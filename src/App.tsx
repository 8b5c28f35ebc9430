/**
 * The page: a header, the sentence and its tokens, the steps, then the explanation beside
 * the attention views. App only places panels; each panel reads the store itself.
 * On wide screens (a projector, a laptop) the explanation and settings sit in a left
 * column beside the visualisations; on tablets and phones everything is one column, in
 * reading order: sentence, steps, explanation, views, numbers, settings.
 */
import { AboutDialog } from './components/AboutDialog';
import { AttentionViews } from './components/AttentionViews';
import { DataTables } from './components/DataTables';
import { MatricesPanel } from './components/MatricesPanel';
import { SentenceInput } from './components/SentenceInput';
import { SettingsPanel } from './components/SettingsPanel';
import { StepExplanation } from './components/StepExplanation';
import { StepNav } from './components/StepNav';
import { VectorStatus } from './components/VectorStatus';
import { WorkPanel } from './components/WorkPanel';
import { useMessages } from './messages';
import './App.css';

/** The whole app. */
export function App() {
  const m = useMessages().app;
  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header__titles">
          <h1 className="app-header__title">{m.title}</h1>
          <p className="app-header__tagline">{m.tagline}</p>
        </div>
        <AboutDialog />
      </header>
      <VectorStatus />
      <main className="app-main">
        <div className="app-main__input">
          <SentenceInput />
        </div>
        <div className="app-main__steps">
          <StepNav />
        </div>
        <div className="app-main__explain">
          <StepExplanation />
        </div>
        <div className="app-main__views">
          <AttentionViews />
          <WorkPanel />
          <MatricesPanel />
        </div>
        <div className="app-main__settings">
          <SettingsPanel />
        </div>
        <DataTables />
      </main>
    </div>
  );
}
