/**
 * Strings of the shell panels in Spanish: the sentence box, example menu, token chips,
 * step navigation and explanations, formula, code view, settings and vector status.
 * The example sentences stay in English: the word vectors are GloVe's, learned from
 * English text, so a Spanish sentence would give every word a made-up vector.
 */
import type { Messages } from '../en';
import type { StepContext } from '../shell';

/** «palabra», with the angle quotes Spanish prefers. */
const q = (word: string) => `«${word}»`;

/** "1 token", "3 tokens". */
const tokensWord = (n: number) => `${n} ${n === 1 ? 'token' : 'tokens'}`;

const BANK_PARAGRAPH =
  'We walked along the bank of the river and watched the water rise after the storm. ' +
  'Later that day we went to the bank in town to ask for a loan, because the flood had damaged our house. ' +
  'The clerk at the bank said the river bank would be repaired soon, and she smiled as she counted the money.';

/** Strings of the shell, in Spanish. */
export const shell: Messages['shell'] = {
  sentence: {
    label: 'Oración',
    placeholder: 'Escribe una oración en inglés, por ejemplo: The cat sat on the mat.',
    hint: 'Los tokens y todos los números de abajo cambian a medida que escribes. Los vectores son de GloVe, aprendidos de textos en inglés.',
  },
  examples: {
    label: 'Ejemplos',
    items: [
      { label: 'I love tennis. (Me encanta el tenis.)', text: 'I love tennis.' },
      {
        label:
          'The cat sat on the mat because it was tired. (El gato se sentó en la alfombra porque estaba cansado.)',
        text: 'The cat sat on the mat because it was tired.',
      },
      {
        label:
          'I love Tennis & I am a big fan of Rafael Nadal. (Me encanta el tenis y soy muy fan de Rafael Nadal.)',
        text: 'I love Tennis & I am a big fan of Rafael Nadal.',
      },
      {
        label: '¿Quién es «it»? The trophy did not fit in the suitcase…',
        text: 'The trophy did not fit in the suitcase because it was too big.',
      },
      {
        label: 'Palabras repetidas: A rose is a rose is a rose.',
        text: 'A rose is a rose is a rose.',
      },
      {
        label: 'Dos sentidos: Time flies like an arrow; fruit flies like a banana.',
        text: 'Time flies like an arrow; fruit flies like a banana.',
      },
      {
        label: 'Contracciones: I don’t think they’re coming, but we’ll see.',
        text: "I don't think they're coming, but we'll see.",
      },
      {
        label:
          'Un párrafo: «bank» como orilla del río y como banco que presta dinero (59 palabras)',
        text: BANK_PARAGRAPH,
      },
    ],
  },
  tokens: {
    // The same word as in English: Spanish texts on language models say "token" too.
    label: 'Tokens',
    heading: 'Tokens',
    empty: 'Escribe una oración para empezar.',
    loading: 'Los tokens aparecen en un momento.',
    countPending: (tokens) =>
      `${tokens} ${tokens === 1 ? 'token' : 'tokens'}; buscando sus vectores GloVe…`,
    chipPending: (word) =>
      `Buscando ${q(word)}: la tabla de vectores de palabras aún se está cargando (mientras, un vector inventado)`,
    count: (tokens, unknown) =>
      tokensWord(tokens) +
      (unknown > 0
        ? `, ${unknown} sin vector de GloVe`
        : tokens === 1
          ? ', con vector de GloVe'
          : ', todos con vector de GloVe'),
    truncated: (max) => `El texto tiene más de ${max} tokens: solo se usan los ${max} primeros.`,
    chipKnown: (word, rank) =>
      `Vector de GloVe de ${q(word)} (la palabra n.º ${rank} por frecuencia)`,
    chipUnknown: (word) =>
      `No hay vector de GloVe para ${q(word)}: usa un vector inventado a partir de la propia palabra`,
    chipClitic: (token, word) => `${q(token)} usa el vector de ${q(word)}`,
    chipFocus: 'Haz clic para ver en el grafo solo las aristas de este token.',
    legendUnknown:
      'Borde discontinuo y un ?: GloVe no tiene vector para esta palabra (faltan las letras sueltas, los dígitos y las palabras raras); usa un vector inventado a partir de la propia palabra.',
    legendSample: 'ab',
    legendClitic: (token, word) => `${q(token)} se busca como ${q(word)}.`,
    legendPossessive:
      'GloVe no tiene una palabra para «’s» (is, has o el posesivo), así que queda sin vector.',
    madeUp: 'La tabla de vectores de palabras no está cargada: cada token usa un vector inventado.',
    hoverHint:
      'Pasa el puntero por un token o enfócalo para resaltarlo en todas partes; haz clic en él para ver en el grafo solo sus aristas.',
  },
  steps: {
    nav: 'Pasos',
    previous: 'Paso anterior',
    next: 'Paso siguiente',
    keysHint: 'Las teclas ← y → pasan de un paso a otro.',
    position: (n, total) => `Paso ${n} de ${total}`,
    head: (head, heads) => `Cabeza ${head} de ${heads}`,
    announce: (title, n, total) => `Paso ${n} de ${total}: ${title}`,
    numbered: (n, title) => `${n} ${title}`,
    titles: {
      tokens: 'Tokens y vectores',
      qkv: 'Consultas, claves y valores',
      score: 'Puntuación',
      softmax: 'Softmax',
      weighted: 'Suma ponderada',
      output: 'Concatenar y proyectar',
    },
    compactTitles: {
      tokens: 'Tokens',
      qkv: 'Q, K, V',
      score: 'Puntuación',
      softmax: 'Softmax',
      weighted: 'Suma ponderada',
      output: 'Salida',
    },
  },
  explain: {
    tokens: (c: StepContext) => [
      'La oración se divide en tokens: palabras, números y signos de puntuación, cada uno en una ficha.',
      c.madeUp
        ? `La tabla de GloVe no está cargada, así que cada token recibe un vector inventado de ${c.width} números: siempre el mismo para la misma palabra, pero sin ningún significado.`
        : c.width === 100
          ? 'Cada token se convierte en su vector de GloVe: 100 números aprendidos de cómo aparecen juntas las palabras en seis mil millones de palabras de texto.'
          : `Cada token se convierte en su vector de GloVe, 100 números aprendidos de seis mil millones de palabras de texto, reducido aquí a sus ${c.width} direcciones más informativas para que todos los números quepan en la pantalla.`,
      c.positions
        ? 'A cada vector se le suma una codificación posicional, un patrón fijo de ondas, de modo que la misma palabra en dos lugares da dos filas distintas.'
        : 'Las posiciones están desactivadas: la misma palabra en dos lugares da la misma fila, y el orden de las palabras no se ve.',
      'Apiladas, las filas forman la matriz X, con una fila por token.',
    ],
    qkv: (c: StepContext) => [
      'Piensa en una biblioteca. La clave de un token es la etiqueta del lomo de su libro, su consulta es lo que busca en las estanterías y su valor es lo que su libro contiene de verdad.',
      `Las tres se obtienen igual: la fila del token en X por una matriz de pesos, una para las consultas, otra para las claves y otra para los valores, y cada una da d_k\u00a0=\u00a0${c.dK} números` +
        (c.heads > 1
          ? `. Cada cabeza tiene sus propias tres matrices; esta es la cabeza ${c.head + 1} de ${c.heads}.`
          : '.'),
      c.weights === 'similarity'
        ? 'Estos pesos usan la misma matriz para las consultas y las claves, así que una consulta encaja mejor con las claves de los tokens de significado parecido, y sobre todo con la suya.'
        : c.weights === 'learned'
          ? 'Estos pesos se aprendieron de textos en inglés, para adivinar la palabra siguiente; la guía bajo los ajustes dice, con cifras medidas en textos que el modelo no leyó, a qué mira la cabeza elegida.'
          : 'Estos pesos son aleatorios, como los de un modelo antes de entrenarlo: los patrones que forman todavía no significan nada.',
    ],
    score: (c: StepContext) => [
      'Cada consulta se compara con cada clave mediante un producto escalar: se multiplican los dos vectores número a número y se suma todo. Una puntuación alta significa que esa clave encaja con lo que busca la consulta.',
      c.scale
        ? `Después, las puntuaciones se dividen entre √d_k\u00a0=\u00a0√${c.dK}\u00a0≈\u00a0${c.sqrtDK}, lo que impide que crezcan con la longitud de los vectores y lleven la softmax a los extremos.`
        : 'El escalado está desactivado: las puntuaciones no se dividen entre √d_k, así que crecen con la longitud de los vectores y la softmax puede saturarse.',
      ...(c.causal
        ? [
            'La máscara causal pone a −∞ la puntuación de cada token posterior: un token solo puede mirarse a sí mismo y a los tokens anteriores, como cuando un modelo escribe palabra a palabra.',
          ]
        : []),
    ],
    softmax: (c: StepContext) => [
      'La softmax convierte cada fila de puntuaciones en pesos de atención: se eleva e a cada puntuación y se divide entre el total de la fila.',
      'Cada peso está entre 0 y 1 y cada fila suma 1: una fila dice cómo reparte su atención un token.',
      ...(c.temperature !== 1
        ? [
            `Antes, las puntuaciones se dividen entre la temperatura τ = ${c.temperatureText}: ${
              c.temperature < 1
                ? 'por debajo de 1 concentra los pesos en la puntuación más alta.'
                : 'por encima de 1 los reparte de forma más pareja.'
            }`,
          ]
        : []),
      ...(c.causal ? ['Las puntuaciones enmascaradas de −∞ dan pesos de exactamente 0.'] : []),
    ],
    weighted: (c: StepContext) => [
      'El nuevo vector de cada token es una mezcla de todos los vectores de valor, en las proporciones de su fila de pesos.',
      'Un token que dedica 0,6 de su atención a otro recibe el 60\u00a0% del valor de ese token: así es como «it» podría tomar el significado de «cat». Ninguna cabeza de esta aplicación lo ha aprendido: medido en texto reservado, ninguna cabeza aprendida señala el sustantivo de un pronombre mucho más que el azar (mira las cifras de cada cabeza), porque una sola capa entrenada con un millón de palabras aprende poco de pronombres.',
      c.heads > 1
        ? `Esta es la salida de la cabeza ${c.head + 1}: ${c.dK} números por token, ahora informados por el contexto.`
        : `La salida tiene una fila de d_k\u00a0=\u00a0${c.dK} números por token, ahora informados por el contexto.`,
    ],
    output: (c: StepContext) => [
      `Cada una de las ${c.heads} cabezas ha mirado la oración a su manera y ha producido ${c.dK} números por token.`,
      `Sus salidas se colocan una al lado de otra (se concatenan) en ${c.heads * c.dK} números por token y luego se multiplican por una matriz de pesos más, la proyección de salida, que mezcla lo que encontraron las cabezas en ${c.width} números por token.`,
      'Esa es la salida de la capa de atención, lista para la siguiente capa de un transformer.',
    ],
  },
  example: {
    heading: 'En tu oración',
    hint: 'Pasa el puntero por un token o enfócalo para ver aquí sus números.',
    tokens: (tokens, unknown) =>
      `${tokensWord(tokens)}, ${unknown} de ellos sin vector de GloVe: X tiene ${tokens} ${
        tokens === 1 ? 'fila' : 'filas'
      }.`,
    qkv: (tokens, dK) =>
      `Q, K y V son tablas de ${tokens} × ${dK} números cada una: una fila por token y d_k\u00a0=\u00a0${dK} columnas.`,
    score: (query, key, score) =>
      `La consulta de ${q(query)} encaja mejor con la clave de ${q(key)}: puntuación ${score}.`,
    scoreSelf: (query, score) =>
      `La consulta de ${q(query)} encaja mejor con su propia clave: puntuación ${score}.`,
    softmax: (query, key, percent, self) =>
      `${q(query)} dedica el ${percent}\u00a0% de su atención a ${q(key)} y el ${self}\u00a0% a sí mismo.`,
    softmaxSelf: (query, percent) =>
      `${q(query)} se queda con el ${percent}\u00a0% de su atención.`,
    weightedPart: (weight, token) => `${weight} × valor de ${q(token)}`,
    weighted: (query, parts, more) =>
      `Nuevo ${q(query)} = ${parts.join(' + ')}${more ? ' + …' : ''}`,
    output: (query, heads, dK, width) =>
      `${q(query)}: entran ${heads} cabezas × ${dK} = ${heads * dK} números y salen ${width}.`,
  },
  formula: {
    heading: 'La fórmula',
    caption: 'Resaltado: lo que calcula este paso.',
    symbols:
      'E contiene los vectores de palabras, P las codificaciones posicionales y X su suma, con una fila por token.',
    symbolsNoPositions:
      'E contiene los vectores de palabras; sin posiciones, X es la propia E, con una fila por token.',
    scaleOff: 'El escalado por √d_k está desactivado.',
    maskNote: 'M es la máscara causal: 0 donde un token puede mirar, −∞ por encima de la diagonal.',
    temperatureNote: (t) => `τ = ${t} es la temperatura de la softmax.`,
  },
  stage: {
    more: 'Más sobre este paso',
    formula: 'Fórmula',
    code: 'PyTorch',
    settings: 'Todos los ajustes',
  },
  code: {
    heading: 'Lo mismo en PyTorch',
    caption: 'Las líneas resaltadas son este paso.',
  },
  settings: {
    heading: 'Ajustes',
    stepControls: 'Lo que cambia este paso',
    model: 'Modelo',
    attention: 'Atención',
    view: 'Vista',
    width: 'Ancho del modelo',
    widthNote: (width) =>
      width === 100
        ? 'Con 100 ves los números originales de GloVe.'
        : `GloVe tiene 100 números por palabra; con ${width} ves sus ${width} primeras componentes principales (las direcciones en las que más difieren las palabras). Elige 100 para ver los números originales de GloVe.`,
    heads: 'Cabezas',
    headsNote: (dK) =>
      `Cada cabeza recibe d_k\u00a0=\u00a0${dK} ${dK === 1 ? 'número' : 'números'} por token.`,
    head: 'Cabeza',
    headOption: (n) => `Cabeza ${n}`,
    allHeads: 'Todas las cabezas',
    allHeadsNote: 'Un mapa de calor pequeño por cabeza.',
    causal: 'Máscara causal',
    causalNote: 'Cada token ve solo a sí mismo y a los tokens anteriores.',
    scale: 'Escalar por √d_k',
    scaleNote: 'Desactívalo para ver cómo se satura la softmax.',
    temperature: 'Temperatura',
    temperatureNote: 'Por debajo de 1 concentra los pesos; por encima de 1 los aplana.',
    temperatureValue: (t) => `τ = ${t}`,
    weights: 'Pesos',
    weightOptions: {
      random: 'Aleatorios (sin entrenar)',
      similarity: 'Similitud (consultas = claves)',
      learned: 'Aprendidos (inglés)',
    },
    weightsNote: {
      random:
        'Matrices aleatorias, como en un modelo antes de entrenarlo: la atención todavía no significa nada.',
      similarity:
        'Las matrices de consultas y de claves son iguales, así que las palabras con vectores parecidos se atienden entre sí.',
      learned:
        'Cabezas que este proyecto entrenó para adivinar la palabra siguiente de textos en inglés (el corpus Brown): cada cabeza aprendió su propia forma de mirar.',
    },
    guideLabel: 'Guía de la cabeza',
    patternPhrase: {
      previous: 'la palabra anterior',
      next: 'la palabra siguiente',
      self: 'la propia palabra',
      first: 'la primera palabra',
      punctuation: 'la puntuación',
    },
    relationPhrase: (relation) => `la relación ${relation.replace(/-/g, ' → ')}`,
    guidePositional: (head, phrase, percent) =>
      `La cabeza ${head} mira sobre todo a ${phrase}: el ${percent} de su atención de media (texto Brown reservado).`,
    guideRelation: (head, phrase, percent) =>
      `La cabeza ${head} sigue ${phrase}: su mayor peso cae en la palabra relacionada en el ${percent} de los casos (texto Brown reservado).`,
    guideNone: (head, phrase, percent) =>
      `La cabeza ${head} no muestra un patrón claro: su mayor cifra, ${percent} en ${phrase}, no llega al doble de lo que daría un reparto uniforme (texto Brown reservado).`,
    guideFigures: 'Todas las cifras de esta cabeza',
    figureColumn: 'Cifra',
    headColumn: 'Esta cabeza',
    chanceColumn: 'Azar (o referencia de posición fija)',
    positionalRow: (phrase) => `Peso medio en ${phrase}`,
    relationRow: (relation, cases) =>
      `${relation.replace(/-/g, ' → ')}: mayor peso en la palabra relacionada (${cases} casos)`,
    learnedLoading: 'Cargando los pesos aprendidos…',
    learnedFailed: (error) => `No se pudieron cargar los pesos aprendidos: ${error}.`,
    learnedRetry: 'Reintentar',
    learnedNotCovered: (width, heads, nearestWidth, nearestHeads) =>
      `Las cabezas aprendidas se entrenaron con anchura 8 (1 o 2 cabezas) y anchura 100 (4 cabezas), no con anchura ${width} y ${heads} cabeza${heads === 1 ? '' : 's'}, así que no hay nada que mostrar. El ajuste entrenado más cercano es anchura ${nearestWidth} con ${nearestHeads} cabeza${nearestHeads === 1 ? '' : 's'}.`,
    learnedUseNearest: (width, heads) =>
      `Usar anchura ${width}, ${heads} cabeza${heads === 1 ? '' : 's'}`,
    learnedCausalNote:
      'Las cabezas aprendidas se entrenaron con la máscara causal activada (para adivinar la palabra siguiente, una palabra solo puede mirar atrás), así que sigue activada.',
    seed: 'Semilla',
    seedNote: 'La misma semilla da los mismos pesos en cualquier equipo.',
    seedInvalid: (max) =>
      `La semilla debe ser un número entero de 0 a ${max}. Los pesos conservan la última semilla válida.`,
    newSeed: 'Nueva semilla',
    positions: 'Posiciones',
    positionsNote: 'Suma codificaciones posicionales, para que el orden de las palabras cuente.',
  },
};
