// Idempotent demo data: places and devices covering every model and firmware case.
// Runs on every start; rows are matched by id (places) and serial (devices) and never duplicated.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../lib/generated/prisma/client";

const PLACES = [
  { id: 178, name: "Seoul HQ" },
  { id: 203, name: "Busan Factory" },
];

const DEVICES = [
  { placeId: 178, name: "Lobby entrance", model: "BS3-DB", serial: "543210987", firmware: "1.1.0", doorId: 3, doorName: "Main door", utcOffsetMinutes: 540, online: true },
  { placeId: 178, name: "R&D wing", model: "BS3-APWB", serial: "543210988", firmware: "1.2.4", doorId: 7, doorName: "R&D door", utcOffsetMinutes: 540, online: true },
  { placeId: 178, name: "Parking gate", model: "BS3-DB", serial: "543210989", firmware: "1.0.5", doorId: 9, doorName: "Parking barrier", utcOffsetMinutes: 540, online: true },
  { placeId: 178, name: "Server room", model: "W3", serial: "612345001", firmware: "1.8.0", doorId: 11, doorName: "Server room door", utcOffsetMinutes: 540, online: false },
  { placeId: 203, name: "Warehouse dock", model: "BS3-DB", serial: "543210990", firmware: "1.10.0", doorId: 21, doorName: "Dock door", utcOffsetMinutes: 540, online: true },
  { placeId: 203, name: "Canteen", model: "N2", serial: "712345002", firmware: "1.5.2", doorId: null, doorName: null, utcOffsetMinutes: 540, online: true },
  { placeId: 203, name: "Staff entrance", model: "XS2", serial: "812345003", firmware: "1.3.1", doorId: 22, doorName: "Staff door", utcOffsetMinutes: 540, online: true },
  { placeId: 203, name: "Visitor gate", model: "BS3-APWB", serial: "543210991", firmware: "1.1.0", doorId: 24, doorName: "Visitor gate", utcOffsetMinutes: 540, online: true },
  { placeId: 203, name: "Turnstile 1", model: "XP2", serial: "912345004", firmware: "1.2.0", doorId: 23, doorName: "Turnstile", utcOffsetMinutes: 540, online: true },
];

async function main() {
  const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: process.env.DATABASE_URL ?? "file:./data/portal.db" }) });
  try {
    for (const place of PLACES) {
      await db.place.upsert({ where: { id: place.id }, update: {}, create: place });
    }
    for (const device of DEVICES) {
      await db.device.upsert({ where: { serial: device.serial }, update: {}, create: device });
    }
    console.log(`seed: ${PLACES.length} places, ${DEVICES.length} devices present`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
