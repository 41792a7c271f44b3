-- CreateTable
CREATE TABLE "OwnerMessage" (
    "id" TEXT NOT NULL,
    "businessId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OwnerMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OwnerMessage_businessId_status_idx" ON "OwnerMessage"("businessId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "OwnerMessage_businessId_key_number_key" ON "OwnerMessage"("businessId", "key", "number");

-- AddForeignKey
ALTER TABLE "OwnerMessage" ADD CONSTRAINT "OwnerMessage_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

