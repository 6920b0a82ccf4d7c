-- AlterTable
ALTER TABLE "User" ADD COLUMN     "digestLeaseUntil" TIMESTAMP(3);
