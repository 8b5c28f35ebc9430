/**
 * Latest-only scheduling of asynchronous work: the rule that keeps a slow worker from
 * falling behind a fast typist. At most one job runs at a time; while it runs, only the
 * newest request waits (each new one replaces the one waiting, which is skipped, never
 * run); and only the answer to the newest request is delivered (answers to older ones are
 * dropped). So when the text changes faster than the trace is computed, the worker goes
 * straight from the text it is computing to the latest text, and the screen never shows
 * an answer older than one it already shows.
 */

/** What the scheduler calls when the latest request settles. */
export interface LatestOnlyHandlers<Req, Res> {
  /** The latest request's job resolved with `result`. */
  onResult(result: Res, request: Req, id: number): void;
  /** The latest request's job failed with `error`. */
  onError(error: unknown, request: Req, id: number): void;
}

/** A request and its id. */
interface Job<Req> {
  readonly id: number;
  readonly request: Req;
}

/**
 * Runs `run(request, id)` for the requests it is given, latest-only (see the module
 * comment). Ids start at 1 and increase with every `request` and `cancel`. Purely
 * promise-based, with no timers or threads, so it is tested with fake asynchronous workers.
 */
export class LatestOnlyScheduler<Req, Res> {
  private lastId = 0;
  private running: Job<Req> | null = null;
  // Invariant: when not null, waiting.id === lastId (a newer request or a cancel replaces it).
  private waiting: Job<Req> | null = null;

  /**
   * `run` starts the work for one request and resolves with its result (it may also throw
   * or reject: that is reported through `onError` when the request is still the latest).
   */
  constructor(
    private readonly run: (request: Req, id: number) => Promise<Res>,
    private readonly handlers: LatestOnlyHandlers<Req, Res>,
  ) {}

  /**
   * Asks for `request`, superseding every earlier one: it starts now when nothing runs, and
   * otherwise waits in place of whatever was waiting. Returns the request's id.
   */
  request(request: Req): number {
    const job = { id: ++this.lastId, request };
    if (this.running) this.waiting = job;
    else this.start(job);
    return job.id;
  }

  /** Drops the waiting request and makes the running one's answer stale (it still runs to its end). */
  cancel(): void {
    this.lastId++;
    this.waiting = null;
  }

  /** True while the latest request has not settled: a job runs or waits for it. */
  get pending(): boolean {
    return this.waiting !== null || this.running?.id === this.lastId;
  }

  /** True while a job runs (its answer may be stale). */
  get busy(): boolean {
    return this.running !== null;
  }

  /** The id of the latest request (or cancel); 0 before the first. */
  get latestId(): number {
    return this.lastId;
  }

  private start(job: Job<Req>): void {
    this.running = job;
    // new Promise turns a synchronous throw of `run` into a rejection, handled like any other.
    new Promise<Res>((resolve) => resolve(this.run(job.request, job.id))).then(
      (result) => this.finish(job, () => this.handlers.onResult(result, job.request, job.id)),
      (error: unknown) => this.finish(job, () => this.handlers.onError(error, job.request, job.id)),
    );
  }

  private finish(job: Job<Req>, deliver: () => void): void {
    this.running = null;
    const next = this.waiting;
    if (next) {
      // A newer request arrived meanwhile, so this answer is stale: go straight to the newest.
      this.waiting = null;
      this.start(next);
    } else if (job.id === this.lastId) {
      // Delivered last, after the state is settled, so a handler may call `request` again.
      deliver();
    }
  }
}
