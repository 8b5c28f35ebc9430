/** Strings of the attention views in Spanish: the heatmap, the all-heads view and the graph. */
import { stepNumber } from '../../vocabulary/steps';
import type { Messages } from '../en';

/** «palabra», with the angle quotes Spanish prefers. */
const q = (word: string) => `«${word}»`;

/** Strings of the attention views, in Spanish. */
export const viz: Messages['viz'] = {
  // Shared
  waitingForVectors:
    'El mapa de calor y el grafo aparecerán cuando se hayan cargado los vectores de palabras.',
  emptyText: 'Escribe una oración para ver quién atiende a quién.',
  pair: (query, key) => `${query} → ${key}`,

  // Heatmap
  heatmapTitle: 'Mapa de calor de la atención',
  heatmapLabel: 'Mapa de calor de la atención',
  headOf: (head, heads) => `Cabeza ${head + 1} de ${heads}`,
  queryAxis: 'consulta (atiende)',
  keyAxis: 'clave (recibe atención)',
  rowSumHeader: 'Σ fila',
  rowSumTitle: (token, sum) => `Los pesos de ${q(token)} suman ${sum}`,
  scoresAppear: `Las puntuaciones aparecen en el paso ${stepNumber('score')}, Puntuación.`,
  modeGroup: 'Valores del mapa de calor',
  modes: {
    scores: 'QKᵀ',
    scaled: '÷ √d_k',
    masked: 'con máscara',
    weights: 'softmax',
  },
  modeNames: {
    scores: 'puntuaciones brutas QKᵀ',
    scaled: 'puntuaciones escaladas QKᵀ ÷ √d_k',
    masked: 'puntuaciones escaladas con la máscara causal',
    weights: 'pesos de atención (softmax de cada fila)',
  },
  modeExplanations: {
    scores:
      'Puntuaciones brutas: cada celda es el producto escalar de una consulta (fila) con una clave (columna). Un valor positivo indica que encajan.',
    scaled: (dK, root) =>
      `Puntuaciones escaladas: cada puntuación bruta dividida entre √d_k = √${dK} ≈ ${root}, lo que evita que la softmax se sature. Compara el rango de la leyenda con el de las puntuaciones brutas.`,
    masked:
      'La máscara causal: un token no puede mirar a los tokens que vienen después, así que esas puntuaciones pasan a −∞ (rayadas) y recibirán peso 0.',
    weights:
      'Pesos de atención: la softmax de cada fila. Cada fila suma 1 (mira la columna de la derecha); más claro significa más atención.',
  },
  cellValue: (query, key, value) => `${query} → ${key}: ${value}`,
  cellMasked: (query, key) =>
    `${query} → ${key}: enmascarada (−∞). ${q(key)} va después de ${q(query)}, así que la máscara causal lo oculta.`,
  cellMaskedWeight: (query, key) => `${query} → ${key}: 0 (oculta por la máscara causal)`,
  readout: (query, key, value) => `${q(query)} → ${q(key)}: ${value}`,
  heatmapHelp:
    'Pasa el puntero, toca o llega con las flechas a una celda para leerla; haz clic o pulsa Intro para abrir su aritmética.',
  readoutToken: (index, token) => `Token ${index + 1}: ${q(token)}`,
  labelsThinned: (stride) =>
    `Se rotula ${stride === 2 ? 'un token de cada dos' : `un token de cada ${stride}`}; señala una fila o una columna para leer su token.`,
  sumsLeftOut:
    'Se omite la columna de sumas para que quepan todas las columnas; cada fila sigue sumando 1.',
  longInputNote: (tokens, max) =>
    `Las tablas de números ocultas llegan hasta ${max} tokens y este texto tiene ${tokens}: todos los números (Q, K, V, puntuaciones, pesos, salidas) están en la traza, en JSON.`,
  downloadTrace: 'Descargar la traza (JSON)',
  legendScores: 'puntuación',
  legendWeights: 'peso de atención',
  legendMasked: 'enmascarada (−∞)',
  legendMaskedWeight: 'enmascarada (peso 0)',
  legendScale: (low, high, what) => `Escala de color (${what}), de ${low} a ${high}`,
  allHeadsTitle: 'Todas las cabezas',
  allHeadsHelp: 'Haz clic en una cabeza para verla completa abajo y en el grafo.',
  headTitle: (head) => `Cabeza ${head + 1}`,

  // Graph
  graphTitle: 'Grafo de atención',
  graphLabel: 'Grafo de atención',
  controlsLabel: 'Ajustes del grafo',
  layoutLabel: 'Disposición',
  layouts: {
    line: 'Línea (orden de lectura)',
    circle: 'Círculo',
    force: 'Fuerzas',
  },
  lineTooLong: (max) => `Línea (hasta ${max} tokens)`,
  thresholdLabel: 'Umbral de peso',
  topKLabel: 'Más fuertes por token',
  topKHint: '0 = sin límite',
  everyEdgeLabel: 'Mostrar todas las aristas',
  covering: (percent, most) =>
    `Las aristas más fuertes de cada token, como mucho ${most}, hasta llevar el ${percent} % de su atención.`,
  directionLabel: 'Mostrar aristas',
  directions: {
    out: 'salientes',
    in: 'entrantes',
  },
  focusHint: 'Haz clic en un token para ver solo sus aristas.',
  focused: (token, direction) =>
    direction === 'out'
      ? `Se muestra adónde mira ${q(token)} (sus aristas salientes).`
      : `Se muestra quién mira a ${q(token)} (sus aristas entrantes).`,
  clearFocus: 'Mostrar todos los tokens',
  edgesAppear: `Las aristas aparecen en el paso ${stepNumber('softmax')}, Softmax.`,
  edgeCount: (shown, total) =>
    shown === total
      ? `${shown} ${shown === 1 ? 'arista' : 'aristas'}`
      : `${shown} de ${total} aristas`,
  capped: (perToken) =>
    perToken === 1
      ? 'Texto largo: se muestra la arista más fuerte de cada token.'
      : `Texto largo: se muestran las ${perToken} aristas más fuertes de cada token.`,
  noEdges: 'Ninguna arista supera el umbral: bájalo para ver más.',
  legendSummary: 'Cómo leer el grafo',
  legendArrow: 'Una flecha de A a B: A atiende a B; cuanto más gruesa, más atención.',
  legendLineHorizontal:
    'Los arcos por encima de los tokens apuntan a tokens posteriores y los de abajo a anteriores; un bucle pequeño es un token que se atiende a sí mismo.',
  legendLineVertical:
    'Los arcos de la derecha apuntan a tokens posteriores y los de la izquierda a anteriores; un bucle pequeño es un token que se atiende a sí mismo.',
  legendOther: 'Un bucle pequeño es un token que se atiende a sí mismo.',
  nodeTitle: (token, known) =>
    known
      ? `${q(token)}: haz clic para ver solo sus aristas`
      : `${q(token)} (sin vector de GloVe: inventado): haz clic para ver solo sus aristas`,
  edgeTitle: (query, key, weight) => `${query} atiende a ${key}: ${weight}`,
  edgeTooltip: (query, key, weight) => `${query} → ${key}  ${weight}`,
};
