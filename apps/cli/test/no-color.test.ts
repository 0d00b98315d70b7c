import { describe, expect, it } from "vitest";
import { paint } from "../src/ui/ansi.js";
import { applyNoColor, colorDisabled } from "../src/ui/color-env.js";

// Issue 15: NO_COLOR is honoured (https://no-color.org: present and not empty).
describe("NO_COLOR", () => {
  it("is on when set to anything but the empty string", () => {
    expect(colorDisabled({ NO_COLOR: "1" })).toBe(true);
    expect(colorDisabled({ NO_COLOR: "0" })).toBe(true);
    expect(colorDisabled({ NO_COLOR: "" })).toBe(false);
    expect(colorDisabled({})).toBe(false);
  });

  it("sets FORCE_COLOR=0 for chalk (Ink), which does not read NO_COLOR itself", () => {
    const env: Record<string, string | undefined> = { NO_COLOR: "1" };
    applyNoColor(env);
    expect(env.FORCE_COLOR).toBe("0");
    const coloured: Record<string, string | undefined> = { FORCE_COLOR: "3" };
    applyNoColor(coloured);
    expect(coloured.FORCE_COLOR).toBe("3");
  });

  it("leaves the chart and map rows without escapes", () => {
    expect(paint("██", "#4fc3f7", "#14181c", false)).toBe("██");
    expect(paint("██", "cyan", undefined, true)).toBe("\u001b[36m██\u001b[0m");
  });
});
