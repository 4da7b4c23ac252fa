-- A request to speak made by a deputy names the member whose seat they speak for (SpeakerRequest.onBehalfOfId).
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SpeakerRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "agendaItemId" TEXT,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'SPEAK',
    "status" TEXT NOT NULL DEFAULT 'WAITING',
    "position" INTEGER NOT NULL DEFAULT 0,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "endedAt" DATETIME,
    "onBehalfOfId" TEXT,
    CONSTRAINT "SpeakerRequest_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SpeakerRequest_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SpeakerRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SpeakerRequest_onBehalfOfId_fkey" FOREIGN KEY ("onBehalfOfId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_SpeakerRequest" ("agendaItemId", "endedAt", "id", "kind", "meetingId", "position", "requestedAt", "startedAt", "status", "userId") SELECT "agendaItemId", "endedAt", "id", "kind", "meetingId", "position", "requestedAt", "startedAt", "status", "userId" FROM "SpeakerRequest";
DROP TABLE "SpeakerRequest";
ALTER TABLE "new_SpeakerRequest" RENAME TO "SpeakerRequest";
CREATE INDEX "SpeakerRequest_meetingId_status_idx" ON "SpeakerRequest"("meetingId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
