// The undo ledger: against a real account, every undo a test registers (harness/client:
// api.undo) is also written here before the test goes on, and marked done once it ran. A run
// that is killed — Ctrl-C, a CI timeout, a crashed runner — leaves its pending undos behind, and
// the next run against the same environment sends them first (sweepLeftovers), so nothing a
// test created outlives an interrupted run. The embedded sandbox needs none: it starts empty.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Environment } from '../env';
import { procStatFields } from '../proc-stat';
import type { UndoAction } from './undo';

/** One undo: which named request(s) of which collection, sent how (./undo.ts). */
export interface UndoEntry extends UndoAction {
  id: string;
  /** The collection's folder under suites/ (its `api`). */
  api: string;
  label: string;
  /** Where it was registered, for the message that reports it. */
  test: string;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Where an environment's ledger lives, or undefined when none is kept (sandbox, replay). */
export function ledgerDir(env: Environment, root = REPO_ROOT): string | undefined {
  if (env.mode === 'replay' || env.target === 'sandbox') return undefined;
  return path.join(root, '.cloudlink', 'ledger', env.name);
}

export class UndoLedger {
  private readonly file: string;

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.file = path.join(dir, `${process.pid}-${randomUUID()}.jsonl`);
  }

  /** Writes the undo down and returns its id. */
  add(entry: Omit<UndoEntry, 'id'>): string {
    const id = randomUUID();
    appendFileSync(this.file, `${JSON.stringify({ ...entry, id })}\n`);
    return id;
  }

  done(id: string): void {
    appendFileSync(this.file, `${JSON.stringify({ done: id })}\n`);
  }
}

/**
 * The ledger files of runs that are over: a file is named after the process that writes it, and a
 * run still going on this machine (a parallel shard) keeps its own until it ends.
 */
function finishedLedgers(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .filter((name) => !isRunning(Number(name.split('-', 1)[0])))
    .sort();
}

/** Whether another process with this pid is alive; the sweeping process's own files are its to read. */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else — still running.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/**
 * A killed process stays in the process table until its parent reaps it; a jest worker whose run
 * was killed with it has no parent left, and waits for init, which may take its time. It runs no
 * more, so its ledger is over. Linux shows the state in /proc; elsewhere a live pid counts as running.
 */
function isZombie(pid: number): boolean {
  const state = procStatFields(`/proc/${pid}/stat`)?.[0];
  return state === 'Z' || state === 'X';
}

/** The undos of earlier runs that never ran, oldest first. */
export function pendingUndos(dir: string): UndoEntry[] {
  return undosIn(finishedLedgers(dir).map((name) => path.join(dir, name)));
}

/**
 * Takes the ledger files of runs that are over for this process (`pid`) to sweep, and returns
 * their new paths. Parallel shards start together and each sweeps: a file is renamed under this
 * process's pid first, which only one of them can do, so no undo is sent twice and no file is
 * deleted while another shard reads it. A sweeper killed midway leaves what it claimed under its
 * own pid, which the next run takes once that process is gone.
 */
export function claimLedgers(dir: string, pid = process.pid): string[] {
  const claimed: string[] = [];
  for (const name of finishedLedgers(dir)) {
    const mine = path.join(dir, `${pid}-${randomUUID()}.jsonl`);
    try {
      renameSync(path.join(dir, name), mine);
    } catch (error) {
      // Another shard's sweep took it first.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    claimed.push(mine);
  }
  return claimed;
}

/** The undos these ledger files hold that were never marked done, in the files' order. */
export function undosIn(files: readonly string[]): UndoEntry[] {
  const added = new Map<string, UndoEntry>();
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      let record: Partial<UndoEntry> & { done?: string };
      try {
        record = JSON.parse(line) as Partial<UndoEntry> & { done?: string };
      } catch {
        continue; // a line cut short by the crash itself: nothing to undo in it
      }
      if (record.done) added.delete(record.done);
      else if (record.id && record.api && record.request) added.set(record.id, record as UndoEntry);
    }
  }
  return [...added.values()];
}
