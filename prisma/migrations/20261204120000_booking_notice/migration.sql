-- AlterTable
ALTER TABLE "Booking" ADD COLUMN     "language" TEXT,
ADD COLUMN     "noticeDue" BOOLEAN NOT NULL DEFAULT false;

