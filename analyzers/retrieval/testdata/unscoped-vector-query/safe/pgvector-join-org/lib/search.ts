import { sql } from "./db";

export async function searchDocs(orgId: string, vector: string) {
  return sql`
    select d.id, d.title
    from documents d
    join projects p on p.id = d.project_id
    where p.org_id = ${orgId}
    order by d.embedding <=> ${vector}::vector
    limit 8`;
}
