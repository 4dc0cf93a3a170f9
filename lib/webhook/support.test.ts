import { describe, expect, test } from "vitest";
import { compareVersions, DEVICE_MODELS, getWebhookSupport } from "./support";

describe("compareVersions", () => {
  test.each([
    ["1.10.0", "1.9.0", 1],
    ["1.9.0", "1.10.0", -1],
    ["1.1.0", "1.1.0", 0],
    ["1.1", "1.1.0", 0],
    ["1.1.1", "1.1.0", 1],
    ["2.0.0", "1.99.99", 1],
    ["1.0.9", "1.1.0", -1],
    ["v1.2.0", "1.2.0", 0],
    ["1.1.0-rc1", "1.1.0", 0],
    ["0.9", "1.1.0", -1],
  ])("%s vs %s -> %i", (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});

describe("getWebhookSupport", () => {
  test.each([
    ["BS3-DB", "1.1.0", "supported"],
    ["BS3-DB", "1.10.0", "supported"],
    ["BS3-APWB", "1.2.4", "supported"],
    ["BS3-APWB", "2.0.0", "supported"],
    ["BS3-DB", "1.0.9", "firmware-update-required"],
    ["BS3-APWB", "1.0.0", "firmware-update-required"],
    ["BS3-DB", "0.9.12", "firmware-update-required"],
    ["W3", "1.5.0", "planned"],
    ["N2", "1.1.0", "planned"],
    ["XS2", "2.0.0", "planned"],
    ["XP2", "1.1.0", "planned"],
    ["UNKNOWN", "9.9.9", "planned"],
  ])("%s on %s is %s", (model, firmware, expected) => {
    expect(getWebhookSupport(model, firmware)).toBe(expected);
  });

  test("every known model has a support answer for the minimum firmware", () => {
    const answers = DEVICE_MODELS.map((m) => getWebhookSupport(m, "1.1.0"));
    expect(answers).toEqual(["supported", "supported", "planned", "planned", "planned", "planned"]);
  });
});
