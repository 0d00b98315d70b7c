import { DEFAULT_SETTING, settingToFlags } from "@nn/studio";
import { describe, expect, it } from "vitest";
import { addressOf, PAGE_PRESET, settingFromAddress } from "../src/url-setting.js";

describe("the page address", () => {
  it("an empty address opens the page preset; its address spells it out for nn train too", () => {
    expect(settingFromAddress("", "")).toEqual({ setting: PAGE_PRESET });
    expect(addressOf(PAGE_PRESET)).toBe("#data=circles&samples=500&test-split=0.5&layers=4%2C2&activation=tanh&init=xavier-normal&lr=0.03&batch-size=10&epochs=1000");
    expect(settingFromAddress(addressOf(PAGE_PRESET), "").setting).toEqual(PAGE_PRESET);
    expect(settingToFlags(PAGE_PRESET).join(" ")).toBe("--data circles --samples 500 --test-split 0.5 --layers 4,2 --activation tanh --init xavier-normal --lr 0.03 --batch-size 10 --epochs 1000");
  });

  it("the defaults get a non-empty address, which does not mean the preset", () => {
    expect(addressOf(DEFAULT_SETTING)).toBe("#data=moons");
    expect(settingFromAddress("#data=moons", "").setting).toEqual(DEFAULT_SETTING);
  });

  it("reads the hash first, the query as a fallback", () => {
    expect(settingFromAddress("#seed=3", "?seed=9").setting.seed).toBe(3);
    expect(settingFromAddress("", "?seed=9").setting.seed).toBe(9);
  });

  it("a bad entry is named, and the page starts from its preset", () => {
    expect(settingFromAddress("#lr=fast", "")).toEqual({
      setting: PAGE_PRESET,
      error: 'The link\'s setting could not be read: lr must be a number > 0, got "fast".',
    });
    expect(settingFromAddress("#colour=red", "").error).toContain('unknown entry "colour"');
    expect(settingFromAddress("#lr=fast&seed=-2", "").error).toBe(
      'The link\'s setting could not be read: lr must be a number > 0, got "fast"; seed must be an integer >= 0, got "-2".',
    );
    expect(settingFromAddress("#data=moonz", "").error).toBe('The link\'s setting could not be read: data must be one of moons, circles, spirals, xor, blobs, checkerboard, plane, multi-gaussian, iris, breast-cancer, digits, got "moonz".');
  });
});
