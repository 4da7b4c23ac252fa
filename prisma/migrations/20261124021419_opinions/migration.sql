-- CreateTable
CREATE TABLE "OpinionRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "deadline" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "approverId" TEXT,
    "reviewComment" TEXT,
    "createdById" TEXT NOT NULL,
    "sentAt" DATETIME,
    "closedAt" DATETIME,
    "result" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OpinionRequest_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "OpinionRequest_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OpinionQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "OpinionQuestion_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "OpinionRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OpinionRecipient" (
    "requestId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("requestId", "userId"),
    CONSTRAINT "OpinionRecipient_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "OpinionRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OpinionRecipient_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OpinionPaper" (
    "requestId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("requestId", "documentId"),
    CONSTRAINT "OpinionPaper_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "OpinionRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OpinionPaper_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OpinionAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OpinionAnswer_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "OpinionRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OpinionAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "OpinionQuestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OpinionAnswer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OpinionReminder" (
    "requestId" TEXT NOT NULL,
    "hours" INTEGER NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notified" INTEGER NOT NULL,

    PRIMARY KEY ("requestId", "hours"),
    CONSTRAINT "OpinionReminder_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "OpinionRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "OpinionRequest_status_deadline_idx" ON "OpinionRequest"("status", "deadline");

-- CreateIndex
CREATE UNIQUE INDEX "OpinionQuestion_requestId_position_key" ON "OpinionQuestion"("requestId", "position");

-- CreateIndex
CREATE INDEX "OpinionRecipient_userId_idx" ON "OpinionRecipient"("userId");

-- CreateIndex
CREATE INDEX "OpinionAnswer_requestId_userId_idx" ON "OpinionAnswer"("requestId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "OpinionAnswer_questionId_userId_key" ON "OpinionAnswer"("questionId", "userId");
