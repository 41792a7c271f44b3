-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN     "author" TEXT;

