-- AlterTable
ALTER TABLE "DeploymentAssignment" ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0;
