/**
 * Strings of the numbers panels in Spanish: the matrix grids, the "Show the work" panel and
 * the accessible data tables. Numbers arrive already formatted (with a decimal comma).
 */
import type { Messages } from '../en';

/** «token», so that punctuation tokens ("." or ",") stay readable. */
const q = (token: string) => `«${token}»`;

/** The numbers panels' Spanish strings. */
export const numbers: Messages['numbers'] = {
  // Matrix grids
  dim: (d) => `d${d}`,
  shape: (name, rows, cols) => `${name} (${rows} × ${cols})`,
  gridLabel: (shape) => `${shape}: usa las flechas para leer los valores`,
  readout: (row, column, value) => `fila ${row}, ${column}: ${value}`,
  readoutHint:
    'Pasa el puntero por una celda para ver todas sus cifras, o enfoca la cuadrícula y usa las flechas.',
  readoutHintColour:
    'Demasiado ancha para mostrar números: pasa el puntero por una celda, o enfoca la cuadrícula y usa las flechas, para leer su valor.',
  unknownRow: 'no está en GloVe: vector inventado',
  scrollMore: 'desplaza →',

  // Matrices panel
  matricesTitle: 'Matrices',
  matricesTabs: 'Matrices que mostrar',
  noTokens: 'Escribe una oración para ver sus matrices.',
  groups: {
    embeddings: 'Vectores (embeddings)',
    qkv: 'Q, K, V',
    weights: 'wq, wk, wv',
    head: 'Suma ponderada',
    multi: 'Proyección de salida',
  },
  headSuffix: (head, heads) => (heads > 1 ? `, cabeza ${head + 1} de ${heads}` : ''),
  concatViewTitle: 'Las cabezas una al lado de otra',
  concatViewLead: (heads, dK) =>
    `Cada una de las ${heads} cabezas dio a cada token un vector nuevo de ${dK} números. Concatenar los pone uno al lado de otro: una fila por token, una franja de ${dK} columnas por cabeza.`,
  concatViewTable: 'Concatenación de las salidas de las cabezas',
  concatViewHead: (head) => `cabeza ${head}`,
  concatViewMoreRows: (shown, total) =>
    `Los primeros ${shown} de ${total} tokens; las matrices de abajo tienen todas las filas.`,
  concatViewProjection: (T, cols, width) =>
    `Después la proyección mezcla las cabezas: concat (${T} × ${cols}) · wo (${cols} × ${width}) = la salida final (${T} × ${width}), una fila por token con el ancho del modelo.`,
  matrices: {
    embeddings: 'vectores de palabras, una fila por token',
    positions: 'codificaciones posicionales sinusoidales, una fila por posición',
    input: 'entrada X = E + P: lo que leen las cabezas',
    inputNoPositions: 'entrada X = E (posiciones desactivadas)',
    wq: 'pesos de consulta: convierten el vector de un token en una consulta',
    wk: 'pesos de clave: convierten el vector de un token en una clave',
    wv: 'pesos de valor: convierten el vector de un token en un valor',
    q: 'consultas: Q = X · wq, lo que busca cada token',
    k: 'claves: K = X · wk, aquello por lo que se puede encontrar cada token',
    v: 'valores: V = X · wv, lo que entrega cada token',
    output: 'salida de la cabeza: pesos · V, el nuevo vector de cada token',
    concat: 'las salidas de las cabezas, una al lado de otra',
    wo: 'pesos de salida: mezclan las cabezas y vuelven al ancho del modelo',
    final: 'salida final: concat · wo',
  },
  pcaNote: (width) =>
    `Con ancho ${width}, cada fila contiene las coordenadas del vector de GloVe de la palabra sobre las ${width} primeras componentes principales de la tabla, no los números originales de GloVe.`,
  gloveNote:
    'Con ancho 100, cada fila contiene los 100 números originales de GloVe para la palabra.',
  madeUpNote:
    'La tabla de vectores de palabras no está cargada: cada token usa un vector inventado.',
  similarityNote:
    'Preajuste de similitud: wq = wk, así que consultas y claves viven en el mismo espacio y cada token puntúa más alto con los tokens parecidos a él.',
  sameQKNote:
    'Preajuste de similitud: wq = wk, así que Q y K son la misma matriz y cada puntuación compara dos tokens en un mismo espacio.',
  headDimNote: (dModel, dK, heads) =>
    heads > 1
      ? `Cada una de las ${heads} cabezas recibe d_k = ${dK} de las ${dModel} dimensiones del modelo.`
      : '',

  // Show the work
  workTitle: 'Los cálculos',
  workHint:
    'Haz clic en una celda del mapa de calor o en una arista del grafo para ver la aritmética que hay detrás.',
  workNotYet:
    'La aritmética empieza en el paso que crea las consultas, las claves y los valores: avanza para verla.',
  close: 'Cerrar',
  closeLabel: 'Cerrar la aritmética',
  pair: (from, to) => `${from} → ${to}`,
  pairMeaning: (from, to, head, heads) =>
    `${q(from)} atiende a ${q(to)}${heads > 1 ? `, en la cabeza ${head + 1}` : ''}.`,
  fullValueHint:
    'Redondeado a 4 decimales; pasa el puntero por un número para ver todas sus cifras.',

  scoreTitle: 'Puntuación: la consulta de un token por la clave de otro (producto escalar)',
  scoreIntro: (from, to) =>
    `Multiplica la consulta de ${q(from)} y la clave de ${q(to)} dimensión a dimensión y suma los productos.`,
  scoreColumns: {
    dim: 'dimensión',
    q: (from) => `q (${from})`,
    k: (to) => `k (${to})`,
    product: 'q × k',
  },
  scoreSum: 'suma = puntuación',
  scaleLine: 'Divide entre √d_k para que la dispersión de las puntuaciones no crezca con d_k:',
  scaleRoot: (dK) => `√${dK}`,
  scaledResult: 'puntuación escalada',
  scaleOff: 'El escalado por √d_k está desactivado: la puntuación pasa a la softmax sin cambios.',
  maskedNote: (from, to) =>
    `La máscara causal oculta ${q(to)} a ${q(from)}, porque va después en la oración: esta puntuación pasa a −∞, así que su peso tras la softmax es exactamente 0.`,

  softmaxTitle: 'Softmax: la fila de puntuaciones se convierte en pesos que suman 1',
  softmaxIntro: (from) =>
    `Toma cada puntuación de la fila de ${q(from)}, réstale la mayor para que ninguna exponencial se desborde, calcula la exponencial y divide cada exponencial entre la suma de todas.`,
  temperatureNote: (tau) =>
    `La temperatura τ = ${tau} divide cada diferencia antes de la exponencial: por debajo de 1 concentra los pesos; por encima de 1 los aplana.`,
  maxLine: (max, token) => `máx = ${max} (${q(token)})`,
  softmaxColumns: {
    token: 'token',
    score: 'puntuación s',
    difference: 's − máx',
    exponent: '(s − máx) / τ',
    exp: (withTau) => (withTau ? 'exp((s − máx) / τ)' : 'exp(s − máx)'),
    weight: 'peso = exp ÷ suma',
  },
  softmaxSum: 'suma',
  maskedExp: 'enmascarada: exp(−∞) = 0',

  weightedTitle: 'Suma ponderada: los pesos mezclan los vectores de valor',
  weightedIntro: (from) =>
    `Multiplica el vector de valor de cada token por el peso que le da ${q(from)} y suma los vectores ponderados: el resultado es el nuevo vector de ${q(from)}.`,
  weightedColumns: {
    token: 'token',
    weight: 'peso w',
    value: 'valor v',
    term: 'w × v',
  },
  weightedSum: (from) => `suma = salida de ${q(from)}`,

  projectionTitle: 'Proyección de salida: las cabezas se unen y wo las mezcla',
  projectionIntro: (from, heads) =>
    `Las salidas de las ${heads} cabezas para ${q(from)} se colocan una al lado de otra (concat) y cada componente de la salida final es concat por una columna de wo.`,
  projectionColumn: 'Columna de salida',
  projectionIndex: (head, d) => `cabeza ${head + 1}, d${d}`,
  projectionColumns: {
    index: 'componente de concat',
    concat: 'concat',
    wo: (column) => `wo (·, ${column})`,
    product: 'concat × wo',
  },
  projectionSum: (column) => `suma = salida final, ${column}`,
  projectionRow: (from) => `Fila de la salida final de ${q(from)}:`,

  // Data tables
  tablesTitle: 'Los números en tablas',
  tables: {
    q: 'Consultas (Q)',
    k: 'Claves (K)',
    v: 'Valores (V)',
    scores: 'Puntuaciones',
    weights: 'Pesos de atención',
    output: 'Salida',
    final: 'Salida final',
  },
  tableCaptions: {
    q: (head) => `Consultas Q = X · wq${head}: una fila por token y una columna por dimensión.`,
    k: (head) => `Claves K = X · wk${head}: una fila por token y una columna por dimensión.`,
    v: (head) => `Valores V = X · wv${head}: una fila por token y una columna por dimensión.`,
    scores: (head, divisor, causal) =>
      `Puntuaciones${head}: q · k${divisor ? ` dividido entre √d_k = ${divisor}` : ''}, tal como las recibe la softmax; las filas atienden y las columnas reciben atención${causal ? '; −∞ donde la máscara causal oculta un token posterior' : ''}.`,
    weights: (head) =>
      `Pesos de atención${head}: softmax de cada fila de puntuaciones; cada fila suma 1.`,
    output: (head) => `Salida${head}: pesos · V, el nuevo vector de cada token.`,
    final: 'Salida final: las salidas de las cabezas una al lado de otra, por wo.',
  },
  tableCorner: 'token',
  tablesTooLong: (tokens, max) =>
    `Las tablas de números abarcan oraciones de hasta ${max} tokens; esta tiene ${tokens}. Todos los números están en la traza: usa el botón «Descargar la traza (JSON)» bajo el mapa de calor de la atención.`,
};
