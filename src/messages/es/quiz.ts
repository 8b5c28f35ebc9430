/**
 * Spanish strings of "Predict, then reveal" (see ../quiz.ts). Numbers arrive already
 * formatted; sentences here only place them.
 */
import { stepNumber } from '../../vocabulary/steps';
import type { Messages } from '../en';

/** Comillas alrededor de un token, para que los signos de puntuación ("." o ",") se lean. */
const q = (token: string) => `«${token}»`;

/** "«a»", "«a» y «b»", "«a», «b» y «c»". */
const quoted = (tokens: readonly string[]) => {
  const all = tokens.map(q);
  return all.length < 2
    ? (all[0] ?? '')
    : `${all.slice(0, -1).join(', ')} y ${all[all.length - 1]}`;
};

/** Los textos del cuestionario en español. */
export const quiz: Messages['quiz'] = {
  switchLabel: 'Predecir primero',
  switchNote:
    'En Softmax y Suma ponderada, oculta los resultados y te pide predecirlos antes de mostrarlos.',

  title: 'Predice y descubre',
  score: (right, answered) =>
    answered === 0 ? 'Todavía sin predicciones' : `${right} de ${answered} correctas`,
  token: (text, position) => (position === null ? text : `${text} (token ${position})`),
  component: (d) => `d${d}`,

  setupLabel: 'La pregunta',
  kindLegend: 'Preguntar',
  kinds: {
    softmax: { token: 'Qué token', number: 'Un peso' },
    weighted: { token: 'Qué token', number: 'Un número' },
  },
  queryLabel: 'Token que atiende',
  keyLabel: 'Token atendido',
  dimLabel: 'Componente de la salida',

  questions: {
    softmaxToken: (x) => `¿A qué token atenderá más ${q(x)}?`,
    softmaxNumber: (x, y) => `¿Cuál es el peso de ${q(x)} hacia ${q(y)}?`,
    weightedToken: (x) => `¿Qué vector de valor aporta más al nuevo vector de ${q(x)}?`,
    weightedNumber: (x, d) => `¿Cuánto vale la componente ${d} del nuevo vector de ${q(x)}?`,
  },
  hints: {
    softmaxToken: `Recuerda las puntuaciones del paso ${stepNumber('score')}, Puntuación: softmax conserva su orden, así que la puntuación más alta recibe el peso más alto.`,
    softmaxNumber: (tolerance) =>
      `Calcúlalo con las puntuaciones de la fila (paso ${stepNumber('score')}): peso = exp(s − máx) ÷ la suma de exp(s − máx) en la fila. Se acepta con un margen de ±${tolerance}.`,
    weightedToken: `Cada token aporta su vector de valor multiplicado por su peso. El que más aporta es el vector ponderado más largo: peso × longitud del vector de valor. Los pesos están en el paso ${stepNumber('softmax')} y los valores V en el paso ${stepNumber('qkv')}, «Consultas, claves y valores».`,
    weightedNumber: (tolerance) =>
      `El nuevo vector es la suma de peso × vector de valor: multiplica cada peso del paso ${stepNumber('softmax')} por la misma componente de cada vector de valor y suma. Se acepta con un margen de ±${tolerance}.`,
  },
  maskedChoice: 'oculto por la máscara causal',
  maskedNote:
    'La máscara causal oculta los tokens posteriores: reciben un peso de exactamente 0 y no son opciones.',
  answerLabel: 'Tu respuesta',
  check: 'Comprobar',
  tryAgain: (answer) =>
    `Todavía no: no es ${q(answer)}. Mira otra vez y vuelve a intentarlo; la respuesta se muestra tras este intento.`,
  skip: 'Mostrar sin predecir',
  another: 'Otra pregunta',
  chooseFirst: 'Elige primero un token.',
  emptyNumber: 'Escribe primero un número, como 0,25.',
  badNumber: (typed) =>
    `${q(typed)} no es un número: escribe uno como 0,25 o 0.25 (sin letras ni signo de porcentaje).`,
  covered:
    'Oculto hasta que hagas tu predicción: responde a la pregunta de arriba o elige «Mostrar sin predecir».',

  verdicts: { right: '¡Correcto!', wrong: 'No exactamente.', shown: 'La respuesta' },
  youChose: (token) => `Elegiste ${q(token)}.`,
  youSaid: (typed) => `Dijiste ${typed}.`,
  reveal: {
    softmaxToken: (x, best, weight) =>
      best.length > 1
        ? `${q(x)} atiende más a ${quoted(best)}, empatados con peso ${weight}: cualquiera es correcto.`
        : `${q(x)} atiende más a ${quoted(best)}, con peso ${weight}.`,
    softmaxWhy: (score) =>
      `Su puntuación, ${score}, es la más alta de la fila, y softmax conserva el orden de las puntuaciones.`,
    softmaxNumber: (x, y, weight) => `El peso de ${q(x)} hacia ${q(y)} es ${weight}.`,
    softmaxArithmetic: (y, exponent, exp, sum, weight) =>
      `Para ${q(y)}: exp(${exponent}) = ${exp}; ${exp} ÷ ${sum} = ${weight}, donde ${sum} es la suma de las exponenciales de la fila.`,
    weightedToken: (x, best) =>
      best.length > 1
        ? `${quoted(best)} son los que más aportan al nuevo vector de ${q(x)}, empatados: cualquiera es correcto.`
        : `${quoted(best)} es el que más aporta al nuevo vector de ${q(x)}.`,
    weightedWhy: (weight, length, product) =>
      `Su peso ${weight} por la longitud de su vector de valor ${length} da ${product}, el vector ponderado más largo de la tabla de abajo.`,
    contributionCaption: 'El vector de valor ponderado de cada token: peso × longitud',
    contributionColumns: {
      token: 'token',
      weight: 'peso w',
      length: 'longitud ‖v‖',
      product: 'w × ‖v‖',
    },
    weightedNumber: (x, d, value) =>
      `La componente ${d} del nuevo vector de ${q(x)} vale ${value}.`,
    weightedArithmetic: (terms, total, more) =>
      `${terms.map((t) => `${t.weight} × ${t.value.startsWith('−') ? `(${t.value})` : t.value}`).join(' + ')}${more ? ' + … (solo los términos más grandes)' : ''} = ${total}`,
    tolerance: (tolerance) => `Se aceptan las respuestas con un margen de ±${tolerance}.`,
  },
  toWork: 'Ver todas las cuentas de la fila',
  toWorkNote:
    'La fila está seleccionada: el panel de cálculos de abajo tiene todos los números de la respuesta.',
  noTokens: 'Escribe una frase para recibir una pregunta.',
};
