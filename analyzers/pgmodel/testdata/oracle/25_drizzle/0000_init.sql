CREATE TABLE IF NOT EXISTS "todos" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"text" text NOT NULL,
	"done" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
DO $$ BEGIN
 ALTER TABLE "todos" ADD CONSTRAINT "todos_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;
--> statement-breakpoint
ALTER TABLE "todos" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "crud-own-todos" ON "todos" AS PERMISSIVE FOR ALL TO "authenticated" USING ((select auth.uid()) = "todos"."user_id") WITH CHECK ((select auth.uid()) = "todos"."user_id");
