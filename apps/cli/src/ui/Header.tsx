import { Text, Box } from "ink";
import type { RunStatus } from "../state/trainer-state.js";
import { STATUS_COLORS } from "./ProgressBar.js";

/** What the header says about the run; built by the worker from the current setting. */
export interface RunDescription {
  /** e.g. `moons · 1000 samples · noise 0.2 · 2 features · 2 classes · 25% held out` */
  readonly data: string;
  /** e.g. `2→64→32→1 · ReLU · sigmoid · BCE · he-normal` */
  readonly architecture: string;
  readonly parameters: number;
  /** e.g. `SGD · full batch ·` */
  readonly optimizer: string;
}

export interface HeaderProps {
  readonly run: RunDescription;
  readonly seed: number;
  readonly lr: string;
  readonly status: RunStatus;
  /** e.g. `5 epochs/frame`, `max speed`; none once the run has ended (done, failed, quitting). */
  readonly speed?: string;
  readonly width: number;
}

/**
 * Two lines: the run's state, learning rate, seed and speed first (so they stay visible on an
 * 80-column terminal), then the data; the network, its size and the optimizer.
 */
export function Header({ run, seed, lr, status, speed, width }: HeaderProps) {
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate">
        <Text bold color="cyan">
          nn
        </Text>
        {" "}
        <Text bold color={STATUS_COLORS[status]}>{status.toUpperCase()}</Text>
        {`  lr ${lr}  seed ${seed}  `}
        {speed !== undefined ? (
          <>
            <Text dimColor>{speed}</Text>
            {"  "}
          </>
        ) : null}
        <Text bold>{run.data}</Text>
      </Text>
      <Text wrap="truncate">
        {run.architecture}
        <Text dimColor>{"  ·  "}</Text>
        {run.parameters.toLocaleString("en-US")} parameters
        <Text dimColor>{"  ·  "}</Text>
        {run.optimizer} lr {lr}
      </Text>
    </Box>
  );
}
