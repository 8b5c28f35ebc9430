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
  /** Accessible name of the offline-install message's region. */
  offlineLabel: 'Offline use',
  /** The install for offline use failed; `quota` and `free` are formatted sizes ("1.0 MB"), or null when unknown. */
  offlineFailed: (quota: string | null, free: string | null) =>
    quota === null
      ? 'Attention Graph could not be saved for offline use: the browser refused to store it (its storage for this site may be full or limited, as in a private window). It keeps working while you are online.'
      : `Attention Graph could not be saved for offline use: the browser gives this site ${quota} of storage (${free} free), less than the app and its word vectors need. It keeps working while you are online; allowing the site more storage, or freeing some, lets it work offline.`,
  megabytes: (mb: string) => `${mb} MB`,
  dismiss: 'Dismiss',
};
