/**
 * Preloaded by bench/profile.ts (`node --import ./dist/bench/heap-sampling.js ...`): samples every
 * allocation of the process, including objects the garbage collector has freed since (which
 * `node --heap-prof` leaves out, so its profile shows only what is alive at exit), and writes the
 * profile to $AZCDK_HEAP_PROFILE when the process exits, with V8's heap spaces at exit and the
 * process's peak RSS beside it ($AZCDK_HEAP_PROFILE.spaces.json).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { getHeapSpaceStatistics } from 'node:v8';

const file = process.env.AZCDK_HEAP_PROFILE;
if (!file) throw new Error('heap-sampling: set AZCDK_HEAP_PROFILE to the file to write.');
const session = new Session();
session.connect();
session.post('HeapProfiler.startSampling', {
  samplingInterval: 32 * 1024,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
process.on('exit', () => {
  // A session on the main thread answers synchronously, so the file is written before exit.
  session.post('HeapProfiler.stopSampling', (error, result) => {
    if (error) throw error;
    writeFileSync(file, JSON.stringify(result.profile));
  });
  const spaces = getHeapSpaceStatistics().map((s) => ({ space: s.space_name, size: s.space_size, used: s.space_used_size }));
  writeFileSync(`${file}.spaces.json`, JSON.stringify({ maxRss: process.resourceUsage().maxRSS * 1024, memory: process.memoryUsage(), spaces }));
});
