// A process's line in Linux's /proc/<pid>/stat (proc(5)), read field by field. The ledger reads a
// process's state from it (a killed worker not yet reaped is over), the bench the CPU time of the
// children a run has ended.
import { readFileSync } from 'node:fs';

/**
 * The fields of a stat line from the third, the state, on: index 0 is field 3 of proc(5), index n
 * field n + 3. Undefined where the file cannot be read (no /proc, or no such process).
 */
export function procStatFields(file: string): string[] | undefined {
  let stat: string;
  try {
    stat = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  // Field 2, the command name, is in parentheses and may hold spaces and parentheses itself.
  return stat
    .slice(stat.lastIndexOf(')') + 2)
    .trimEnd()
    .split(' ');
}
