/**
 * The English messages, every section joined: the reference every other language is typed
 * against (`Messages`), kept apart from the index so that a translation can import the
 * type without importing itself through the index.
 */
import { app } from './app';
import { exportFiles } from './export';
import { follow } from './follow';
import { lab } from './lab';
import { numbers } from './numbers';
import { quiz } from './quiz';
import { present } from './present';
import { pwa } from './pwa';
import { reliability } from './reliability';
import { share } from './share';
import { shell } from './shell';
import { viz } from './viz';
import type { Widen } from './widen';
import { worksheet } from './worksheet';

/** The English messages. */
export const en = {
  app,
  shell,
  viz,
  numbers,
  worksheet,
  share,
  quiz,
  present,
  exportFiles,
  pwa,
  reliability,
  lab,
  follow,
};

/** The shape every language must provide: the English messages, strings widened. */
export type Messages = Widen<typeof en>;
