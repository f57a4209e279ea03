// CPU time of a run: this process (jest's own, and the embedded sandbox a live run starts in it)
// and its children that have ended (jest's workers). A shared machine's load moves a run's wall
// time by a fifth within an hour; its CPU time moves less, so a change is judged on both.
// Children are counted through Linux's /proc (cutime and cstime); elsewhere there is no figure.
import { procStatFields } from '../../harness/proc-stat';

/** /proc reports times in USER_HZ ticks, 100 per second on Linux whatever the kernel's own rate. */
const TICKS_PER_SECOND = 100;

/** User plus system time so far, in ms, of this process and its ended children; undefined without /proc. */
export function cpuTimeMs(statFile = '/proc/self/stat'): number | undefined {
  const fields = procStatFields(statFile);
  // Fields 16 and 17 of proc(5): the waited-for children's user and system time.
  const children = (Number(fields?.[13]) + Number(fields?.[14])) * (1000 / TICKS_PER_SECOND);
  if (!Number.isFinite(children)) return undefined;
  const own = process.cpuUsage();
  return Math.round((own.user + own.system) / 1000 + children);
}
