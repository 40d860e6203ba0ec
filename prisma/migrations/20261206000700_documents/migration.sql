-- CreateEnum
CREATE TYPE "DocumentDirection" AS ENUM ('HK_TO_MAINLAND', 'MAINLAND_TO_HK');

-- CreateEnum
CREATE TYPE "PlacementDocumentStatus" AS ENUM ('PENDING', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "StorageBackend" AS ENUM ('POSTGRES', 'S3');

-- CreateTable
CREATE TABLE "DocumentTemplateItem" (
    "id" TEXT NOT NULL,
    "direction" "DocumentDirection" NOT NULL,
    "code" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "labelZhHant" TEXT NOT NULL,
    "labelZhHans" TEXT NOT NULL,
    "needsNumber" BOOLEAN NOT NULL DEFAULT false,
    "needsExpiry" BOOLEAN NOT NULL DEFAULT false,
    "required" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DocumentTemplateItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlacementDocument" (
    "id" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "templateItemId" TEXT NOT NULL,
    "number" TEXT,
    "expiresOn" DATE,
    "fileId" TEXT,
    "status" "PlacementDocumentStatus" NOT NULL DEFAULT 'PENDING',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "PlacementDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
    "backend" "StorageBackend" NOT NULL,
    "contentType" TEXT NOT NULL,
    "extension" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA,
    "objectKey" TEXT,
    "etag" TEXT,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "officerName" TEXT NOT NULL,
    "officerNameZh" TEXT,
    "hostUnitNameEn" TEXT NOT NULL,
    "hostUnitNameZh" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "fileId" TEXT NOT NULL,
    "issuedById" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DocumentTemplateItem_direction_code_key" ON "DocumentTemplateItem"("direction", "code");

-- CreateIndex
CREATE UNIQUE INDEX "PlacementDocument_fileId_key" ON "PlacementDocument"("fileId");

-- CreateIndex
CREATE UNIQUE INDEX "PlacementDocument_placementId_templateItemId_key" ON "PlacementDocument"("placementId", "templateItemId");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_objectKey_key" ON "StoredFile"("objectKey");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_placementId_key" ON "Certificate"("placementId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_codeHash_key" ON "Certificate"("codeHash");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_fileId_key" ON "Certificate"("fileId");

-- AddForeignKey
ALTER TABLE "PlacementDocument" ADD CONSTRAINT "PlacementDocument_templateItemId_fkey" FOREIGN KEY ("templateItemId") REFERENCES "DocumentTemplateItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlacementDocument" ADD CONSTRAINT "PlacementDocument_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written (decision 095): references to the shared models, kept out of schema.prisma so this lane adds no
-- relation fields to Placement or User.
ALTER TABLE "PlacementDocument" ADD CONSTRAINT "PlacementDocument_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PlacementDocument" ADD CONSTRAINT "PlacementDocument_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "PlacementDocument_expiresOn_idx" ON "PlacementDocument"("expiresOn") WHERE "expiresOn" IS NOT NULL;

-- A stored file is in exactly one place: its bytes here, or an object key in S3.
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_location_check" CHECK (
  ("backend" = 'POSTGRES' AND "bytes" IS NOT NULL AND "objectKey" IS NULL)
  OR ("backend" = 'S3' AND "bytes" IS NULL AND "objectKey" IS NOT NULL)
);
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_size_check" CHECK ("size" >= 0);
ALTER TABLE "DocumentTemplateItem" ADD CONSTRAINT "DocumentTemplateItem_labels_check" CHECK (
  length(btrim("labelEn")) > 0 AND length(btrim("labelZhHant")) > 0 AND length(btrim("labelZhHans")) > 0
);
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_period_check" CHECK ("startDate" <= "endDate");

-- The issue's examples, as the starting checklists; admins maintain them at /admin/document-templates.
INSERT INTO "DocumentTemplateItem" ("id", "direction", "code", "labelEn", "labelZhHant", "labelZhHans", "needsNumber", "needsExpiry", "required", "sortOrder", "updatedAt") VALUES
  ('doctpl_hk_permit', 'HK_TO_MAINLAND', 'home-return-permit', 'Home Return Permit', '回鄉證', '回乡证', true, true, true, 10, CURRENT_TIMESTAMP),
  ('doctpl_hk_nomination', 'HK_TO_MAINLAND', 'nomination-form', 'Nomination form', '提名表格', '提名表格', false, false, true, 20, CURRENT_TIMESTAMP),
  ('doctpl_hk_undertaking', 'HK_TO_MAINLAND', 'undertaking', 'Undertaking', '承諾書', '承诺书', false, false, true, 30, CURRENT_TIMESTAMP),
  ('doctpl_ml_permit', 'MAINLAND_TO_HK', 'exit-entry-permit', 'Exit-entry Permit for Travelling to and from Hong Kong and Macao', '往來港澳通行證', '往来港澳通行证', true, true, true, 10, CURRENT_TIMESTAMP),
  ('doctpl_ml_endorsement', 'MAINLAND_TO_HK', 'endorsement', 'Endorsement', '簽注', '签注', true, true, true, 20, CURRENT_TIMESTAMP),
  ('doctpl_ml_entry_permit', 'MAINLAND_TO_HK', 'entry-permit', 'Entry permit', '入境許可', '入境许可', true, true, true, 30, CURRENT_TIMESTAMP);
