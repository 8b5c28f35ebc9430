/** Spanish strings of the exports (see ../export.ts). */
import type { Messages } from '../en';

/** Las cadenas de las exportaciones, en español. */
export const exportFiles: Messages['exportFiles'] = {
  menu: 'Exportar',
  menuWhat: {
    heatmap: 'el mapa de calor',
    graph: 'el grafo',
  },
  heatmapSvg: 'Mapa de calor en SVG (imagen vectorial)',
  heatmapPng: 'Mapa de calor en PNG (imagen)',
  heatmapCsv: 'Números del mapa de calor en CSV',
  graphSvg: 'Grafo en SVG (imagen vectorial)',
  graphPng: 'Grafo en PNG (imagen)',
  traceJson: 'Traza completa en JSON',
  matrixCsv: 'CSV',
  matrixCsvLabel: (shape) => `Descargar ${shape} en CSV`,
  busy: 'Preparando el archivo…',
  failed: (reason) => `No se pudo crear el archivo (${reason}).`,
  heatmapFileTitle: (matrix, head) => `Mapa de calor de atención: ${matrix}${head}`,
  graphFileTitle: (head) => `Grafo de atención${head}`,
  headPart: (head, heads) => (heads > 1 ? `, cabeza ${head + 1} de ${heads}` : ''),
  sentence: (text) => `«${text}»`,
  csvCorner: 'consulta \\ clave',
};
