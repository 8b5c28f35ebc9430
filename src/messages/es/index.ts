/**
 * The Spanish messages, one section file per English one.
 * (Until each section is translated, it re-exports the English text.)
 */
import { app } from '../app';
import { numbers } from '../numbers';
import { reliability } from './reliability';
import { share } from '../share';
import { shell } from '../shell';
import { viz } from '../viz';
import { worksheet } from '../worksheet';
import type { Messages } from '..';

/** The Spanish messages. */
export const es: Messages = {
  app,
  shell,
  viz,
  numbers,
  worksheet,
  share,
  reliability,
};
