-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReadReceipt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "documentVersionId" TEXT NOT NULL,
    "firstOpenedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastOpenedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "pagesSeen" JSONB NOT NULL,
    "lastPage" INTEGER NOT NULL DEFAULT 1,
    "onBehalfOfId" TEXT,
    CONSTRAINT "ReadReceipt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ReadReceipt_onBehalfOfId_fkey" FOREIGN KEY ("onBehalfOfId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ReadReceipt_documentVersionId_fkey" FOREIGN KEY ("documentVersionId") REFERENCES "DocumentVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReadReceipt" ("documentVersionId", "firstOpenedAt", "id", "lastOpenedAt", "lastPage", "pagesSeen", "userId") SELECT "documentVersionId", "firstOpenedAt", "id", "lastOpenedAt", "lastPage", "pagesSeen", "userId" FROM "ReadReceipt";
DROP TABLE "ReadReceipt";
ALTER TABLE "new_ReadReceipt" RENAME TO "ReadReceipt";
CREATE INDEX "ReadReceipt_documentVersionId_idx" ON "ReadReceipt"("documentVersionId");
CREATE UNIQUE INDEX "ReadReceipt_userId_documentVersionId_key" ON "ReadReceipt"("userId", "documentVersionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
