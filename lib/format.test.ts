import { expect, test } from "vitest";
import { formatEventIds, formatUtcOffset } from "./format";

test.each([
  [540, "UTC+09:00"],
  [-330, "UTC-05:30"],
  [0, "UTC+00:00"],
  [345, "UTC+05:45"],
])("formatUtcOffset(%i) = %s", (minutes, label) => {
  expect(formatUtcOffset(minutes)).toBe(label);
});

test.each([
  [[], "—"],
  [[10231], "10231"],
  [[10231, 10232, 10233], "10231–10233 (3)"],
  [[5, 9], "5, 9"],
  [[5, 9, 12, 40], "5, 9, 12, … (4)"],
])("formatEventIds(%j) = %s", (ids, text) => {
  expect(formatEventIds(ids)).toBe(text);
});
