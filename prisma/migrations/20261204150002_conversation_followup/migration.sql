-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "inProgress" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lastTurnAt" TIMESTAMP(3),
ADD COLUMN     "nudgedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Conversation_businessId_inProgress_lastTurnAt_idx" ON "Conversation"("businessId", "inProgress", "lastTurnAt");

