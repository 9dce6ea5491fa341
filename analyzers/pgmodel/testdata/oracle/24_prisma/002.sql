ALTER TABLE "Post" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "author reads" ON "Post" FOR SELECT USING ("authorId" = (auth.uid())::text);
ALTER TABLE "Post" RENAME COLUMN "authorId" TO "ownerId";
ALTER TABLE "User" ADD COLUMN "Name" TEXT;
