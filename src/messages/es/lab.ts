/** Las cadenas del Laboratorio de atención (ver ../lab.ts). */
import type { Messages } from '../en';

/** Las cadenas del Laboratorio, en español. */
export const lab: Messages['lab'] = {
  open: 'Laboratorio de atención',
  back: 'Volver al recorrido',
  title: 'Laboratorio de atención: mira cómo aprende la atención',
  intro:
    'Elige una tarea cuya respuesta se conoce, pulsa Entrenar y mira cómo la atención de un ejemplo pasa del ruido al patrón que la resuelve.',
  task: 'Tarea',
  taskNames: {
    lookup: 'Buscar un libro',
    previous: 'Copiar el token anterior',
    reverse: 'Invertir la secuencia',
    induction: 'Inducción: continuar una repetición',
  },
  cards: {
    lookup: {
      what: 'Una estantería de libros: "B7" es un libro con clave B y contenido 7. Al final llega una pregunta, "B?": ¿qué contenido tiene el libro de clave B? El modelo debe responder 7.',
      pattern:
        'La pregunta debe poner su atención en el libro con la misma clave y copiar su contenido. Para eso sirven una consulta y una clave.',
      tryThis:
        'Entrénalo y mira cómo la fila de la pregunta se ilumina en el libro que coincide. Luego pulsa "Recorrer esta cabeza" para ver las puntuaciones que lo logran.',
    },
    previous: {
      what: 'Una fila de letras. En cada posición la respuesta es la letra justo anterior.',
      pattern:
        'Cada token debe atender al token un paso atrás: una franja justo debajo de la diagonal.',
      tryThis:
        'Apaga los embeddings de posición y entrena de nuevo: ¿por qué falla? Sin posiciones, todos los tokens parecen iguales estén donde estén.',
    },
    reverse: {
      what: 'Una fila de letras, todas visibles a la vez. La posición 1 responde la última letra, la posición 2 la penúltima, y así.',
      pattern: 'Cada posición atiende a su posición espejo: la antidiagonal.',
      tryThis: 'Apaga los embeddings de posición: ¿puede funcionar todavía?',
    },
    induction: {
      what: 'Un tramo de letras al azar aparece dos veces. En la segunda copia, cada letra debe predecir la letra que la siguió la primera vez.',
      pattern:
        'Dos capas trabajan juntas: la primera mira el token anterior, la segunda busca dónde apareció antes la letra actual y copia lo que venía después.',
      tryThis:
        'Entrena la inducción con una sola capa: debe fallar. Una cabeza sola no puede mirar un paso atrás y buscar una coincidencia a la vez.',
    },
  },
  taskCard: 'Sobre esta tarea',
  whatLabel: 'La tarea',
  patternLabel: 'El patrón que aprender',
  tryLabel: 'Prueba esto',
  train: 'Entrenar',
  pause: 'Pausa',
  step: 'Paso',
  reset: 'Reiniciar',
  speed: 'Velocidad',
  speedNames: ['Mirar', 'Lenta', 'Media', 'Rápida', 'Máxima'],
  settings: 'Modelo',
  layers: 'Capas',
  heads: 'Cabezas por capa',
  width: 'Anchura',
  lr: 'Tasa de aprendizaje',
  seed: 'Semilla',
  positions: 'Embeddings de posición',
  status: 'Estado del entrenamiento',
  stepLabel: 'Paso',
  lossLabel: 'Pérdida',
  accuracyLabel: 'Precisión en datos reservados',
  statusText: (step, loss, accuracy) =>
    `Paso ${step}, pérdida ${loss}, precisión en datos reservados ${accuracy}`,
  starting: 'Preparando el modelo…',
  failed: (message) => `El entrenamiento se detuvo: ${message}`,
  view: 'Cabeza mostrada',
  layerHead: (layer, head) => `Capa ${layer}, cabeza ${head}`,
  example: 'Ejemplo',
  exampleHelp:
    'Escribe los símbolos de la tarea separados por espacios, o saca un ejemplo nuevo al azar.',
  newExample: 'Ejemplo nuevo',
  exampleInvalid: 'Esa no es una secuencia de esta tarea; el ejemplo no cambió.',
  symbols: (list) => `Símbolos: ${list}`,
  heatmap: 'Mapa de calor de la atención del laboratorio',
  graph: 'Grafo de la atención del laboratorio',
  knownHeatmap: 'Mapa de calor del patrón conocido',
  knownGraph: 'Grafo del patrón conocido',
  learned: 'A qué atiende el modelo',
  known: 'El patrón que la resuelve',
  noPattern: 'Esta capa no tiene un patrón fijo que aprender.',
  curve: 'Curva de entrenamiento',
  curveLoss: 'pérdida (escala logarítmica)',
  curveAccuracy: 'precisión',
  curveStep: 'paso',
  stepThrough: 'Recorrer esta cabeza',
  labModel: (task, layer, head, step) =>
    `Este recorrido muestra un modelo entrenado del laboratorio: ${task}, capa ${layer}, cabeza ${head}, tras ${step} pasos.`,
  backToLab: 'Volver al laboratorio',
  matchTitle: 'Lo que aprendieron los pesos',
  matchHelp:
    'Cuánto coincide una consulta de un token (fila) con una clave de otro (columna), leído solo de los pesos.',
  matchTokens: 'Coincidencia consulta–clave de tokens',
  matchPositions: 'Coincidencia consulta–clave de posiciones',
  timeline: 'Línea de tiempo',
  timelineHelp: 'Vuelve a ver la atención y los pesos en un paso anterior.',
  timelineValue: (step) => `Mostrando el paso ${step}`,
  exportCurve: 'Curva',
  exportModel: 'Modelo entrenado (JSON)',
};
