import { Box, Text } from "ink";

export interface HelpOverlayProps {
  readonly width: number;
}

export const KEY_HELP: readonly (readonly [string, string])[] = [
  ["space", "pause / resume; after DONE: train on past the epoch count"],
  ["n", "one epoch while paused or done"],
  ["< / >", "slower / faster: epochs per frame (1 … 1000, max)"],
  ["+ / -", "double / halve the learning rate"],
  ["e", "settings: data, features, network, optimizer, regularisation"],
  ["v", "network view: every neuron's output map / charts"],
  ["l", "loss chart: log / linear scale"],
  ["r", "restart with the next seed (keeps live changes)"],
  ["s", "save the model (--save path, else nn-model.json)"],
  ["q / Ctrl-C", "quit (saves first when --save was given)"],
  ["?", "this help (? or Esc closes it)"],
];

/** The key list, shown in place of the charts while `?` is on. */
export function HelpOverlay({ width }: HelpOverlayProps) {
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1} width={Math.min(width, 72)}>
      <Text bold>keys</Text>
      {KEY_HELP.map(([key, what]) => (
        <Text key={key} wrap="truncate">
          <Text color="cyan">{key.padEnd(12)}</Text>
          {what}
        </Text>
      ))}
    </Box>
  );
}
