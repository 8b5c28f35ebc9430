/**
 * Keeps the address bar and the view in step: the page opens at the view its lesson link
 * describes, and the link follows every change, so the address bar can be copied at any
 * moment and gives the same view on another device.
 *
 * The link is written with `history.replaceState`, never `pushState`: a history entry per
 * keystroke, slider move or step would make Back walk through hundreds of small edits
 * (and a presentation clicker steps dozens of times a lesson) instead of leaving the page.
 * Steps already have their own keys and buttons; Back keeps its usual meaning. Writes are
 * debounced, so typing a sentence costs one write once the typing pauses.
 */
import { useLayoutEffect } from 'react';
import { browserLanguage } from '../browserLanguage';
import { useAppStore, type AppState } from '../store';
import { labClient } from '../../lab-worker/client';
import { tokensOf } from '../tokens';
import { decodeLabLink, encodeLabLink, isLabHash } from './labLink';
import { decodeLessonLink, encodeLessonLink, fitLessonToTokens } from './lessonLink';
import { lessonFromPatch, type LessonState } from './lessonState';
import { noteReplacement } from '../textUndo';
import { carriedText, keepSessionText, sessionTextFor } from './linkText';

/** How long the view must stay still before the address bar follows it, in milliseconds. */
export const LINK_WRITE_DELAY_MS = 300;

/** The last lesson `selectLesson` made, to give it again while its fields are the same. */
let lastLesson: LessonState | null = null;

/**
 * The part of the store a link carries. Its fields are the store's own objects, and the
 * same object is returned while they are the same, so it can be a selector and `===`
 * tells whether the view changed.
 */
export function selectLesson(s: AppState): LessonState {
  const lesson: LessonState = {
    text: s.text,
    settings: s.settings,
    step: s.step,
    head: s.head,
    allHeads: s.allHeads,
    quiz: s.quiz.enabled,
    embed: s.embed,
    selection: s.selection,
    graph: s.graph,
    follow: s.follow,
    lang: s.lang,
  };
  if (lastLesson && sameLesson(lesson, lastLesson)) return lastLesson;
  lastLesson = lesson;
  return lesson;
}

function sameLesson(a: LessonState, b: LessonState): boolean {
  return (Object.keys(a) as (keyof LessonState)[]).every((key) => Object.is(a[key], b[key]));
}

/**
 * The address of the page showing `state`: this page's address with the state's fragment.
 * What "Copy link" copies and the QR code holds. The language is in it unless it is
 * English, the links' default: a link shows every student the teacher's language, whatever
 * their browsers prefer.
 */
export function lessonUrl(state: LessonState, location: Location = window.location): string {
  const lesson = { ...state, text: linkedText(state.text) };
  return `${location.origin}${location.pathname}${location.search}#${encodeLessonLink(lesson)}`;
}

/**
 * The part of `text` a link carries: all of it, or, past MAX_TOKENS tokens, the text up to
 * the end of the last token used, which gives the same view; and never more than a link
 * can hold (see ./linkText.ts). A pasted megabyte would make a megabyte link: seconds of
 * `replaceState` on every edit, a link no one can share, and a reload that loses it.
 */
export function linkedText(text: string): string {
  return carriedText(text).text;
}

/**
 * Applies the lesson link in `hash` to the store: the whole view it describes (defaults
 * for what it leaves out, not what was shown before), and the notice of what it could not
 * read, or no notice. Returns false, changing nothing, when `hash` is not a lesson link
 * (empty, or an in-page anchor such as `#main`).
 */
export function applyLessonLink(hash: string): boolean {
  if (isLabHash(hash)) {
    useAppStore.getState().applyLab(decodeLabLink(hash), 'lab');
    return true;
  }
  const decoded = decodeLessonLink(hash);
  if (Object.keys(decoded.patch).length === 0 && decoded.problems.length === 0) return false;
  // A link shows its own language, English when it names none (what `lessonUrl` leaves
  // out); only a page without a link follows the browser.
  const lesson = lessonFromPatch(decoded.patch);
  // Tokenizing stops at MAX_TOKENS, so even a 1 MB sentence costs little here; and the
  // trace of the link's text will find these tokens in the shared cache.
  const tokenCount = tokensOf(lesson.text).tokens.length;
  const fitted = fitLessonToTokens(lesson, tokenCount);
  const problems = [...decoded.problems, ...fitted.problems];
  const store = useAppStore.getState();
  store.applyLink(fitted.patch);
  store.setLinkNotice(problems.length > 0 ? problems : null);
  return true;
}

