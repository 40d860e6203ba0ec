-- CreateTable
CREATE TABLE "ReportColumnChoice" (
    "userId" TEXT NOT NULL,
    "columns" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportColumnChoice_pkey" PRIMARY KEY ("userId")
);

-- Written by hand (decision 062): the choice goes with its user, and the User model needs no back-relation.
ALTER TABLE "ReportColumnChoice" ADD CONSTRAINT "ReportColumnChoice_userId_fkey"
  FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
