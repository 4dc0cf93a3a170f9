-- CreateTable
CREATE TABLE "Bin" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL DEFAULT '',
    "corsMode" TEXT NOT NULL DEFAULT 'open',
    "responseStatus" INTEGER NOT NULL DEFAULT 200,
    "responseBody" TEXT NOT NULL DEFAULT '{"ok":true}',
    "delayMs" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "BinRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "binId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "headers" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "tooLarge" BOOLEAN NOT NULL DEFAULT false,
    "clientAddress" TEXT NOT NULL DEFAULT '',
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BinRequest_binId_fkey" FOREIGN KEY ("binId") REFERENCES "Bin" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SimEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "deviceId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,
    "eventType" TEXT NOT NULL,
    "eventAt" REAL NOT NULL,
    "data" TEXT NOT NULL,
    "isOffline" BOOLEAN NOT NULL,
    "state" TEXT NOT NULL,
    "jobId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DeliveryJob" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "deviceId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "eventIds" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "headers" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "DeliveryAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "jobId" INTEGER NOT NULL,
    "deviceId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "eventIds" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "result" TEXT NOT NULL,
    "statusCode" INTEGER,
    "error" TEXT,
    "errorCause" TEXT,
    "latencyMs" INTEGER,
    "requestHeaders" TEXT NOT NULL,
    "requestBody" TEXT NOT NULL,
    "responseHeaders" TEXT NOT NULL DEFAULT '[]',
    "responseExcerpt" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Device" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "placeId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "firmware" TEXT NOT NULL,
    "doorId" INTEGER,
    "doorName" TEXT,
    "utcOffsetMinutes" INTEGER NOT NULL DEFAULT 0,
    "online" BOOLEAN NOT NULL DEFAULT true,
    "nextEventId" INTEGER NOT NULL DEFAULT 10231,
    CONSTRAINT "Device_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Device" ("doorId", "doorName", "firmware", "id", "model", "name", "online", "placeId", "serial", "utcOffsetMinutes") SELECT "doorId", "doorName", "firmware", "id", "model", "name", "online", "placeId", "serial", "utcOffsetMinutes" FROM "Device";
DROP TABLE "Device";
ALTER TABLE "new_Device" RENAME TO "Device";
CREATE UNIQUE INDEX "Device_serial_key" ON "Device"("serial");
CREATE INDEX "Device_placeId_idx" ON "Device"("placeId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "BinRequest_binId_id_idx" ON "BinRequest"("binId", "id");

-- CreateIndex
CREATE INDEX "SimEvent_deviceId_state_id_idx" ON "SimEvent"("deviceId", "state", "id");

-- CreateIndex
CREATE UNIQUE INDEX "SimEvent_deviceId_eventId_key" ON "SimEvent"("deviceId", "eventId");

-- CreateIndex
CREATE INDEX "DeliveryJob_state_nextAttemptAt_idx" ON "DeliveryJob"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "DeliveryJob_deviceId_kind_state_idx" ON "DeliveryJob"("deviceId", "kind", "state");

-- CreateIndex
CREATE INDEX "DeliveryAttempt_deviceId_id_idx" ON "DeliveryAttempt"("deviceId", "id");


