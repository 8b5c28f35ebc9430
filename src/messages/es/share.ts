/**
 * Strings of lesson links in Spanish: the share bar (copy, QR code) and the notice that
 * lists what a partly unreadable link could not restore. The link's keys (`w=`, `seed=`)
 * stay as they are: they are what the link itself says.
 */
import type { Messages } from '../en';
import type { LinkReasons } from '../share';

/**
 * Why one part of a lesson link was not used. Values are written as the link writes them
 * (with a decimal point, "0.01"), since that is what a teacher would edit in it.
 */
const reasons: LinkReasons = {
  unknownKey: 'no es un ajuste de la aplicación',
  width: (options) => `el ancho del modelo debe ser uno de estos: ${options}`,
  heads: (options) => `el número de cabezas debe ser uno de estos: ${options}`,
  seed: (max) => `la semilla debe ser un número entero de 0 a ${max}`,
  boolean: 'debe ser 1 (activado) o 0 (desactivado)',
  temperature: (min, max, step) =>
    `la temperatura debe estar entre ${min} y ${max}, en pasos de ${step}`,
  weights: (options) => `los pesos deben ser uno de estos: ${options}`,
  step: (options) => `el paso debe ser uno de estos: ${options}`,
  stepNeedsHeads: 'ese paso solo existe con más de una cabeza',
  head: (heads) =>
    heads === 1
      ? 'con una cabeza, la cabeza debe ser 0'
      : `con ${heads} cabezas, la cabeza debe ser un número entero de 0 a ${heads - 1}`,
  selection: (max) =>
    `la celda seleccionada deben ser dos números de token, como 1-2, cada uno de 0 a ${max}`,
  outsideTokens: (tokens) =>
    `la oración solo tiene ${tokens} ${tokens === 1 ? 'token' : 'tokens'} (numerados desde 0)`,
  layout: (options) => `la disposición del grafo debe ser una de estas: ${options}`,
  threshold: 'el umbral de peso debe estar entre 0 y 1, en pasos de 0.01',
  topK: (max) => `«más fuertes por token» debe ser un número entero de 0 a ${max}`,
  focus: (max) => `el token enfocado debe ser un número entero de 0 a ${max}`,
  follow: (max) =>
    `«Seguir un token» debe ser un número de token de 0 a ${max} y luego un número de paso, como 3-2`,
  direction: (options) => `las aristas mostradas deben ser una de estas: ${options}`,
  lang: (options) => `el idioma debe ser uno de estos: ${options}`,
};

/** Strings of the share bar and the link notice, in Spanish. */
export const share: Messages['share'] = {
  barLabel: 'Compartir esta vista',
  copy: 'Copiar enlace',
  copied: 'Enlace copiado',
  copyManually: 'Pulsa Ctrl+C (⌘C en un Mac) para copiar el enlace seleccionado.',
  linkLabel: 'Enlace a esta vista',
  qr: 'Código QR',
  embed: 'Insertar',
  embedDescription:
    'Copia el código de una vista compacta (oración, pasos, mapa de calor y grafo) para una página o una diapositiva',
  embedCopied: 'Código para insertar copiado: pégalo en tu página',
  embedCopyManually: 'Pulsa Ctrl+C (⌘C en un Mac) para copiar el código seleccionado.',
  embedCodeLabel: 'Código para insertar',
  embedFrameTitle: 'Attention Graph: la autoatención, paso a paso',
  embedBarLabel: 'Vista insertada',
  fullscreen: 'Pantalla completa',
  exitFullscreen: 'Salir de pantalla completa',
  openFull: 'Abrir en Attention Graph',
  qrLabel: 'Código QR del enlace a esta vista',
  qrLoading: 'Dibujando el código QR…',
  qrTooLong: (bytes, max) =>
    `Este enlace es demasiado largo para un código QR (${bytes} bytes; caben como mucho ${max}). Acorta la oración o copia el enlace.`,
  qrFailed: (reason) => `No se pudo dibujar el código QR (${reason}).`,
  qrDense:
    'Este código es denso porque la oración es larga: los teléfonos lo leen desde más cerca, o con una oración más corta.',
  notice: {
    label: 'Aviso del enlace',
    intro: 'Parte de este enlace no se pudo leer, así que se usan los valores por defecto para:',
    dismiss: 'Descartar',
  },
  problems: {
    ignored: (part, reason) => `Se ignoró ${part}: ${reason}`,
    rounded: (part, value, reason) => `Se cambió ${part} a ${value}: ${reason}`,
    duplicate: (key, times) => `«${key}» aparece ${times} veces; se usa la última`,
    damagedText:
      'Algunos caracteres de la oración llegaron dañados en el enlace y se muestran como �',
    reasons,
  },
};
