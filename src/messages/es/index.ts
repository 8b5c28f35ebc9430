/**
 * The Spanish messages, one section file per English one.
 */
import type { Messages } from '../en';
import { app } from './app';
import { exportFiles } from './export';
import { follow } from './follow';
import { lab } from './lab';
import { numbers } from './numbers';
import { present } from './present';
import { pwa } from './pwa';
import { quiz } from './quiz';
import { reliability } from './reliability';
import { share } from './share';
import { shell } from './shell';
import { viz } from './viz';
import { worksheet } from './worksheet';

/** The Spanish messages. */
export const es: Messages = {
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
