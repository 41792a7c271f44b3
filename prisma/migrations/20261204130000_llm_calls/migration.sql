-- CreateTable
CREATE TABLE "LlmCall" (
    "id" TEXT NOT NULL,
    "businessId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "conversationId" TEXT,
    "bookingId" TEXT,
    "purpose" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "failure" TEXT,
    "promptTokens" INTEGER NOT NULL DEFAULT 0,
    "completionTokens" INTEGER NOT NULL DEFAULT 0,
    "latencyMs" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LlmCall_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LlmCall_businessId_at_idx" ON "LlmCall"("businessId", "at");

-- CreateIndex
CREATE INDEX "LlmCall_conversationId_idx" ON "LlmCall"("conversationId");

-- CreateIndex
CREATE INDEX "LlmCall_bookingId_idx" ON "LlmCall"("bookingId");

-- AddForeignKey
ALTER TABLE "LlmCall" ADD CONSTRAINT "LlmCall_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

