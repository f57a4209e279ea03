// An interrupted run's leftovers, removed by the next run: a conversation is created and its undo
// written to the ledger as api.undo does, the "run" dies before the undo is sent, and the sweep
// the next run's global setup performs deletes it on a real (embedded) server.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TokenStore } from '../auth/token-store';
import { loadEnvironment } from '../env';
import { sandboxVariables } from '../jest/live-setup';
import { discoverCollections } from '../collections';
import type { RunningSandbox } from '../../sandbox';
import { sandboxWithToken, type SandboxWithToken } from '../jest/test-support';
import { claimLedgers, isRunning, pendingUndos, undosIn, UndoLedger } from './ledger';
import { sweepLeftovers } from './sweep';

let sandbox: RunningSandbox;
let token: string;
let send: SandboxWithToken['send'];

beforeAll(async () => {
  ({ sandbox, token, send } = await sandboxWithToken());
});

afterAll(() => sandbox.close());

describe('sweepLeftovers', () => {
  it('sends the undos an interrupted run left in the ledger, and empties it', async () => {
    const created = await send('POST', `${sandbox.urls.chat_url}/conversations`, { name: 'left by an interrupted run' });
    const { conversationId } = (await created.json()) as { conversationId: string };
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    new UndoLedger(dir).add({
      api: 'conversations',
      request: 'DELETE Conversation',
      options: { vars: { conversationId } },
      label: `delete conversation ${conversationId}`,
      test: 'a test that was killed',
    });
    const done = new UndoLedger(dir);
    done.done(
      done.add({ api: 'conversations', request: 'DELETE Conversation', options: { vars: { conversationId: 'already-undone' } }, label: 'ran', test: 't' }),
    );
    expect(sandbox.inventory()['chat.conversations']).toBe(1);

    const env = loadEnvironment({ mode: 'live', processEnv: sandboxVariables(sandbox) });
    const context = { env, baseUrls: {}, tokens: new TokenStore({ primary: { accessToken: token } }) };
    const result = await sweepLeftovers(
      dir,
      discoverCollections().map((entry) => entry.collection),
      context,
    );

    expect(result).toEqual({ removed: [expect.stringContaining(`delete conversation ${conversationId}`)], failed: [] });
    expect(sandbox.inventory()['chat.conversations']).toBe(0);
    expect(pendingUndos(dir)).toEqual([]);
  });

  it('keeps an undo it could not send for the run after, and says why', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    new UndoLedger(dir).add({ api: 'conversations', request: 'DELETE Conversation', options: { vars: { conversationId: 'x' } }, label: 'delete x', test: 't' });
    const env = loadEnvironment({ mode: 'live', processEnv: sandboxVariables(sandbox) });

    // A rejected token with no refresh token to trade: the sweep cannot authenticate, says so, and keeps the undo.
    const context = { env, baseUrls: {}, tokens: new TokenStore({ primary: { accessToken: 'not-a-token' } }) };
    const result = await sweepLeftovers(
      dir,
      discoverCollections().map((entry) => entry.collection),
      context,
    );

    expect(result.failed).toEqual([expect.stringMatching(/delete x .*no refresh token is available/)]);
    expect(pendingUndos(dir)).toEqual([expect.objectContaining({ label: 'delete x' })]);
  });
});

describe('pendingUndos', () => {
  it('leaves the ledger of a run still going (a parallel shard) alone', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    // The parent of this process is alive for as long as this test runs: it stands for a running shard.
    writeFileSync(
      path.join(dir, `${process.ppid}-running.jsonl`),
      `${JSON.stringify({ id: 'a', api: 'conversations', request: 'DELETE Conversation', options: {}, label: 'mine', test: 't' })}\n`,
    );
    new UndoLedger(dir).add({ api: 'conversations', request: 'DELETE Conversation', options: {}, label: 'left behind', test: 't' });

    expect(pendingUndos(dir).map((undo) => undo.label)).toEqual(['left behind']);
  });

  // A worker killed with its run stays a zombie until init reaps it, which may take a while: its
  // ledger is over all the same. /proc tells a zombie apart (Linux, as CI runs).
  const linuxOnly = process.platform === 'linux' ? it : it.skip;
  linuxOnly('reads the ledger of a killed process that was not reaped yet', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    // `sleep 5` never waits for the child its shell left it: that child becomes a zombie.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const zombie = Number((await once(parent.stdout, 'data')).toString());
      while (!readFileSync(`/proc/${zombie}/stat`, 'utf8').includes(') Z ')) await new Promise((resolve) => setTimeout(resolve, 10));
      writeFileSync(
        path.join(dir, `${zombie}-killed.jsonl`),
        `${JSON.stringify({ id: 'z', api: 'conversations', request: 'DELETE Conversation', options: {}, label: 'left by a killed worker', test: 't' })}\n`,
      );

      expect(isRunning(zombie)).toBe(false);
      expect(pendingUndos(dir).map((undo) => undo.label)).toEqual(['left by a killed worker']);
    } finally {
      parent.kill();
    }
  });

  it('is claimed by one sweep only: parallel shards neither send an undo twice nor lose a file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    new UndoLedger(dir).add({ api: 'conversations', request: 'DELETE Conversation', options: {}, label: 'left behind', test: 't' });

    // The parent of this process stands for the other shard: alive while this test runs.
    const theirs = claimLedgers(dir, process.ppid);

    expect(undosIn(theirs).map((undo) => undo.label)).toEqual(['left behind']);
    expect(claimLedgers(dir)).toEqual([]);
    expect(pendingUndos(dir)).toEqual([]);
  });
});
