-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "tags" JSONB;

-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN     "key" TEXT;

-- CreateTable
CREATE TABLE "HostUser" (
    "id" TEXT NOT NULL,
    "businessId" TEXT NOT NULL,
    "identity" TEXT,
    "integration" TEXT,
    "name" TEXT,
    "pictureUrl" TEXT,
    "attributes" JSONB,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HostUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HostState" (
    "id" TEXT NOT NULL,
    "businessId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HostState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HostMessage" (
    "id" TEXT NOT NULL,
    "businessId" TEXT NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "conversationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "origin" TEXT,
    "key" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HostMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HostEvent" (
    "id" TEXT NOT NULL,
    "businessId" TEXT NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "conversationId" TEXT,
    "userId" TEXT,
    "messageId" TEXT,
    "status" TEXT NOT NULL,
    "failureReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HostEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HostUser_businessId_identity_key" ON "HostUser"("businessId", "identity");

-- CreateIndex
CREATE UNIQUE INDEX "HostState_businessId_type_ownerId_name_key" ON "HostState"("businessId", "type", "ownerId", "name");

-- CreateIndex
CREATE INDEX "HostMessage_conversationId_seq_idx" ON "HostMessage"("conversationId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "HostMessage_businessId_key_key" ON "HostMessage"("businessId", "key");

-- CreateIndex
CREATE INDEX "HostEvent_businessId_seq_idx" ON "HostEvent"("businessId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "OutboundMessage_businessId_key_key" ON "OutboundMessage"("businessId", "key");

-- AddForeignKey
ALTER TABLE "HostUser" ADD CONSTRAINT "HostUser_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostState" ADD CONSTRAINT "HostState_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostMessage" ADD CONSTRAINT "HostMessage_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostEvent" ADD CONSTRAINT "HostEvent_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

