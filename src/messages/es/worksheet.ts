/**
 * Strings of the printable worksheet and its preview, in Spanish. Numbers arrive already
 * formatted (with a decimal comma). "_X" marks a subscript (W_Q, d_k), as in English.
 */
import type { Messages } from '../en';

/** «texto», with the angle quotes Spanish prefers. */
const q = (text: string) => `«${text}»`;

/** The weight presets as a Spanish sentence names them ("pesos de similitud"). */
const PRESETS: Readonly<Record<string, string>> = {
  random: 'aleatorios',
  similarity: 'de similitud',
};

/** "«A»", "«A» y «B»", "«A», «B» y «C»". */
function list(words: readonly string[]): string {
  const quoted = words.map(q);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} y ${quoted[quoted.length - 1]}`;
}

/** The worksheet's Spanish strings. */
export const worksheet: Messages['worksheet'] = {
  // Opening and the preview's toolbar
  button: 'Ficha de trabajo',
  buttonDescription:
    'Una hoja imprimible con solucionario para los tokens de la oración que elijas',
  previewTitle: 'Vista previa de la ficha',
  previewHint:
    'Esto es lo que se imprimirá: las páginas del alumnado y, después, el solucionario en una página aparte.',
  tokenCount: 'Tokens en la ficha',
  chooseTokens: (max) => `Qué tokens (hasta ${max})`,
  chooseHint: 'Cada token elegido conserva su lugar en la oración.',
  print: 'Imprimir',
  close: 'Cerrar',

  // Page 1: the task
  title: 'La autoatención a mano',
  name: 'Nombre',
  date: 'Fecha',
  sentence: (text) => `Oración: ${q(text)}`,
  settings: (s) =>
    [
      `Ancho d_model = ${s.dModel}, una cabeza con d_k = ${s.dK}`,
      s.preset !== null && s.seed !== null
        ? `pesos ${PRESETS[s.preset] ?? q(s.preset)}, semilla ${s.seed}`
        : null,
      `escalado por √d_k ${s.scale ? 'activado' : 'desactivado'}`,
      `máscara causal ${s.causal ? 'activada' : 'desactivada'}`,
      `temperatura τ = ${s.temperature}`,
    ]
      .filter((part) => part !== null)
      .join('; ') + '.',
  settingsSource: 'Los ajustes son los de la aplicación, con ancho 4 y una cabeza.',
  notesTitle: 'Sobre estos números',
  rounded: (decimals) =>
    `X y los pesos son los números de Attention Graph redondeados a ${decimals === 1 ? 'un decimal' : `${decimals} decimales`}.`,
  chosen: (words) =>
    `La ficha trata ${list(words)}, elegidos de la oración; cada uno conserva la posición que tiene en ella.`,
  shortened: (kept) =>
    `La oración se acorta a sus ${kept} primeros tokens para que el trabajo quepa en una página.`,
  unknownWords: (words) =>
    words.length === 1
      ? `${list(words)} no está en GloVe, así que su vector es inventado, como en la aplicación.`
      : `${list(words)} no están en GloVe, así que sus vectores son inventados, como en la aplicación.`,
  madeUpVectors:
    'La tabla de vectores de palabras no estaba cargada, así que todos los vectores son inventados.',
  noPositions: 'Las posiciones están desactivadas: X son solo los vectores de las palabras.',
  withPositions:
    'Cada fila de X es el vector de la palabra más la codificación de su posición, ya sumados.',

  instructionsTitle: 'Qué hay que hacer',
  steps: {
    project:
      'Consultas, claves y valores: Q = X · W_Q, K = X · W_K y V = X · W_V. El elemento (i, j) es la fila i de X por la columna j de la matriz de pesos: multiplica elemento a elemento y suma.',
    sameQK: 'Aquí W_Q = W_K, así que K = Q: calcula Q una vez y cópiala.',
    scores:
      'Puntuaciones = Q · Kᵀ: el elemento (i, j) es la fila i de Q por la fila j de K. Indica cuánto encaja la consulta del token i con la clave del token j.',
    scale: (dK, root) =>
      `Escala: divide cada puntuación entre √d_k = √${dK} = ${root}, para que la dispersión de las puntuaciones no crezca con d_k.`,
    noScale:
      'Aquí el escalado por √d_k está desactivado: las puntuaciones pasan a la softmax tal cual.',
    mask: 'Máscara causal: un token no puede mirar a los tokens posteriores. Cada elemento por encima de la diagonal (columna posterior a la fila) pasa a −∞, así que su peso es 0.',
    softmax:
      'Softmax, fila a fila: resta a cada elemento el mayor de su fila, calcula eˣ de cada diferencia y divide cada eˣ entre la suma de la fila. Cada fila de pesos suma 1.',
    softmaxTemperature: (tau) =>
      `Softmax, fila a fila: resta a cada elemento el mayor de su fila, divide la diferencia entre τ = ${tau}, calcula eˣ y divide cada eˣ entre la suma de la fila. Cada fila de pesos suma 1.`,
    output:
      'Salida = Pesos · V: la fila i son los pesos del token i por las filas de V, sumados: una mezcla de los vectores de valor, sobre todo del token al que más atiende.',
    rounding: (qkvDigits, digits) =>
      `Q, K y V salen exactas con ${qkvDigits} decimales. Conserva todas las cifras mientras trabajas y escribe las demás respuestas con ${digits} decimales; una respuesta a menos de 0,01 de la solución es correcta.`,
  },
  expHintTitle: 'eˣ para algunos valores de x (la tecla eˣ de una calculadora es más precisa)',
  // The variable and its exponential are symbols, the same in every language.
  expHintX: 'x',
  expHintExp: 'eˣ',

  givenTitle: 'Datos',
  workTitle: 'Tu trabajo',
  page: (n) => `Página ${n}`,

  // Grids
  corner: 'token',
  dim: (d) => `d${d}`,
  shape: (rows, cols) => `${rows} × ${cols}`,
  grids: {
    x: 'X (la entrada)',
    wq: 'W_Q (pesos de consulta)',
    wk: 'W_K (pesos de clave)',
    wv: 'W_V (pesos de valor)',
    q: 'Q = X · W_Q',
    k: 'K = X · W_K',
    v: 'V = X · W_V',
    scores: 'Puntuaciones = Q · Kᵀ',
    scaled: (root) => `Puntuaciones escaladas = Puntuaciones ÷ ${root}`,
    scaledMasked: (root) => `Puntuaciones escaladas = Puntuaciones ÷ ${root}, con máscara`,
    masked: 'Puntuaciones con máscara',
    weights: 'Pesos = softmax de cada fila',
    output: 'Salida = Pesos · V',
  },
  rowsHint: 'Filas: el token que atiende; columnas: el token que recibe la atención.',

  // The answer key
  keyTitle: 'Solucionario',
  keyIntro:
    'Calculado por Attention Graph a partir de las entradas redondeadas de la primera página, con el mismo código que ejecuta la aplicación.',
  unrounded: (difference) =>
    `Con las entradas sin redondear, los pesos de la aplicación difieren de esta solución como mucho en ${difference}.`,
  checkInApp: (sentence, dModel) =>
    `Para ver los números sin redondear en la aplicación: escribe ${q(sentence)} y pon Ancho del modelo en ${dModel} y Cabezas en 1.`,
  noTokens: 'Escribe primero una oración: la ficha necesita al menos un token.',
  waitForVectors:
    'La ficha de trabajo estará lista cuando se hayan cargado los vectores de palabras.',
};
