import { describe, expect, test } from "vitest";
import { ROSTER, USER_KEY_PATTERN, findRosterUser, tnaKeyAt } from "@/lib/server/roster";
import { SAMPLE_USER } from "@/lib/webhook/device-event";

describe("roster", () => {
  test("5-8 users with unique keys that follow CLUe's user key rule", () => {
    expect(ROSTER.length).toBeGreaterThanOrEqual(5);
    expect(ROSTER.length).toBeLessThanOrEqual(8);
    expect(new Set(ROSTER.map((u) => u.userKey)).size).toBe(ROSTER.length);
    for (const user of ROSTER) expect(user.userKey).toMatch(USER_KEY_PATTERN);
  });

  test("the default user is the preview's sample user", () => {
    expect(ROSTER[0]).toEqual(SAMPLE_USER);
    expect(findRosterUser("emp-0107")?.userName).toBe("Park Jihoon");
    expect(findRosterUser("EMP-0107")).toBeNull();
  });
});

describe("tnaKeyAt", () => {
  const seoul = (hhmm: string) => Date.parse(`2026-12-03T${hhmm}:00+09:00`);
  test.each([
    ["08:55", "CHECK_IN"],
    ["11:30", "MEAL_START"],
    ["12:40", "MEAL_END"],
    ["14:00", "BREAK_START"],
    ["15:10", "BREAK_END"],
    ["18:05", "CHECK_OUT"],
    ["00:10", "CHECK_IN"],
  ])("%s in Seoul -> %s", (time, key) => {
    expect(tnaKeyAt(seoul(time), 540)).toBe(key);
  });

  test("uses the device's local time", () => {
    expect(tnaKeyAt(Date.parse("2026-12-03T09:00:00Z"), 0)).toBe("CHECK_IN");
    expect(tnaKeyAt(Date.parse("2026-12-03T09:00:00Z"), 540)).toBe("CHECK_OUT");
  });
});
