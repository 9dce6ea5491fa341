package flow_test

import (
	"context"
	"errors"
	"sort"
	"strings"
	"testing"

	"github.com/leakguard/leakguard/analyzers/flow"
	"github.com/leakguard/leakguard/analyzers/jsindex"
	"github.com/leakguard/leakguard/analyzers/source"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

// memRepo is an in-memory revision for the index.
type memRepo struct {
	files map[string]string
	cache *syntax.Cache
}

func (m *memRepo) List(context.Context) ([]source.Entry, error) {
	var out []source.Entry
	for p := range m.files {
		out = append(out, source.Entry{Path: p})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

func (m *memRepo) Read(_ context.Context, p string) ([]byte, error) {
	s, ok := m.files[p]
	if !ok {
		return nil, source.ErrNotExist
	}
	return []byte(s), nil
}

func (m *memRepo) Parse(ctx context.Context, p string) (*syntax.File, error) {
	s, ok := m.files[p]
	if !ok {
		return nil, errors.New("no such file")
	}
	return m.cache.Parse(ctx, p, source.BlobSHA([]byte(s)), []byte(s))
}

// load builds a program over files and analyzes the entries of one of them.
func load(t *testing.T, files map[string]string, path string) []*flow.Func {
	t.Helper()
	repo := &memRepo{files: files, cache: syntax.NewCache(syntax.DefaultLimits)}
	t.Cleanup(repo.cache.Close)
	ix, err := jsindex.New(context.Background(), repo)
	if err != nil {
		t.Fatal(err)
	}
	prog := flow.NewProgram(ix, nil)
	f, err := ix.Parse(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []*flow.Func
	for _, e := range jsindex.Entries(f, path) {
		e := e
		out = append(out, prog.AnalyzeEntry(f, &e))
	}
	if len(out) == 0 {
		t.Fatalf("%s: no entry points", path)
	}
	return out
}

func TestRouteBodyOwnerIDThroughAdminClient(t *testing.T) {
	files := map[string]string{
		"tsconfig.json": `{"compilerOptions":{"paths":{"@/*":["./src/*"]}}}`,
		"src/lib/supabase/admin.ts": `import { createClient } from '@supabase/supabase-js'
export const supabaseAdmin = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!)
`,
		"src/app/api/chats/route.ts": `import { NextResponse } from 'next/server'
import { supabaseAdmin } from '@/lib/supabase/admin'

export async function POST(req: Request) {
  const body = await req.json()
  const { userId, title } = body
  const { data } = await supabaseAdmin.from('chats').select('*').eq('user_id', userId)
  return NextResponse.json(data)
}
`,
	}
	fns := load(t, files, "src/app/api/chats/route.ts")
	fa := fns[0]
	if len(fa.Queries) != 1 {
		t.Fatalf("queries = %d, want 1", len(fa.Queries))
	}
	q := fa.Queries[0]
	if q.Table != "chats" || q.Lib != flow.LibSupabase || !q.Client.Is(flow.Privileged) {
		t.Fatalf("query = %+v, client %+v", q, q.Client)
	}
	if len(q.Filters) != 1 || q.Filters[0].Name != "user_id" || !q.Filters[0].Value.Is(flow.Request) {
		t.Fatalf("filters = %+v", q.Filters)
	}
	if got := q.Filters[0].Value.Names(); len(got) != 1 || got[0] != "userId" {
		t.Errorf("names = %v", got)
	}
	if fa.Authenticated() {
		t.Errorf("no auth check expected: %+v", fa.AuthChecks)
	}
}

func TestSessionTiesAndIdentity(t *testing.T) {
	files := map[string]string{
		"app/api/chats/[id]/route.ts": `import { auth } from '@/auth'
import { prisma } from '@/lib/prisma'

export const GET = async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const session = await auth()
  if (!session?.user) return new Response('Unauthorized', { status: 401 })
  const { id } = await params
  const chat = await prisma.chat.findUnique({ where: { id } })
  if (chat?.userId !== session.user.id) return new Response('Not found', { status: 404 })
  const rows = await prisma.message.findMany({ where: { chatId: id, userId: session.user.id } })
  return Response.json({ chat, rows })
}
`,
		"lib/prisma.ts": `import { PrismaClient } from '@prisma/client'
export const prisma = new PrismaClient()
`,
	}
	fa := load(t, files, "app/api/chats/[id]/route.ts")[0]
	if !fa.GuardsAuth() {
		t.Errorf("auth guard not seen: %+v", fa.AuthChecks)
	}
	if len(fa.Queries) != 2 {
		t.Fatalf("queries = %d", len(fa.Queries))
	}
	q := fa.Queries[0]
	if q.Lib != flow.LibPrisma || q.Table != "chat" || !q.Privileged() || !q.OwnerChecked {
		t.Errorf("first query = %+v", q)
	}
	if !q.Filters[0].Value.Is(flow.Request) {
		t.Errorf("awaited params not request-derived: %+v", q.Filters[0].Value)
	}
	if !fa.Queries[1].FilteredBy(flow.Identity) {
		t.Errorf("second query should be filtered by the caller: %+v", fa.Queries[1].Filters)
	}
}

func TestServerActionArgsAndWrapper(t *testing.T) {
	files := map[string]string{
		"app/actions.ts": `'use server'
import { db } from '@/db'
import { projects } from '@/db/schema'
import { eq, and } from 'drizzle-orm'
import { requireUser } from '@/lib/auth'

export async function deleteProject(projectId: string, ownerId: string) {
  await db.delete(projects).where(and(eq(projects.id, projectId), eq(projects.ownerId, ownerId)))
}

export async function renameProject(formData: FormData) {
  const user = await requireUser()
  const id = formData.get('id') as string
  await db.update(projects).set({ name: String(formData.get('name')) }).where(and(eq(projects.id, id), eq(projects.ownerId, user.id)))
}
`,
		"db/index.ts": `import { drizzle } from 'drizzle-orm/node-postgres'
export const db = drizzle(process.env.DATABASE_URL!)
`,
		"lib/auth.ts": `import { createClient } from '@/utils/supabase/server'
import { redirect } from 'next/navigation'
export async function requireUser() {
  const supabase = await createClient()
  const { data: { user } } = await supabase.auth.getUser()
  if (!user) redirect('/login')
  return user
}
`,
		"utils/supabase/server.ts": `import { createServerClient } from '@supabase/ssr'
import { cookies } from 'next/headers'
export async function createClient() {
  const cookieStore = await cookies()
  return createServerClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, { cookies: { getAll() { return cookieStore.getAll() } } })
}
`,
		"tsconfig.json": `{"compilerOptions":{"baseUrl":".","paths":{"@/*":["./*"]}}}`,
	}
	fns := load(t, files, "app/actions.ts")
	if len(fns) != 2 {
		t.Fatalf("entries = %d", len(fns))
	}
	del, ren := fns[0], fns[1]
	if del.Authenticated() {
		t.Errorf("deleteProject has no auth")
	}
	q := del.Queries[0]
	if q.Lib != flow.LibDrizzle || q.Op != flow.OpDelete || q.Table != "projects" || len(q.Filters) != 2 {
		t.Fatalf("delete query = %+v", q)
	}
	if !q.Filters[1].Value.Is(flow.Request) || q.Filters[1].Name != "ownerId" {
		t.Errorf("ownerId filter = %+v", q.Filters[1])
	}
	if !ren.GuardsAuth() {
		t.Errorf("requireUser (one file away) not seen as a guard: %+v", ren.AuthChecks)
	}
	rq := ren.Queries[0]
	if !rq.FilteredBy(flow.Identity) || rq.Op != flow.OpUpdate {
		t.Errorf("rename query = %+v", rq)
	}
}

func TestUserScopedFactoryAcrossFiles(t *testing.T) {
	files := map[string]string{
		"utils/supabase/server.ts": `import { createServerClient } from '@supabase/ssr'
export async function createClient() {
  return createServerClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, { cookies: {} })
}
export function createAdminClient() {
  return createServerClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!, { cookies: {} })
}
`,
		"pages/api/notes.ts": `import type { NextApiRequest, NextApiResponse } from 'next'
import { createClient, createAdminClient } from '../../utils/supabase/server'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const supabase = await createClient()
  const admin = createAdminClient()
  const { data: { session } } = await supabase.auth.getSession()
  if (!session) return res.status(401).end()
  await supabase.from('notes').insert({ owner_id: req.query.owner as string, body: req.body.text })
  const { data } = await admin.from('notes').select().eq('id', ` + "`${req.query.id}`" + `)
  res.json(data)
}
`,
	}
	fa := load(t, files, "pages/api/notes.ts")[0]
	if len(fa.Queries) != 2 {
		t.Fatalf("queries = %d", len(fa.Queries))
	}
	if k := fa.Queries[0].ClientKind(); k != flow.ClientSupabaseUser {
		t.Errorf("createClient kind = %q", k)
	}
	if k := fa.Queries[1].ClientKind(); k != flow.ClientSupabaseService {
		t.Errorf("createAdminClient kind = %q", k)
	}
	d := fa.Queries[0].Data
	found := false
	for _, c := range d {
		if c.Name == "owner_id" && c.Value.Is(flow.Request) {
			found = true
		}
	}
	if !found {
		t.Errorf("owner_id not request-derived: %+v", d)
	}
	if len(fa.AuthChecks) == 0 || !fa.AuthChecks[0].Unverified {
		t.Errorf("getSession should be an unverified identity read: %+v", fa.AuthChecks)
	}
	if !fa.Queries[1].Filters[0].Value.Is(flow.Request) {
		t.Errorf("template filter lost the request label")
	}
}

func TestRawSQLParams(t *testing.T) {
	files := map[string]string{
		"app/api/invoices/route.ts": `import { sql } from '@vercel/postgres'
import { NextRequest } from 'next/server'
export async function GET(request: NextRequest) {
  const customerId = request.nextUrl.searchParams.get('customerId')
  const { rows } = await sql` + "`SELECT * FROM invoices WHERE customer_id = ${customerId}`" + `
  return Response.json(rows)
}
`,
	}
	fa := load(t, files, "app/api/invoices/route.ts")[0]
	if len(fa.Queries) != 1 {
		t.Fatalf("queries = %d", len(fa.Queries))
	}
	q := fa.Queries[0]
	if q.Lib != flow.LibSQL || q.Table != "invoices" || len(q.Filters) != 1 || q.Filters[0].Name != "customer_id" {
		t.Fatalf("query = %+v", q)
	}
	if n := q.Filters[0].Value.Names(); len(n) == 0 || n[0] != "customerId" {
		t.Errorf("names = %v", n)
	}
	if !strings.Contains(q.Filters[0].Value.OriginsOf(flow.Request)[0].Kind, "query") {
		t.Errorf("kind = %+v", q.Filters[0].Value.OriginsOf(flow.Request))
	}
}

func TestTRPCProcedure(t *testing.T) {
	files := map[string]string{
		"src/server/api/routers/invoice.ts": `import { z } from 'zod'
import { createTRPCRouter, protectedProcedure } from '@/server/api/trpc'

export const invoiceRouter = createTRPCRouter({
  byId: protectedProcedure
    .input(z.object({ id: z.string() }))
    .query(async ({ ctx, input }) => {
      return ctx.db.invoice.findUnique({ where: { id: input.id } })
    }),
})
`,
	}
	fa := load(t, files, "src/server/api/routers/invoice.ts")[0]
	if fa.Entry.Kind != jsindex.TRPC || fa.Entry.Name != "byId" {
		t.Fatalf("entry = %+v", fa.Entry)
	}
	if !fa.Authenticated() {
		t.Errorf("protectedProcedure not seen as auth: %+v", fa.AuthChecks)
	}
	if len(fa.Queries) != 1 {
		t.Fatalf("queries = %d", len(fa.Queries))
	}
	q := fa.Queries[0]
	if q.Lib != flow.LibPrisma || !q.Privileged() || len(q.Filters) != 1 || !q.Filters[0].Value.Is(flow.Request) {
		t.Fatalf("query = %+v filters %+v", q, q.Filters)
	}
	if len(fa.Returns) == 0 || len(fa.Returns[0].Value.OriginsOf(flow.Row)) == 0 {
		t.Errorf("returns = %+v", fa.Returns)
	}
}

func TestHelperQueriesMapArguments(t *testing.T) {
	files := map[string]string{
		"tsconfig.json": `{"compilerOptions":{"paths":{"@/*":["./*"]}}}`,
		"lib/db/queries.ts": `import { drizzle } from 'drizzle-orm/postgres-js'
import { eq } from 'drizzle-orm'
import { chat } from './schema'
const db = drizzle(process.env.POSTGRES_URL!)

export async function getChatById({ id }: { id: string }) {
  const [selected] = await db.select().from(chat).where(eq(chat.id, id))
  return selected
}
`,
		"app/api/chat/route.ts": `import { auth } from '@/app/(auth)/auth'
import { getChatById } from '@/lib/db/queries'

export async function GET(request: Request) {
  const id = new URL(request.url).searchParams.get('id')!
  const session = await auth()
  if (!session?.user) return new Response('Unauthorized', { status: 401 })
  const chat = await getChatById({ id })
  if (chat.userId !== session.user.id) return new Response('Forbidden', { status: 403 })
  return Response.json(chat)
}
`,
	}
	fa := load(t, files, "app/api/chat/route.ts")[0]
	if len(fa.Queries) != 1 {
		t.Fatalf("queries = %d, want the helper's one query mapped to the call", len(fa.Queries))
	}
	q := fa.Queries[0]
	if q.Line() != 8 || q.Table != "chat" || q.Lib != flow.LibDrizzle || !q.Privileged() {
		t.Errorf("query = line %d %+v", q.Line(), q)
	}
	if len(q.Filters) != 1 || !q.Filters[0].Value.Is(flow.Request) || q.Filters[0].Value.Names()[0] != "id" {
		t.Errorf("filter = %+v", q.Filters)
	}
	if !q.OwnerChecked {
		t.Errorf("the row returned by the helper was compared with the caller")
	}
}

func TestWrapperHandsCheckedRow(t *testing.T) {
	files := map[string]string{
		"lib/auth.ts": `import { getServerSession } from 'next-auth'
import { prisma } from './prisma'
export function withTeam(action: any) {
  return async (formData: FormData, teamId: string) => {
    const session = await getServerSession()
    if (!session) return { error: 'Not authenticated' }
    const team = await prisma.team.findFirst({ where: { id: teamId } })
    if (!team || team.ownerId !== session.user.id) return { error: 'Not authorized' }
    return action(formData, team)
  }
}
`,
		"lib/prisma.ts": `import { PrismaClient } from '@prisma/client'
export const prisma = new PrismaClient()
`,
		"app/actions.ts": `'use server'
import { withTeam } from '../lib/auth'
import { prisma } from '../lib/prisma'
export const renameTeam = withTeam(async (formData: FormData, team: { id: string }) => {
  await prisma.team.update({ where: { id: team.id }, data: { name: String(formData.get('name')) } })
})
`,
	}
	fa := load(t, files, "app/actions.ts")[0]
	if !fa.GuardsAuth() {
		t.Errorf("withTeam not seen as an auth wrapper: %+v", fa.AuthChecks)
	}
	if v := fa.Env("team"); v == nil || !v.Is(flow.Owned) || v.Is(flow.Request) {
		t.Errorf("team = %+v, want Owned (checked by the wrapper)", v)
	}
	if v := fa.Env("formData"); v == nil || !v.Is(flow.Request) {
		t.Errorf("formData = %+v, want Request", v)
	}
}
