import { Text, Box } from "ink";

/** What the header says about the run; built by the session from the options. */
export interface RunDescription {
  /** e.g. `moons · 1000 samples · 2 features · 2 classes · 25% held out` */
  readonly data: string;
  /** e.g. `2→64→32→1 · ReLU · sigmoid · BCE · he-normal` */
  readonly architecture: string;
  readonly parameters: number;
  /** e.g. `SGD · full batch` */
  readonly optimizer: string;
}

export interface HeaderProps {
  readonly run: RunDescription;
  readonly seed: number;
  readonly lr: string;
  readonly width: number;
}

export function Header({ run, seed, lr, width }: HeaderProps) {
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate">
        <Text bold color="cyan">
          nn
        </Text>
        {"  "}
        <Text bold>{run.data}</Text>
        <Text dimColor>{`  seed ${seed}`}</Text>
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
