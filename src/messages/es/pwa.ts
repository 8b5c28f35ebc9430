/** Spanish strings of the installable, offline app (see ../pwa.ts). */
import type { Messages } from '../en';

/** The update prompt, in Spanish. */
export const pwa: Messages['pwa'] = {
  updateLabel: 'Nueva versión',
  updateReady: 'Hay una versión nueva de Attention Graph.',
  reload: 'Recargar',
  later: 'Más tarde',
  offlineLabel: 'Uso sin conexión',
  offlineFailed: (quota, free) =>
    quota === null
      ? 'No se pudo guardar Attention Graph para usarlo sin conexión: el navegador se negó a almacenarlo (su almacenamiento para este sitio puede estar lleno o limitado, como en una ventana privada). Sigue funcionando mientras estés en línea.'
      : `No se pudo guardar Attention Graph para usarlo sin conexión: el navegador da a este sitio ${quota} de almacenamiento (${free} libres), menos de lo que necesitan la aplicación y sus vectores de palabras. Sigue funcionando mientras estés en línea; si permites más almacenamiento al sitio, o liberas espacio, funcionará sin conexión.`,
  megabytes: (mb) => `${mb} MB`,
  dismiss: 'Descartar',
};
