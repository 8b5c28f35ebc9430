/** Strings of "Follow one token", in Spanish (see ../follow.ts). */
import type { Messages } from '../en';

/** The Spanish strings of "Follow one token". */
export const follow: Messages['follow'] = {
  button: 'Seguir un token',
  buttonHint: 'Recorrer la atención de un token, con los números reales. Tecla: F',
  title: 'Seguir un token',
  tokenLabel: 'Token',
  tokenOption: (n, text) => `${n} · ${text}`,
  head: (head, heads) => `Cabeza ${head} de ${heads}`,
  close: 'Cerrar',
  previous: 'Anterior',
  next: 'Siguiente',
  framesLabel: 'Pasos',
  indicator: (n, total) => `${n} / ${total}`,
  indicatorLabel: (n, total) => `Paso ${n} de ${total}`,
  keysHint: 'Siguiente: → Espacio Av Pág · Atrás: ← Re Pág · Esc: cerrar',
  meetTitle: (query, key) => `La consulta de «${query}» se encuentra con la clave de «${key}»`,
  meetText: (query, key) =>
    `Se multiplican q (de «${query}») y k (de «${key}») número a número y se suman los productos: esa suma es la puntuación, cuánto encaja la clave con la consulta.`,
  meetScaled: (sqrt) =>
    `Después la puntuación se divide entre √d_k = ${sqrt}, para que no crezca con el ancho.`,
  meetUnscaled: 'El escalado por √d_k está desactivado: la puntuación se usa tal cual.',
  barsTitle: 'Las puntuaciones se vuelven barras',
  barsText:
    'Una barra por clave: cuanto mayor la puntuación, más larga la barra. Una barra hacia la izquierda es una puntuación negativa.',
  barsMasked: 'La máscara causal oculta los tokens posteriores: no tienen barra.',
  softmaxTitle: 'Softmax convierte las barras en pesos',
  softmaxText: (temperature) =>
    `Cada peso es e^(puntuación ÷ τ) dividido entre la suma sobre todas las claves (τ = ${temperature}): cada peso está entre 0 y 1, y juntos suman 1.`,
  mixTitle: 'Los valores, ponderados, se suman en el vector nuevo',
  mixText: (query) =>
    `El vector de valor v de cada clave se multiplica por su peso; los vectores ponderados se suman, número a número, en el vector nuevo de «${query}».`,
  arrowsTitle: (query) => `Las flechas de «${query}»`,
  arrowsText:
    'El grafo dibuja una flecha del token a cada token al que atiende, tan gruesa como el peso.',
  dimension: 'd',
  query: 'q',
  key: 'k',
  product: 'q × k',
  score: 'Puntuación',
  scaled: 'Puntuación ÷ √d_k',
  keyToken: 'Clave',
  weight: 'Peso',
  value: 'Valor v',
  weighted: 'Peso × v',
  sum: 'Suma',
  weightSum: 'Suma de los pesos',
  newVector: 'Vector nuevo',
  masked: 'enmascarada',
  more: (n) => `… ${n} más`,
  allKeys: 'La puntuación de cada clave',
  arrowsLabel: (query) => `Flechas de «${query}»`,
};
