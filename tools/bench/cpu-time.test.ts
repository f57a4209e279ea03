// The bench's CPU figure: its reading of proc(5), and that a child's time counts once it has ended.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cpuTimeMs } from './cpu-time';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'cpu-time-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it("adds the ended children's user and system ticks to this process's own time", () => {
  // A command name with a space and a parenthesis, as proc(5) allows: fields are counted after the last ')'.
  const fields = ['S', ...Array.from({ length: 12 }, () => '0'), '150', '50', '0', '0'];
  const stat = path.join(dir, 'stat');
  writeFileSync(stat, `4242 (node (a) b) ${fields.join(' ')}\n`);
  const ownBefore = process.cpuUsage();
  const total = cpuTimeMs(stat);
  const ownAfter = process.cpuUsage();
  expect(total).toBeGreaterThanOrEqual(2000 + Math.floor((ownBefore.user + ownBefore.system) / 1000));
  expect(total).toBeLessThanOrEqual(2000 + Math.ceil((ownAfter.user + ownAfter.system) / 1000));
});

it('gives no figure where there is no /proc', () => {
  expect(cpuTimeMs(path.join(dir, 'missing'))).toBeUndefined();
});

// Skipped off Linux: there is no /proc to read children's time from, and the figure is absent by design.
(existsSync('/proc/self/stat') ? it : it.skip)('counts a child that burned 200 ms of CPU once it has ended', () => {
  const before = cpuTimeMs();
  const burn = 'const s = process.cpuUsage(); while ((process.cpuUsage(s).user + process.cpuUsage(s).system) < 200000);';
  expect(spawnSync(process.execPath, ['-e', burn]).status).toBe(0);
  const after = cpuTimeMs();
  expect(after! - before!).toBeGreaterThanOrEqual(200);
});
