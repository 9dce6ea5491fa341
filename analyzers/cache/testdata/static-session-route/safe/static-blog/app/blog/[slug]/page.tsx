import { getPost, listSlugs } from "@/lib/posts";

export const dynamic = "force-static";

export async function generateStaticParams() {
  return (await listSlugs()).map((slug) => ({ slug }));
}

export default async function Post({ params }: { params: Promise<{ slug: string }> }) {
  const post = await getPost((await params).slug);
  return <article dangerouslySetInnerHTML={{ __html: post.html }} />;
}
