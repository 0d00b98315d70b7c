import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "../src/cli-options.js";
import { formatThreads } from "../src/workloads/threads.js";

describe("the threads table", () => {
  it("shows each side's 2÷1 speed-up and nn's ratio to NumPy at the same thread count", () => {
    const lines = formatThreads({
      rows: [
        { workload: "W2 batch 128", unit: "samples/s", nn1: 100_000, nn2: 180_000, numpy1: 400_000, numpy2: 600_000, sameBits: true },
        { workload: "W3 512³", unit: "GFLOP/s", nn1: 30, nn2: 45, numpy1: null, numpy2: null, sameBits: false },
      ],
    }).split("\n");
    expect(lines[0]).toMatch(/^threads \(wall time\)\s+unit\s+nn 1\s+nn 2\s+nn 2÷1\s+NumPy 1\s+NumPy 2\s+NumPy 2÷1\s+nn÷NumPy \(1\)\s+nn÷NumPy \(2\)\s+same bits$/);
    // 180k/100k = 1.8, 600k/400k = 1.5, 100k/400k = 0.25, 180k/600k = 0.30
    expect(lines[2]).toMatch(/^W2 batch 128\s+samples\/s\s+100k\s+180k\s+1\.8×\s+400k\s+600k\s+1\.5×\s+0\.25×\s+0\.30×\s+✓$/);
    expect(lines[3]).toMatch(/^W3 512³\s+GFLOP\/s\s+30\.0\s+45\.0\s+1\.5×\s+—\s+—\s+—\s+—\s+—\s+✗$/);
  });

  it("says why it is left out", () => {
    expect(formatThreads({ rows: [], skipped: "this machine runs 1 thread at once (os.availableParallelism())" }))
      .toBe("threads table left out: this machine runs 1 thread at once (os.availableParallelism())");
  });

  it("is what --only threads asks for", () => {
    expect(parseBenchArgs(["--only", "threads"]).only).toBe("threads");
    expect(parseBenchArgs([]).only).toBeUndefined();
    expect(() => parseBenchArgs(["--only", "thread"])).toThrow(/"threads" \(nn and NumPy at 1 and 2 threads\), got "thread"/);
  });
});
