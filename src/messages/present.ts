/**
 * Strings of the colour theme switch and of presentation mode (full screen, large type,
 * one step at a time, for a projector and a clicker).
 */
export const present = {
  themeLabel: 'Theme',
  themes: {
    system: 'System',
    light: 'Light',
    dark: 'Dark',
  },
  present: 'Present',
  presentHint: 'Full screen, large type, one step at a time. Key: P',
  region: 'Presentation',
  exit: 'Exit',
  exitLabel: 'Exit presentation',
  previous: 'Previous step',
  next: 'Next step',
  /** The small step indicator: "2 / 5". */
  indicator: (n: number, total: number) => `${n} / ${total}`,
  indicatorLabel: (n: number, total: number) => `Step ${n} of ${total}`,
  sentenceLabel: 'Sentence',
  keysHint: 'Next: → ↓ Page Down Space · Previous: ← ↑ Page Up · B: blank screen · Esc: leave',
  blanked: 'Screen blanked. Press B or . to show it again.',
} as const;
