// Webhook delivery: POST the notification as JSON to the subscription's deviceId (S-NOTIF: "URL
// for webhooks to be delivered to"). CloudLink's retry policy and expected answer are
// undocumented. CHOICES: any 2xx is success; any other status, a redirect
// (never followed: the sandbox does not leave loopback), a connection error or a timeout is a
// failure, retried after each pause in retryDelaysMs ([1000, 5000] ms: three attempts in all),
// then dropped. Deleting the subscription or closing the sandbox cancels what is pending.
import type { WebhookSwitch } from '../../switchboard/types';
import type { WebhookOptions } from '../../types';

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1000, 5000];
export const DEFAULT_TIMEOUT_MS = 5000;

interface Job {
  subscriptionId: string;
  timer?: NodeJS.Timeout;
  controller?: AbortController;
  cancelled: boolean;
}

export interface WebhookAttempt {
  subscriptionId: string;
  attempt: number;
  /** The HTTP status, or undefined when no answer came (connection error, timeout, cancel). */
  status?: number;
  ok: boolean;
}

export class WebhookSender {
  private readonly jobs = new Set<Job>();
  private readonly retryDelaysMs: readonly number[];
  private readonly timeoutMs: number;
  private readonly switchboard?: WebhookSwitch;
  private closed = false;

  constructor(
    options: WebhookOptions & { switchboard?: WebhookSwitch },
    private readonly onAttempt: (attempt: WebhookAttempt) => void = () => {},
  ) {
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.switchboard = options.switchboard;
  }

  send(subscriptionId: string, url: string, payload: unknown, correlationId: string): void {
    if (this.closed) return;
    const job: Job = { subscriptionId, cancelled: false };
    this.jobs.add(job);
    const body = JSON.stringify(this.switchboard ? this.switchboard.webhookPayload(payload) : payload);
    void this.attempt(job, url, body, correlationId, 0);
  }

  /** Stops pending retries and in-flight attempts for one subscription (it was deleted). */
  cancel(subscriptionId: string): void {
    for (const job of this.jobs) if (job.subscriptionId === subscriptionId) this.stop(job);
  }

  /** Stops everything; later sends are ignored. Returns at once: nothing is awaited. */
  close(): void {
    this.closed = true;
    for (const job of this.jobs) this.stop(job);
  }

  private stop(job: Job): void {
    job.cancelled = true;
    if (job.timer) clearTimeout(job.timer);
    job.controller?.abort();
    this.jobs.delete(job);
  }

  private async attempt(job: Job, url: string, body: string, correlationId: string, index: number): Promise<void> {
    if (job.cancelled) return;
    // The switchboard may play a receiver that is down ("skip") or one that answers but fails.
    const verdict = this.switchboard?.webhookAttempt() ?? 'send';
    const controller = new AbortController();
    job.controller = controller;
    const timeout = setTimeout(() => controller.abort(), this.timeoutMs);
    let status: number | undefined;
    try {
      if (verdict === 'skip') throw new Error('receiver down (switchboard)');
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-mitel-correlation-id': correlationId },
        body,
        redirect: 'manual',
        signal: controller.signal,
      });
      status = response.status;
      await response.body?.cancel().catch(() => undefined);
    } catch {
      status = undefined;
    } finally {
      clearTimeout(timeout);
      job.controller = undefined;
    }
    const ok = verdict === 'send' && status !== undefined && status >= 200 && status < 300;
    this.onAttempt({ subscriptionId: job.subscriptionId, attempt: index + 1, status, ok });
    const pause = this.retryDelaysMs[index];
    if (ok || job.cancelled || pause === undefined) {
      this.jobs.delete(job);
      return;
    }
    job.timer = setTimeout(() => {
      job.timer = undefined;
      void this.attempt(job, url, body, correlationId, index + 1);
    }, pause);
    // A pending retry must not keep a process alive that has nothing else to do.
    job.timer.unref();
  }
}
