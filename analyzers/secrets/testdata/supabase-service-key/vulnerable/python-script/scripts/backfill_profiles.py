from supabase import create_client

SUPABASE_URL = "https://exqofyetrdxahxwxjgxn.supabase.co"
SUPABASE_KEY = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImV4cW9meWV0cmR4YWh4d3hqZ3huIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcxODAzNTIxNCwiZXhwIjoyMDMzNjExMjE0fQ.phCk0QM1_QukCa0Jc0slHyldezMJRH7UEgfCIRvZn_A"  # want secrets/supabase-service-key@critical

sb = create_client(SUPABASE_URL, SUPABASE_KEY)
for row in sb.table("profiles").select("id, email").is_("display_name", "null").execute().data:
    sb.table("profiles").update({"display_name": row["email"].split("@")[0]}).eq("id", row["id"]).execute()
