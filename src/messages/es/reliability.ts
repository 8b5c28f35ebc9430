/** Spanish strings of the app's safety nets (see ../reliability.ts). */
import type { Messages } from '../en';

/** Spanish: a panel that failed, and characters left out of the tokens. */
export const reliability: Messages['reliability'] = {
  panelFailed: {
    sentence: 'No se pudo mostrar el panel de la frase',
    steps: 'No se pudieron mostrar los pasos',
    explanation: 'No se pudo mostrar la explicación',
    views: 'No se pudieron mostrar el mapa de calor ni el grafo',
    heatmap: 'No se pudo dibujar el mapa de calor',
    graph: 'No se pudo dibujar el grafo',
    concat: 'No se pudo mostrar la concatenación de las cabezas',
    work: 'No se pudieron mostrar las cuentas',
    matrices: 'No se pudieron mostrar las matrices',
    settings: 'No se pudieron mostrar los ajustes',
    tables: 'No se pudieron mostrar las tablas de números',
    lab: 'No se pudo mostrar el Laboratorio de atención',
  },
  failedWith: (what, reason) => `${what}: ${reason}`,
  unknownReason: 'error desconocido',
  keptNote: 'Tu frase se conserva; el resto de la página sigue funcionando.',
  reset: 'Reiniciar',
  leftOut: (count) =>
    count === 1
      ? '1 carácter invisible (un carácter de control o de formato, o la mitad de un carácter roto) no es un token y se ha omitido.'
      : `${count} caracteres invisibles (de control o de formato, o mitades de caracteres rotos) no son tokens y se han omitido.`,
  noTokens: 'Este texto no tiene tokens: solo espacios y caracteres invisibles.',
  boot: {
    needsJavaScript:
      'Attention Graph necesita JavaScript, y está desactivado en esta página. Actívalo para este sitio y vuelve a cargar la página.',
    cannotStart:
      'Attention Graph no ha arrancado. Necesita JavaScript y un navegador reciente (Chrome, Edge, Firefox o Safari de 2023 en adelante), y debe abrirse en una pestaña propia: un marco dentro de otra página puede impedir que arranque. Vuelve a cargar la página o abre esta dirección en una pestaña nueva.',
    crashed: (reason) =>
      `Attention Graph se ha detenido por un error (${reason}). Vuelve a cargar la página: el enlace de la lección en la barra de direcciones conserva tu oración y la vista.`,
  },
  moreProblems: (count) => `…y ${count} más.`,
  linkCut: (carried, total) =>
    `Este texto es demasiado largo para un enlace: el enlace lleva sus primeros ${carried} de ${total} tokens. El texto entero se conserva en esta pestaña, también al recargar.`,
  lazy: {
    parts: {
      worksheet: 'No se pudo abrir la ficha de trabajo',
      quiz: 'No se pudo mostrar la pregunta',
    },
    notDownloaded: 'no se pudo descargar su código (¿se ha caído la conexión?)',
    tryAgain: 'Reintentar',
    close: 'Cerrar',
    newVersion:
      'Se ha publicado una versión nueva de Attention Graph desde que se abrió esta página: recarga para usarla. Tu oración y la vista se conservan.',
    reload: 'Recargar',
  },
  replaced: {
    label: 'Tu texto anterior',
    byExample: (start) => `Un ejemplo ha sustituido tu texto («${start}»).`,
    byLink: (start) => `Un enlace ha sustituido tu texto («${start}»).`,
    undone: (start) => `Tu texto ha vuelto; el texto que lo sustituyó («${start}») está a un clic.`,
    undo: 'Deshacer',
    redo: 'Rehacer',
    dismiss: 'Descartar',
  },
};
