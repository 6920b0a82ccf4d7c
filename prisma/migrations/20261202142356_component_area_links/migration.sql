-- AlterTable
ALTER TABLE "Component" ADD COLUMN     "areaInterpretation" TEXT,
ADD COLUMN     "areaKey" TEXT,
ADD COLUMN     "markerOn" TEXT;

-- AlterTable
ALTER TABLE "DeploymentModel" ADD COLUMN     "open" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Layer" ADD COLUMN     "areaInterpretation" TEXT,
ADD COLUMN     "areaKey" TEXT;
