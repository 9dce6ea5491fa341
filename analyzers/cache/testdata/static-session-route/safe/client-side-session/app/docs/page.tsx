import { UserMenu } from "@/components/user-menu";
import { getDocsIndex } from "@/lib/docs";

export const dynamic = "force-static";

export default async function Docs() {
  const index = await getDocsIndex();
  return (
    <main>
      <UserMenu />
      <nav>{index.map((d) => <a key={d.href} href={d.href}>{d.title}</a>)}</nav>
    </main>
  );
}
