-- CreateTable
CREATE TABLE "Holiday" (
    "id" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameZhHant" TEXT NOT NULL,
    "nameZhHans" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Holiday_side_date_key" ON "Holiday"("side", "date");

-- Integrity Prisma's schema cannot express (decision 064).
ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_side_known" CHECK ("side" IN ('HK', 'MAINLAND'));
ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_kind_known" CHECK ("kind" IN ('HOLIDAY', 'MAKE_UP_WORKDAY', 'WORKING_DAY'));
ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_names_present" CHECK (length(btrim("nameEn")) > 0 AND length(btrim("nameZhHant")) > 0 AND length(btrim("nameZhHans")) > 0);
ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_version_positive" CHECK ("version" >= 1);
