import type { RequestHandler, Response } from 'express';
import type { Server } from 'node:http';
import type { Logger } from 'pino';

/**
 * Graceful stop of the HTTP server. The hub stops taking connections, answers what is in
 * flight (GraphQL requests and export streams) for up to a grace period, then cuts what is
 * left: `cut` is aborted, so export streams end with an error the client sees, and the
 * remaining connections are closed.
 */
export class GracefulShutdown {
  private readonly inFlight = new Set<Response>();
  private readonly cutController = new AbortController();
  private idle: (() => void) | null = null;
  private stopping_ = false;

  constructor(
    private readonly server: Server,
    private readonly log: Logger,
  ) {}

  /** Aborted when the grace period is over: streams still running must stop. */
  get cut(): AbortSignal {
    return this.cutController.signal;
  }

  /** True from the moment the stop begins (`/ready` then answers 503). */
  get stopping(): boolean {
    return this.stopping_;
  }

  /** Express middleware, first in the chain: tracks the requests in flight. */
  track(): RequestHandler {
    return (_req, res, next) => {
      this.inFlight.add(res);
      // A connection that served a request during the stop is not reused.
      if (this.stopping_) res.setHeader('Connection', 'close');
      res.once('close', () => {
        this.inFlight.delete(res);
        if (this.stopping_) {
          this.server.closeIdleConnections();
          if (!this.inFlight.size) this.idle?.();
        }
      });
      next();
    };
  }

  /**
   * Stops the server: no new connections, idle ones closed, in-flight requests given
   * `graceMs` to finish; then exports are cut and every connection closed.
   */
  async stop(graceMs: number): Promise<void> {
    this.stopping_ = true;
    const closed = new Promise<void>((resolve) => {
      if (!this.server.listening) return resolve();
      this.server.close(() => resolve());
    });
    this.server.closeIdleConnections();
    if (this.inFlight.size) {
      this.log.info(
        { requests: this.inFlight.size, graceSeconds: graceMs / 1000 },
        'waiting for the requests in flight',
      );
      const done = new Promise<void>((resolve) => (this.idle = resolve));
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), graceMs);
      });
      const over = await Promise.race([done.then(() => false), graceOver]);
      clearTimeout(timer);
      if (over) {
        this.log.warn(
          { requests: this.inFlight.size },
          'grace period over: cutting the requests still in flight',
        );
        this.cutController.abort();
        // Exports write their "incomplete" line and reset their connection (about 1 s).
        await Promise.race([done, new Promise((r) => setTimeout(r, 2000))]);
      }
    }
    this.server.closeAllConnections();
    await closed;
  }
}