/** The address of the Lab as shown: its inputs and the steps trained so far. */
function labUrl(): string {
  const { lab } = useAppStore.getState();
  const steps = labClient.getSnapshot().progress?.step ?? lab.steps;
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}${encodeLabLink(lab, steps)}`;
}

/** Writes `state`'s link (or the Lab's, when it is open) into the address bar, keeping the history entry. */
function writeLink(state: LessonState): void {
  const url = useAppStore.getState().screen === 'lab' ? labUrl() : lessonUrl(state);
  if (url === window.location.href) return;
  try {
    history.replaceState(history.state, '', url);
  } catch {
    // A browser may refuse a URL it finds too long (a 1 MB sentence); the view is unaffected.
  }
}

/**
 * Call once, in the App: reads the page's lesson link on start and applies it, writes the
 * view back into the address bar as it changes (debounced, replaceState only), and applies
 * a new link pasted into the same tab (`hashchange`).
 */
export function useLessonLink(): void {
  // A layout effect: the first paint already shows the link's view, not a flash of the defaults.
  useLayoutEffect(() => {
    // A page without a link shows the browser's language; a link sets its own below.
    useAppStore.getState().setLang(browserLanguage());
    const applied = applyLessonLink(window.location.hash);
    // A reload of this tab's own link: the whole text, where the link carried only its start.
    const whole = applied
      ? sessionTextFor(window.location.hash, useAppStore.getState().text)
      : null;
    if (whole !== null) {
      const s = useAppStore.getState();
      s.applyLink({
        text: whole,
        selection: s.selection,
        graph: { focus: s.graph.focus },
        follow: s.follow,
      });
    }
    let written = selectLesson(useAppStore.getState());
    let timer: ReturnType<typeof setTimeout> | undefined;

    const flush = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      writeLink(selectLesson(useAppStore.getState()));
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(flush, LINK_WRITE_DELAY_MS);
    };
    // A link that was partly unreadable is rewritten at once as what is shown, so copying
    // the address bar does not hand the same problems on to every student.
    if (applied && useAppStore.getState().linkNotice !== null) schedule();

    let writtenLab = useAppStore.getState().lab;
    let writtenScreen = useAppStore.getState().screen;
    const unsubscribe = useAppStore.subscribe((state) => {
      const lesson = selectLesson(state);
      // Hover and vector loading change the store too; only the view's own fields make a write.
      if (lesson === written && state.lab === writtenLab && state.screen === writtenScreen) return;
      written = lesson;
      writtenLab = state.lab;
      writtenScreen = state.screen;
      schedule();
    });
    // Training moves the Lab's link on (its steps): written once training pauses for a moment.
    const unsubscribeLab = labClient.subscribe(() => {
      if (useAppStore.getState().screen === 'lab') schedule();
    });
    const onHashChange = () => {
      clearTimeout(timer);
      timer = undefined;
      const before = useAppStore.getState().text;
      // An in-page anchor (#main) replaced the link: put the view's link back.
      if (!applyLessonLink(window.location.hash)) {
        timer = setTimeout(flush, LINK_WRITE_DELAY_MS);
      }
      // A link opened in this tab may replace what the user typed: keep it one click away.
      noteReplacement(before, useAppStore.getState().text, 'link');
    };
    // What the link cannot carry survives a reload in the tab (./linkText.ts). Kept when the
    // page is hidden or left rather than on every write: a 5 MB copy costs a quarter second.
    const keepWholeText = () => {
      const lesson = selectLesson(useAppStore.getState());
      keepSessionText(lesson.text, linkedText(lesson.text), lessonUrl(lesson));
    };
    // A reload or a tab closed within the delay must not lose the last change.
    const onPageHide = () => {
      flush();
      keepWholeText();
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') onPageHide();
    };
    window.addEventListener('hashchange', onHashChange);
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      unsubscribe();
      unsubscribeLab();
      window.removeEventListener('hashchange', onHashChange);
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onHidden);
      clearTimeout(timer);
    };
  }, []);
}
