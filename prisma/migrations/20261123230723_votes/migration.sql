-- DropIndex
DROP INDEX "SecretBallot_voteId_idx";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "SecretBallot";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "SecretTally" (
    "voteId" TEXT NOT NULL,
    "choice" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("voteId", "choice"),
    CONSTRAINT "SecretTally_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Vote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "agendaItemId" TEXT,
    "question" TEXT NOT NULL,
    "options" JSONB NOT NULL,
    "standardOptions" BOOLEAN NOT NULL DEFAULT true,
    "ballotKind" TEXT NOT NULL DEFAULT 'OPEN',
    "mode" TEXT NOT NULL DEFAULT 'IN_MEETING',
    "rule" JSONB NOT NULL,
    "allowChange" BOOLEAN NOT NULL DEFAULT false,
    "allowRemote" BOOLEAN NOT NULL DEFAULT false,
    "hideCounts" BOOLEAN NOT NULL DEFAULT false,
    "durationSeconds" INTEGER,
    "closesAt" DATETIME,
    "deadline" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "openedAt" DATETIME,
    "closedAt" DATETIME,
    "castCount" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Vote_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Vote_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Vote" ("agendaItemId", "ballotKind", "closedAt", "createdAt", "deadline", "id", "meetingId", "mode", "openedAt", "options", "question", "result", "status") SELECT "agendaItemId", "ballotKind", "closedAt", "createdAt", "deadline", "id", "meetingId", "mode", "openedAt", "options", "question", "result", "status" FROM "Vote";
DROP TABLE "Vote";
ALTER TABLE "new_Vote" RENAME TO "Vote";
CREATE INDEX "Vote_meetingId_status_idx" ON "Vote"("meetingId", "status");
CREATE TABLE "new_Ballot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "voteId" TEXT NOT NULL,
    "voterId" TEXT NOT NULL,
    "castById" TEXT NOT NULL,
    "choice" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Ballot_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Ballot_voterId_fkey" FOREIGN KEY ("voterId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Ballot" ("choice", "createdAt", "id", "voteId", "voterId") SELECT "choice", "createdAt", "id", "voteId", "voterId" FROM "Ballot";
DROP TABLE "Ballot";
ALTER TABLE "new_Ballot" RENAME TO "Ballot";
CREATE UNIQUE INDEX "Ballot_voteId_voterId_key" ON "Ballot"("voteId", "voterId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
