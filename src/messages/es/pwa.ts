/** Spanish strings of the installable, offline app (see ../pwa.ts). */
import type { Messages } from '../en';

/** The update prompt, in Spanish. */
export const pwa: Messages['pwa'] = {
  updateLabel: 'Nueva versión',
  updateReady: 'Hay una versión nueva de Attention Graph.',
  reload: 'Recargar',
  later: 'Más tarde',
};
