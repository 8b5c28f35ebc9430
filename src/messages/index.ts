/**
 * Every user-visible string of the app, in one module: components read them through
 * `useMessages()` and never write visible text of their own. Each area's strings sit in
 * a section file beside this one; this module is the one place that joins them.
 */
import { app } from './app';
import { numbers } from './numbers';
import { share } from './share';
import { shell } from './shell';
import { viz } from './viz';
import { worksheet } from './worksheet';

/** The English messages. */
export const en = {
  app,
  shell,
  viz,
  numbers,
  worksheet,
  share,
};

/** The shape every language must provide. */
export type Messages = typeof en;

/** The messages of the current language (English until the language picker exists). */
export function useMessages(): Messages {
  return en;
}
