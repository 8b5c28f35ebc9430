/** Textos del selector de tema y del modo presentación. */
import type { Messages } from '../en';

/** Los textos en español. */
export const present: Messages['present'] = {
  themeLabel: 'Tema',
  themes: {
    system: 'Sistema',
    light: 'Claro',
    dark: 'Oscuro',
  },
  present: 'Presentar',
  presentHint: 'Pantalla completa, letra grande, un paso a la vez. Tecla: P',
  region: 'Presentación',
  exit: 'Salir',
  exitLabel: 'Salir de la presentación',
  previous: 'Paso anterior',
  next: 'Paso siguiente',
  indicator: (n, total) => `${n} / ${total}`,
  indicatorLabel: (n, total) => `Paso ${n} de ${total}`,
  sentenceLabel: 'Frase',
  keysHint:
    'Siguiente: → ↓ Av Pág Espacio · Anterior: ← ↑ Re Pág · B: pantalla en negro · Esc: salir',
  blanked: 'Pantalla en negro. Pulsa B o . para volver a mostrarla.',
};
