import "server-only";
import type { EventUser } from "@/lib/webhook/device-event";

/** The simulated device's enrolled users; the first is the default and matches the preview's sample user. */
export const ROSTER: readonly EventUser[] = [
  { userKey: "emp-0042", userName: "Kim Minji" },
  { userKey: "emp-0107", userName: "Park Jihoon" },
  { userKey: "emp-0311", userName: "Lee Seoyeon" },
  { userKey: "emp-0586", userName: "Choi Dongha" },
  { userKey: "emp-1024", userName: "Jung Hayoon" },
  { userKey: "c.tanaka@contractor.io", userName: "Tanaka Haruto" },
  { userKey: "visitor_0917", userName: "Olivia Brown" },
];

/** A CLUe user key (DOMAIN.md §1): 1 to 64 letters, digits and `- _ @ .`. */
export const USER_KEY_PATTERN = /^[A-Za-z0-9\-_@.]{1,64}$/;

/** The roster user with this key, or null. */
export function findRosterUser(userKey: string): EventUser | null {
  return ROSTER.find((u) => u.userKey === userKey) ?? null;
}

/** The attendance key a terminal would suggest at this local time of day (our design: a typical office day). */
export function tnaKeyAt(eventAt: number, utcOffsetMinutes: number): string {
  const minuteOfDay = ((Math.floor(eventAt / 60_000) + utcOffsetMinutes) % 1440 + 1440) % 1440;
  return TNA_SCHEDULE.find(([until]) => minuteOfDay < until)?.[1] ?? "CHECK_OUT";
}

// [local minute of day until which the key applies, key]
const TNA_SCHEDULE: readonly [number, string][] = [
  [11 * 60, "CHECK_IN"],
  [12 * 60, "MEAL_START"],
  [13 * 60 + 30, "MEAL_END"],
  [15 * 60, "BREAK_START"],
  [16 * 60 + 30, "BREAK_END"],
];
