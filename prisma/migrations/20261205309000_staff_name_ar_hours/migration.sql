-- AlterTable: staff carry their Arabic name and working hours where the provider gives them
ALTER TABLE "Staff" ADD COLUMN     "nameAr" TEXT,
ADD COLUMN     "hours" JSONB;
