import { type Rng, createRng, checkOptions, optionKeys } from "@nn/tensor";
import { type Dataset, datasetShape, selectRows } from "../dataset.js";
import { checkSeed } from "../option-checks.js";
import { identityPermutation, shuffleInPlace } from "../permutation.js";

export interface TrainTestSplitOptions {
  /** Fraction of rows for the test set, in (0, 1), or a whole number of rows in [1, n - 1]. */
  testSize: number;
  /** Keep each class's share the same in both parts (default false). */
  stratify?: boolean;
  /** Seed for the shuffle (default 0). */
  seed?: number;
}

const SPLIT_OPTIONS = optionKeys<TrainTestSplitOptions>()("testSize", "stratify", "seed");

export interface TrainTestSplit {
  train: Dataset;
  test: Dataset;
}

/**
 * Splits rows into a train and a test set after a seeded shuffle. A fractional `testSize`
 * takes ceil(testSize · n) test rows, as scikit-learn. With `stratify`, each class gives the
 * test set its proportional share (largest remainders), and every class with at least two rows
 * appears in both parts whenever the sizes allow it.
 */
export function trainTestSplit(ds: Dataset, options: TrainTestSplitOptions): TrainTestSplit {
  const op = "trainTestSplit";
  const { n } = datasetShape(ds, op);
  checkOptions(op, options, SPLIT_OPTIONS);
  const nTest = testCount(op, options?.testSize, n);
  const rng = createRng(checkSeed(op, options.seed ?? 0));
  let testRows: Int32Array, trainRows: Int32Array;
  if (options.stratify === true) {
    [trainRows, testRows] = stratifiedRows(ds, n, nTest, rng, op);
    shuffleInPlace(trainRows, rng);
    shuffleInPlace(testRows, rng);
  } else {
    const order = identityPermutation(n);
    shuffleInPlace(order, rng);
    testRows = order.subarray(0, nTest);
    trainRows = order.subarray(nTest);
  }
  return { train: selectRows(ds, trainRows), test: selectRows(ds, testRows) };
}

function testCount(op: string, testSize: unknown, n: number): number {
  // With fewer than 2 rows there is no valid testSize to suggest ("a row count in [1, 0]").
  if (n < 2) throw new RangeError(`${op}: a split needs at least 2 rows (one for each part), the data set has ${n}`);
  if (typeof testSize !== "number" || !Number.isFinite(testSize) || testSize <= 0) {
    throw new RangeError(`${op}: testSize must be a fraction in (0, 1) or a row count in [1, ${n - 1}], got ${String(testSize)}`);
  }
  const count = testSize < 1 ? Math.ceil(testSize * n) : testSize;
  if (!Number.isInteger(count) || count < 1 || count > n - 1) {
    throw new RangeError(
      `${op}: testSize ${testSize} gives ${count} test rows of ${n}; both parts need at least one row ` +
        `(a fraction in (0, 1) or a row count in [1, ${n - 1}])`,
    );
  }
  return count;
}

/** Train and test rows per class, before the final shuffle. */
function stratifiedRows(ds: Dataset, n: number, nTest: number, rng: Rng, op: string): [Int32Array, Int32Array] {
  if (ds.y.rank !== 1) throw new RangeError(`${op}: stratify needs class indices y of shape [n], got [${ds.y.shape.join(",")}]`);
  const byClass: number[][] = [];
  for (let i = 0; i < n; i++) {
    const c = ds.y.data[i];
    if (!Number.isInteger(c) || c < 0) throw new RangeError(`${op}: stratify needs class indices in y, got y[${i}] = ${c}`);
    (byClass[c] ??= []).push(i);
  }
  const classes = byClass.map((rows, c) => ({ c, rows })).filter((g) => g.rows !== undefined);
  const quota = classes.map((g) => (g.rows.length * nTest) / n);
  const take = quota.map(Math.floor);
  // Hand out the rows floor() left over to the largest fractional parts (ties: the bigger class first).
  const byRemainder = classes.map((_, i) => i).sort((a, b) => quota[b] - take[b] - (quota[a] - take[a]) || classes[b].rows.length - classes[a].rows.length);
  let missing = nTest - take.reduce((s, t) => s + t, 0);
  for (const i of byRemainder) {
    if (missing === 0) break;
    take[i]++;
    missing--;
  }
  balanceSoEveryClassIsInBoth(classes.map((g) => g.rows.length), take);
  const train: number[] = [], test: number[] = [];
  classes.forEach((g, i) => {
    const rows = Int32Array.from(g.rows);
    shuffleInPlace(rows, rng);
    for (let k = 0; k < rows.length; k++) (k < take[i] ? test : train).push(rows[k]);
  });
  return [Int32Array.from(train), Int32Array.from(test)];
}

/**
 * Moves single test slots so that a class with ≥ 2 rows has at least one row in each part,
 * taking from (or giving to) the class that can best spare it. The total stays nTest.
 */
function balanceSoEveryClassIsInBoth(sizes: number[], take: number[]): void {
  for (let i = 0; i < sizes.length; i++) {
    if (sizes[i] < 2) continue;
    if (take[i] === 0) {
      const donor = pick(sizes, take, (j) => j !== i && take[j] > (sizes[j] >= 2 ? 1 : 0), (j) => take[j] / sizes[j]);
      if (donor >= 0) {
        take[donor]--;
        take[i]++;
      }
    } else if (take[i] === sizes[i]) {
      const receiver = pick(sizes, take, (j) => j !== i && take[j] < sizes[j] - (sizes[j] >= 2 ? 1 : 0), (j) => -take[j] / sizes[j]);
      if (receiver >= 0) {
        take[receiver]++;
        take[i]--;
      }
    }
  }
}

function pick(sizes: number[], take: number[], allowed: (j: number) => boolean, score: (j: number) => number): number {
  let best = -1;
  for (let j = 0; j < sizes.length; j++) if (allowed(j) && (best < 0 || score(j) > score(best))) best = j;
  return best;
}
