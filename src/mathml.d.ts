/**
 * MathML elements in JSX. React renders them as plain elements; the browser draws them
 * natively, so the formula needs no maths library and no web font.
 */
import 'react';

type MathProps = React.HTMLAttributes<HTMLElement> & {
  display?: 'block' | 'inline';
  mathvariant?: string;
  stretchy?: string | boolean;
  form?: 'prefix' | 'infix' | 'postfix';
  fence?: string | boolean;
  lspace?: string;
  rspace?: string;
  linethickness?: string;
};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      math: MathProps;
      mrow: MathProps;
      mi: MathProps;
      mo: MathProps;
      mn: MathProps;
      msup: MathProps;
      msub: MathProps;
      msubsup: MathProps;
      mfrac: MathProps;
      msqrt: MathProps;
      mtext: MathProps;
      mspace: MathProps & { width?: string };
      mstyle: MathProps;
      semantics: MathProps;
      annotation: MathProps & { encoding?: string };
    }
  }
}
