-- CreateTable
CREATE TABLE "TrackedObligation" (
    "id" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "area" TEXT NOT NULL,
    "party" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "dutyText" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "approver" TEXT,
    "ownerId" TEXT,
    "dueDate" DATE,
    "evidenceLinks" TEXT[],
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrackedObligation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TrackedObligation_systemId_idx" ON "TrackedObligation"("systemId");

-- CreateIndex
CREATE INDEX "AuditEntry_targetType_targetId_at_idx" ON "AuditEntry"("targetType", "targetId", "at");

-- AddForeignKey
ALTER TABLE "TrackedObligation" ADD CONSTRAINT "TrackedObligation_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "System"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackedObligation" ADD CONSTRAINT "TrackedObligation_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
