-- wrk's summary as one line the benchmark scripts read: p50, p95, p99 (ms), requests per second, errors.
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.3f %.3f %.3f %.1f %d\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6), summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
