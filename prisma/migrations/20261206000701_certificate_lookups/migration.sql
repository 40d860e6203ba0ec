-- CreateTable
CREATE TABLE "CertificateLookup" (
    "id" BIGSERIAL NOT NULL,
    "ipAddress" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CertificateLookup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CertificateLookup_ipAddress_createdAt_idx" ON "CertificateLookup"("ipAddress", "createdAt");
