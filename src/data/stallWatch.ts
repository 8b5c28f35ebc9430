/**
 * A watch on a download that may stall: a request the server never answers, or one that
 * stops sending halfway, would otherwise leave the page waiting for ever. The watch fires
 * `onStall` once nothing has arrived for `ms` milliseconds; every piece of progress
 * (`poke`) starts the wait again, so a slow but moving download is never given up on.
 */

/** A running watch (see the module comment). */
export interface StallWatch {
  /** Something arrived: the wait starts again. */
  poke(): void;
  /** The download ended (well or not): the watch stops. */
  stop(): void;
}

/** Starts a watch that calls `onStall` after `ms` milliseconds without a `poke`. */
export function watchForStall(ms: number, onStall: () => void): StallWatch {
  let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(fire, ms);
  function fire() {
    timer = undefined;
    onStall();
  }
  return {
    poke() {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = setTimeout(fire, ms);
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
