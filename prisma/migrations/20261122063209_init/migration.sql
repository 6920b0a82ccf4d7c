-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Assignment" AS ENUM ('PROVIDER', 'CUSTOMER', 'SHARED', 'BEST_EFFORT', 'THIRD_PARTY', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "PartyRole" AS ENUM ('PROVIDER', 'CUSTOMER', 'THIRD_PARTY');

-- CreateEnum
CREATE TYPE "Plane" AS ENUM ('CONTROL', 'DATA');

-- CreateEnum
CREATE TYPE "ServiceCategory" AS ENUM ('IAAS', 'PAAS', 'SAAS', 'CAAS', 'FAAS', 'DBAAS', 'STAAS');

-- CreateEnum
CREATE TYPE "ComplianceKind" AS ENUM ('BASIS', 'FRAMEWORK');

-- CreateEnum
CREATE TYPE "ContactKind" AS ENUM ('EMAIL', 'URL', 'PHONE', 'OTHER');

-- CreateTable
CREATE TABLE "Provider" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "brandColor" TEXT NOT NULL,
    "isPrivate" BOOLEAN NOT NULL DEFAULT false,
    "sourceTitle" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "sourceDocument" TEXT NOT NULL,
    "sourceRetrieved" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Provider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Party" (
    "id" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "PartyRole" NOT NULL,
    "description" TEXT,
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Party_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" "ServiceCategory" NOT NULL,
    "summary" TEXT NOT NULL,
    "sourceSection" TEXT,
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResponsibilityArea" (
    "id" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "serviceId" TEXT,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "assignment" "Assignment" NOT NULL,
    "parties" TEXT[],
    "providerDuties" TEXT[],
    "customerDuties" TEXT[],
    "providerNotApplicable" BOOLEAN NOT NULL DEFAULT false,
    "customerNotApplicable" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT,
    "interpretation" TEXT,
    "layerId" TEXT,
    "plane" "Plane",
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ResponsibilityArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Layer" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "position" INTEGER NOT NULL,
    "assignment" "Assignment",
    "parties" TEXT[],
    "interpretation" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Layer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Component" (
    "id" TEXT NOT NULL,
    "layerId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "position" INTEGER NOT NULL,
    "assignment" "Assignment",
    "parties" TEXT[],
    "instances" INTEGER NOT NULL DEFAULT 1,
    "interpretation" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Component_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeploymentModel" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "parentId" TEXT,
    "position" INTEGER NOT NULL,
    "interpretation" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "DeploymentModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeploymentAssignment" (
    "id" TEXT NOT NULL,
    "deploymentModelId" TEXT NOT NULL,
    "componentId" TEXT,
    "areaId" TEXT,
    "assignment" "Assignment" NOT NULL,
    "parties" TEXT[],
    "interpretation" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "DeploymentAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NarrativeSection" (
    "id" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "NarrativeSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplianceReference" (
    "id" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "kind" "ComplianceKind" NOT NULL,
    "name" TEXT NOT NULL,
    "clause" TEXT,
    "notes" TEXT,
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ComplianceReference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactChannel" (
    "id" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "kind" "ContactKind" NOT NULL,
    "label" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "purpose" TEXT,
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ContactChannel_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Provider_slug_key" ON "Provider"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Party_providerId_key_key" ON "Party"("providerId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Service_providerId_slug_key" ON "Service"("providerId", "slug");

-- CreateIndex
CREATE INDEX "ResponsibilityArea_providerId_serviceId_position_idx" ON "ResponsibilityArea"("providerId", "serviceId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Layer_serviceId_key_key" ON "Layer"("serviceId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Component_layerId_key_key" ON "Component"("layerId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "DeploymentModel_serviceId_key_key" ON "DeploymentModel"("serviceId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "DeploymentAssignment_deploymentModelId_componentId_key" ON "DeploymentAssignment"("deploymentModelId", "componentId");

-- CreateIndex
CREATE UNIQUE INDEX "DeploymentAssignment_deploymentModelId_areaId_key" ON "DeploymentAssignment"("deploymentModelId", "areaId");

-- CreateIndex
CREATE UNIQUE INDEX "NarrativeSection_providerId_slug_key" ON "NarrativeSection"("providerId", "slug");

-- AddForeignKey
ALTER TABLE "Party" ADD CONSTRAINT "Party_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponsibilityArea" ADD CONSTRAINT "ResponsibilityArea_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponsibilityArea" ADD CONSTRAINT "ResponsibilityArea_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponsibilityArea" ADD CONSTRAINT "ResponsibilityArea_layerId_fkey" FOREIGN KEY ("layerId") REFERENCES "Layer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Layer" ADD CONSTRAINT "Layer_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Component" ADD CONSTRAINT "Component_layerId_fkey" FOREIGN KEY ("layerId") REFERENCES "Layer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentModel" ADD CONSTRAINT "DeploymentModel_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentModel" ADD CONSTRAINT "DeploymentModel_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "DeploymentModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentAssignment" ADD CONSTRAINT "DeploymentAssignment_deploymentModelId_fkey" FOREIGN KEY ("deploymentModelId") REFERENCES "DeploymentModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentAssignment" ADD CONSTRAINT "DeploymentAssignment_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentAssignment" ADD CONSTRAINT "DeploymentAssignment_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "ResponsibilityArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NarrativeSection" ADD CONSTRAINT "NarrativeSection_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceReference" ADD CONSTRAINT "ComplianceReference_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactChannel" ADD CONSTRAINT "ContactChannel_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE CASCADE ON UPDATE CASCADE;
