/**
 * Strings of the installable, offline app: the prompt shown when a new version of the app
 * has been downloaded and waits for a reload.
 */
export const pwa = {
  /** Accessible name of the prompt's region. */
  updateLabel: 'New version',
  updateReady: 'A new version of Attention Graph is ready.',
  /** Reloads the page into the new version; the lesson link keeps the view. */
  reload: 'Reload',
  later: 'Later',
};
