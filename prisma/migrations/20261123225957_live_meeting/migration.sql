-- CreateTable
CREATE TABLE "MeetingLive" (
    "meetingId" TEXT NOT NULL PRIMARY KEY,
    "startedAt" DATETIME,
    "pausedAt" DATETIME,
    "closedAt" DATETIME,
    "pausedMs" INTEGER NOT NULL DEFAULT 0,
    "itemRunningSince" DATETIME,
    "itemSpentMs" JSONB,
    "quorumRule" TEXT NOT NULL DEFAULT 'TWO_THIRDS',
    "quorumCountsDeputies" BOOLEAN NOT NULL DEFAULT false,
    "speakingLimitSeconds" INTEGER,
    "presenterUserId" TEXT,
    "shownDocumentId" TEXT,
    "shownPage" INTEGER NOT NULL DEFAULT 1,
    "displayTokenHash" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MeetingLive_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Participant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'MEMBER',
    "mayVote" BOOLEAN NOT NULL DEFAULT true,
    "rsvp" TEXT NOT NULL DEFAULT 'PENDING',
    "rsvpReason" TEXT,
    "deputyUserId" TEXT,
    "deputyName" TEXT,
    "invitedAt" DATETIME,
    "answeredAt" DATETIME,
    "checkedInAt" DATETIME,
    "checkedInById" TEXT,
    "checkedInDeputy" BOOLEAN NOT NULL DEFAULT false,
    "lastSeenVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Participant_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Participant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Participant_deputyUserId_fkey" FOREIGN KEY ("deputyUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Participant" ("answeredAt", "checkedInAt", "createdAt", "deputyName", "deputyUserId", "id", "invitedAt", "lastSeenVersion", "mayVote", "meetingId", "role", "rsvp", "rsvpReason", "userId") SELECT "answeredAt", "checkedInAt", "createdAt", "deputyName", "deputyUserId", "id", "invitedAt", "lastSeenVersion", "mayVote", "meetingId", "role", "rsvp", "rsvpReason", "userId" FROM "Participant";
DROP TABLE "Participant";
ALTER TABLE "new_Participant" RENAME TO "Participant";
CREATE INDEX "Participant_userId_idx" ON "Participant"("userId");
CREATE UNIQUE INDEX "Participant_meetingId_userId_key" ON "Participant"("meetingId", "userId");
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
    CONSTRAINT "SpeakerRequest_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SpeakerRequest_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SpeakerRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_SpeakerRequest" ("agendaItemId", "endedAt", "id", "meetingId", "requestedAt", "startedAt", "status", "userId") SELECT "agendaItemId", "endedAt", "id", "meetingId", "requestedAt", "startedAt", "status", "userId" FROM "SpeakerRequest";
DROP TABLE "SpeakerRequest";
ALTER TABLE "new_SpeakerRequest" RENAME TO "SpeakerRequest";
CREATE INDEX "SpeakerRequest_meetingId_status_idx" ON "SpeakerRequest"("meetingId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "MeetingLive_displayTokenHash_idx" ON "MeetingLive"("displayTokenHash");
