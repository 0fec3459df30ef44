// Main-thread long tasks (over 50 ms) seen since the page loaded, for the benchmark.
const durations: number[] = [];
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  }).observe({ type: "longtask", buffered: true });
} catch {
  // No Long Tasks API in this browser: the count stays empty.
}

/** Durations (ms) of the long tasks so far. */
export function longTasks(): number[] {
  return [...durations];
}
