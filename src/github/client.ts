// The REST client: @octokit/rest with the official retry (5xx) and throttling (rate limits) plugins.
// The token goes into the Authorization header only; nothing here logs it.
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Logger } from './log.js';

export const GitHubClient = Octokit.plugin(retry, throttling);
export type GitHub = InstanceType<typeof GitHubClient>;

export interface ClientOptions {
  token: string;
  /** GITHUB_API_URL (GitHub Enterprise, or a test server). */
  baseUrl: string;
  userAgent: string;
  log: Logger;
  /** Tests hand in their own fetch. */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds per "second" of back-off; tests make it small. */
  retryAfterBaseMs?: number;
  /** Tests turn the write spacing (1 write per second, GitHub's guidance) off. */
  throttle?: boolean;
}

/** Secondary rate limits: wait the time GitHub asks for, at most this many times per request. */
export const SECONDARY_RATE_LIMIT_RETRIES = 2;
/** 5xx and network errors: retried with growing back-off (1 s, 4 s, 9 s). */
export const SERVER_ERROR_RETRIES = 3;
/** A primary rate limit is waited out only when it resets this soon. */
const MAX_PRIMARY_WAIT_SECONDS = 60;

export function createClient(options: ClientOptions): GitHub {
  const base = options.retryAfterBaseMs ?? 1000;
  const { log } = options;
  return new GitHubClient({
    auth: options.token || undefined,
    baseUrl: options.baseUrl,
    userAgent: options.userAgent,
    request: options.fetch ? { fetch: options.fetch } : {},
    log: { debug: () => {}, info: (m: string) => log.debug(m), warn: (m: string) => log.debug(m), error: (m: string) => log.debug(m) },
    retry: {
      retries: SERVER_ERROR_RETRIES,
      retryAfterBaseValue: base,
      // 403/429 are the throttling plugin's business; the others are answers, not accidents.
      doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
    },
    throttle: {
      enabled: options.throttle ?? true,
      retryAfterBaseValue: base,
      fallbackSecondaryRateRetryAfter: 60,
      onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        const again = retryCount < SECONDARY_RATE_LIMIT_RETRIES;
        log.warning(`GitHub secondary rate limit on ${request.method} ${request.url}; ${again ? `retrying in ${retryAfter} s` : 'giving up'}`);
        return again;
      },
      onRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        const again = retryCount < 1 && retryAfter <= MAX_PRIMARY_WAIT_SECONDS;
        log.warning(`GitHub rate limit exhausted on ${request.method} ${request.url}; ${again ? `retrying in ${retryAfter} s` : `it resets in ${retryAfter} s, giving up`}`);
        return again;
      },
    },
  });
}

/** The HTTP status of a failed request, or null for other errors. */
export function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}

/** A write GitHub refused for want of permission: a read-only token (fork PRs) or a missing `permissions:` entry. */
export function isWriteRefused(error: unknown): boolean {
  const status = statusOf(error);
  return (status === 403 && !/rate limit/i.test(messageOf(error))) || status === 401;
}

/** One line saying what went wrong, without request headers (the token is in them, redacted or not). */
export function describeError(error: unknown): string {
  const status = statusOf(error);
  const message = messageOf(error).split('\n')[0];
  return status ? `HTTP ${status}: ${message}` : message;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
