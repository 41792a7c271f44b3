-- AlterTable
ALTER TABLE "Business" ADD COLUMN     "catalogVersion" INTEGER NOT NULL DEFAULT 0;
