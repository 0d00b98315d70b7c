import { formatValue, SETTING_FIELDS, type Setting } from "@nn/studio";
import { Box, Text } from "ink";

export interface SettingsPanelProps {
  /** The setting being edited. */
  readonly draft: Setting;
  /** The setting the run has now (changed entries are marked). */
  readonly current: Setting;
  readonly row: number;
  readonly width: number;
  readonly height: number;
}

const WHAT_CHANGE_NEEDS = { live: "applies live", model: "restarts the network", data: "new data, restart" } as const;

/** Every entry of the setting, one a line; ↑↓ choose, ←→ change, Enter applies, Esc cancels. */
export function SettingsPanel({ draft, current, row, width, height }: SettingsPanelProps) {
  const visible = Math.max(3, height - 3);
  const first = Math.max(0, Math.min(row - Math.floor(visible / 2), SETTING_FIELDS.length - visible));
  const fields = SETTING_FIELDS.slice(first, first + visible);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1} width={Math.min(width, 72)}>
      <Text bold wrap="truncate">
        settings <Text dimColor>↑↓ choose  ←→ change  Enter apply  Esc cancel</Text>
      </Text>
      {fields.map((f) => {
        const i = SETTING_FIELDS.indexOf(f);
        const value = formatValue(f, draft[f.key]);
        const changed = value !== formatValue(f, current[f.key]);
        const selected = i === row;
        return (
          <Text key={f.key} wrap="truncate" inverse={selected}>
            {(selected ? "▶ " : "  ") + f.label.padEnd(14)}
            <Text color={changed ? "yellow" : undefined} bold={changed}>{value.padEnd(18)}</Text>
            <Text dimColor>{changed ? `* ${WHAT_CHANGE_NEEDS[f.apply]}` : `--${f.flag}`}</Text>
          </Text>
        );
      })}
    </Box>
  );
}
