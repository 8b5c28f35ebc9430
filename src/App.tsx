/**
 * The page: a header, the sentence and its tokens, the steps, then the stage (Stage.tsx):
 * the step's words and controls beside its picture. App only places panels; each panel
 * reads the store itself. On a laptop or a projector the whole step fits one screen (the
 * words in a narrow left column, the picture as large as the rest allows, the worked
 * arithmetic as a side panel once a cell is chosen); on phones everything is one column:
 * sentence, steps, the step's picture, then the words and the settings.
 *
 * The sentence box, the tokens, the steps, the explanation and the settings are in the
 * first bundle and paint at once. The heavy panels (the heatmap and the graph with their
 * d3 scales and force layout, the worked arithmetic, the matrices and the data tables)
 * are separate chunks that the page requests during its first render; each shows an empty
 * placeholder, marked `data-lazy-pending`, until its code has arrived.
 *
 * Each panel sits in a `PanelBoundary`: a panel that throws, or whose chunk cannot be
 * fetched, shows what failed and a Reset button, and the rest of the page keeps working.
 */
import { Suspense, type ReactNode } from 'react';
import { AboutDialog } from './components/shell/AboutDialog';
import { QuizCover } from './components/quiz/QuizCover';
import { PresentButton } from './components/presentation/PresentButton';
import { Presentation } from './components/presentation/Presentation';
import { ThemeSwitch } from './components/shell/ThemeSwitch';
import { useAppliedTheme } from './components/common/useTheme';
import { LanguagePicker } from './components/shell/LanguagePicker';
import { lazyPanel } from './components/shell/lazyPanel';
import { PanelBoundary } from './components/shell/PanelBoundary';
import { SentenceInput } from './components/sentence/SentenceInput';
import { SettingsPanel } from './components/settings/SettingsPanel';
import { StepControls } from './components/settings/StepControls';
import { Stage, StepPictures } from './components/shell/Stage';
import { ShareBar } from './components/sharing/ShareBar';
import { StepExplanation } from './components/steps/StepExplanation';
import { StepNav } from './components/steps/StepNav';
import { UpdatePrompt } from './components/shell/UpdatePrompt';
import { VectorStatus } from './components/shell/VectorStatus';
import { WorksheetButton } from './components/worksheet/WorksheetButton';
import { LabButton } from './components/lab/LabButton';
import { LabWalkBanner } from './components/lab/LabWalkBanner';
import { useMessages } from './messages';
import { useDocumentLanguage } from './messages/useDocumentLanguage';
import { useAppStore } from './store/store';
import './App.css';
import { useLessonLink } from './store/link/useLessonLink';

const AttentionViews = lazyPanel(() =>
  import('./components/shell/AttentionViews').then((m) => m.AttentionViews),
);
const WorkPanel = lazyPanel(() => import('./components/work/WorkPanel').then((m) => m.WorkPanel));
const MatricesPanel = lazyPanel(() =>
  import('./components/matrices/MatricesPanel').then((m) => m.MatricesPanel),
);
const LabScreen = lazyPanel(() => import('./components/lab/LabScreen').then((m) => m.LabScreen));
const DataTables = lazyPanel(() =>
  import('./components/matrices/DataTables').then((m) => m.DataTables),
);

/** A lazily loaded panel; its placeholder tells tests and tools that code is still on its way. */
function Later({ name, children }: { name: string; children: ReactNode }) {
  return (
    <Suspense fallback={<div data-lazy-pending={name} aria-busy="true" />}>{children}</Suspense>
  );
}

/** The whole app. */
export function App() {
  const m = useMessages().app;
  useLessonLink();
  useAppliedTheme();
  // Presentation.css keys its one-panel-per-step layout on these attributes. Null unless
  // presenting, so that the whole page does not re-render on every step the rest of the time.
  const presentStep = useAppStore((s) => (s.presenting ? s.step : null));
  useDocumentLanguage();
  const screen = useAppStore((s) => s.screen);
  const labWalk = useAppStore((s) => s.labWalk);
  // The compact view for an <iframe> (a lesson link's embed=1): no header; Embed.css hides the rest.
  const embed = useAppStore((s) => s.embed);
  return (
    <div
      className="app"
      data-presenting={presentStep ? true : undefined}
      data-present-step={presentStep ?? undefined}
      data-embed={embed || undefined}
    >
      <header className="app-header" hidden={embed}>
        <div className="app-header__titles">
          <h1 className="app-header__title">{m.title}</h1>
          <p className="app-header__tagline">{m.tagline}</p>
        </div>
        <LabButton />
        <WorksheetButton />
        <AboutDialog />
        <PresentButton />
        <ThemeSwitch />
        <LanguagePicker />
        {!embed && <ShareBar />}
      </header>
      {/* Embedded, the header is hidden and the share bar (then the embed's own bar) stands alone. */}
      {embed && <ShareBar />}
      <Presentation />
      <VectorStatus />
      <UpdatePrompt />
      {screen === 'lab' ? (
        <main className="app-main app-main--lab">
          <PanelBoundary panel="lab">
            <Later name="lab">
              <LabScreen />
            </Later>
          </PanelBoundary>
        </main>
      ) : (
        <main className="app-main">
          <div className="app-main__input">
            <LabWalkBanner />
            {!labWalk && (
              <PanelBoundary panel="sentence">
                <SentenceInput />
              </PanelBoundary>
            )}
          </div>
          <div className="app-main__steps">
            <PanelBoundary panel="steps">
              <StepNav />
            </PanelBoundary>
          </div>
          <Stage
            words={
              <div key="words" className="app-main__explain">
                <PanelBoundary panel="explanation">
                  <StepExplanation controls={<StepControls />} />
                </PanelBoundary>
                <PanelBoundary panel="settings">
                  <SettingsPanel besideStep />
                </PanelBoundary>
              </div>
            }
            picture={
              <div key="picture" className="app-main__views">
                <QuizCover>
                  <StepPictures
                    views={
                      <PanelBoundary panel="views">
                        <Later name="views">
                          <AttentionViews />
                        </Later>
                      </PanelBoundary>
                    }
                    work={
                      <PanelBoundary panel="work">
                        <Later name="work">
                          <WorkPanel />
                        </Later>
                      </PanelBoundary>
                    }
                    matrices={
                      <PanelBoundary panel="matrices">
                        <Later name="matrices">
                          <MatricesPanel />
                        </Later>
                      </PanelBoundary>
                    }
                  />
                </QuizCover>
              </div>
            }
          />
          <QuizCover quiet>
            <PanelBoundary panel="tables">
              <Later name="tables">
                <DataTables />
              </Later>
            </PanelBoundary>
          </QuizCover>
        </main>
      )}
    </div>
  );
}
