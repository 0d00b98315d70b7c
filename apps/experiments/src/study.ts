/**
 * What a study is: a claim about training dynamics, a deterministic run that produces the raw
 * numbers, and a report that turns them into Markdown, SVG plots and a verdict. Adding a study is
 * adding one file under studies/ and listing it in studies/index.ts.
 */
import type { Verdict } from "./verdict.js";

export type { Verdict } from "./verdict.js";

export interface StudyConfig {
  /** Fewer seeds, epochs and samples: the CI run (under two minutes on two cores). */
  quick: boolean;
}

export interface StudyContext extends StudyConfig {
  /** Marks one unit of work (a training run) done, for the progress bar. */
  tick(label: string): void;
}

export interface StudyResult<Data, Timing = never> {
  /** Deterministic raw numbers: written to `<id>.json` and compared byte for byte. */
  data: Data;
  /** Wall-clock measurements: written to `<id>-timing.json`, never compared. */
  timing?: Timing;
}

export interface StudyReport {
  /** Files relative to the output directory (`<id>.md`, `<id>/loss.svg`, …). Names holding `timing` are exempt from byte comparison. */
  files: Record<string, string>;
  verdict: Verdict;
  /** One sentence: what the data shows, and why the verdict is what it is. */
  finding: string;
}

export interface Study<Data, Timing = never> {
  /** File-name stem of the report: `learning-rate`. */
  readonly id: string;
  readonly title: string;
  /** The claim the study tests, stated so that data can contradict it. */
  readonly claim: string;
  /** Units of work `run` will tick through (for the progress bar). */
  units(config: StudyConfig): number;
  run(context: StudyContext): StudyResult<Data, Timing>;
  report(result: StudyResult<Data, Timing>, config: StudyConfig): StudyReport;
}
