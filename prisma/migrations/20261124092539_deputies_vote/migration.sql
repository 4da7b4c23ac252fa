-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MeetingLive" (
    "meetingId" TEXT NOT NULL PRIMARY KEY,
    "startedAt" DATETIME,
    "pausedAt" DATETIME,
    "closedAt" DATETIME,
    "pausedMs" INTEGER NOT NULL DEFAULT 0,
    "itemRunningSince" DATETIME,
    "itemSpentMs" JSONB,
    "quorumRule" TEXT NOT NULL DEFAULT 'TWO_THIRDS',
    "quorumCountsDeputies" BOOLEAN NOT NULL DEFAULT false,
    "deputiesVote" BOOLEAN NOT NULL DEFAULT false,
    "speakingLimitSeconds" INTEGER,
    "presenterUserId" TEXT,
    "shownDocumentId" TEXT,
    "shownPage" INTEGER NOT NULL DEFAULT 1,
    "displayTokenHash" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MeetingLive_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_MeetingLive" ("closedAt", "displayTokenHash", "itemRunningSince", "itemSpentMs", "meetingId", "pausedAt", "pausedMs", "presenterUserId", "quorumCountsDeputies", "quorumRule", "shownDocumentId", "shownPage", "speakingLimitSeconds", "startedAt", "updatedAt") SELECT "closedAt", "displayTokenHash", "itemRunningSince", "itemSpentMs", "meetingId", "pausedAt", "pausedMs", "presenterUserId", "quorumCountsDeputies", "quorumRule", "shownDocumentId", "shownPage", "speakingLimitSeconds", "startedAt", "updatedAt" FROM "MeetingLive";
DROP TABLE "MeetingLive";
ALTER TABLE "new_MeetingLive" RENAME TO "MeetingLive";
CREATE INDEX "MeetingLive_displayTokenHash_idx" ON "MeetingLive"("displayTokenHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
