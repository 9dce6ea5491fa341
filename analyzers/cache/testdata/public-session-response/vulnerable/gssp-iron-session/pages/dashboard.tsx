import { getIronSession } from "iron-session";
import type { GetServerSideProps } from "next";
import { sessionOptions, type SessionData } from "@/lib/session";

export const getServerSideProps: GetServerSideProps = async ({ req, res }) => {
  const session = await getIronSession<SessionData>(req, res, sessionOptions);
  if (!session.user) return { redirect: { destination: "/login", permanent: false } };
  res.setHeader("Cache-Control", "public, s-maxage=10, stale-while-revalidate=59"); // want cache/public-session-response
  return { props: { user: session.user } };
};

export default function Dashboard({ user }: { user: { name: string } }) {
  return <h1>{user.name}</h1>;
}
