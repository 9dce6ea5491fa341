// Package benchrepo writes synthetic Next.js + Supabase repositories of a
// chosen size for benchmarks: app routes, server actions, server and client
// components, library modules importing each other through the tsconfig @/
// alias, Supabase migrations and env files. Three commits: the repository,
// an earlier pull request, and the pull request under review.
package benchrepo

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// filesPerFeature is how many files one feature folder set holds.
const filesPerFeature = 10

// kindsPerFeature is how many files of a feature a pull request edits.
const kindsPerFeature = 5

// Repo is a generated repository with its three commits.
type Repo struct {
	Dir string
	// Root is the repository as it was; Earlier adds an earlier pull
	// request (the review that fills a cache); PR the change under review.
	Root, Earlier, PR string
	Files             int // files at Root
	PRFiles           int // files the PR changes
}

// Generate writes a repository of about files files into dir (created) and
// commits a pull request changing prFiles of them.
func Generate(dir string, files, prFiles int) (*Repo, error) {
	if files < 100 {
		files = 100
	}
	features := (files - len(rootFiles())) / filesPerFeature
	if prFiles > features/2*kindsPerFeature {
		return nil, fmt.Errorf("a %d-file pull request needs a larger repository than %d files", prFiles, files)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	r := &Repo{Dir: dir}
	if err := r.git("init", "-q", "-b", "main"); err != nil {
		return nil, err
	}
	for _, kv := range [][2]string{{"user.name", "bench"}, {"user.email", "bench@example.com"}, {"commit.gpgsign", "false"}} {
		if err := r.git("config", kv[0], kv[1]); err != nil {
			return nil, err
		}
	}
	n := 0
	for name, content := range rootFiles() {
		if err := r.write(name, content); err != nil {
			return nil, err
		}
		n++
	}
	for i := 0; i < features; i++ {
		for name, content := range feature(i, features) {
			if err := r.write(name, content); err != nil {
				return nil, err
			}
			n++
		}
	}
	for ; n < files; n++ { // notes fill up to the exact size
		if err := r.write(fmt.Sprintf("docs/notes/%d.md", n), fmt.Sprintf("# Note %d\n\nMeeting notes.\n", n)); err != nil {
			return nil, err
		}
	}
	r.Files = n
	var err error
	if r.Root, err = r.commit("repository"); err != nil {
		return nil, err
	}
	// The earlier PR edits the first half of the features, the reviewed PR
	// the second half, so the two touch different files.
	if err := r.change(prFiles, 0, features/2, features, "earlier"); err != nil {
		return nil, err
	}
	if r.Earlier, err = r.commit("earlier pull request"); err != nil {
		return nil, err
	}
	if err := r.change(prFiles, features/2, features, features, "pr"); err != nil {
		return nil, err
	}
	if r.PR, err = r.commit("pull request"); err != nil {
		return nil, err
	}
	r.PRFiles = prFiles
	return r, nil
}

// change edits or adds n files of the features in [from, to): library
// modules, route handlers, client components, server actions and format
// modules in turn, with an occasional regression (a route trusting a body
// userId, a table without RLS) so the review has findings to report.
func (r *Repo) change(n, from, to, features int, tag string) error {
	span := to - from
	if n > span*kindsPerFeature {
		return fmt.Errorf("a %d-file pull request needs more than %d features", n, span)
	}
	for k := 0; k < n; k++ {
		i := from + (k/kindsPerFeature*7919)%span // 7919 is prime: distinct features, spread out
		var err error
		switch k % kindsPerFeature {
		case 0:
			err = r.write(fmt.Sprintf("lib/f%d/data.ts", i), libData(i, features, tag))
		case 1:
			if k%50 == 1 {
				err = r.write(fmt.Sprintf("app/api/f%d/route.ts", i), trustingRoute(i))
			} else {
				err = r.write(fmt.Sprintf("app/api/f%d/route.ts", i), route(i, tag))
			}
		case 2:
			err = r.write(fmt.Sprintf("components/f%d/View.tsx", i), view(i, features, tag))
		case 3:
			if k%50 == 3 {
				err = r.write(fmt.Sprintf("supabase/migrations/2%07d_%s_f%d.sql", k, tag, i), openTable(i, tag))
			} else {
				err = r.write(fmt.Sprintf("app/(app)/f%d/actions.ts", i), actions(i, tag))
			}
		case 4:
			err = r.write(fmt.Sprintf("lib/f%d/format.ts", i), format(i, (i+features-1)%features)+"\n// "+tag+"\n")
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (r *Repo) write(name, content string) error {
	p := filepath.Join(r.Dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(content), 0o644)
}

func (r *Repo) commit(msg string) (string, error) {
	if err := r.git("add", "-A"); err != nil {
		return "", err
	}
	if err := r.git("commit", "-q", "-m", msg); err != nil {
		return "", err
	}
	out, err := r.output("rev-parse", "HEAD")
	return strings.TrimSpace(out), err
}

func (r *Repo) git(args ...string) error {
	_, err := r.output(args...)
	return err
}

func (r *Repo) output(args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = r.Dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("git %s: %v: %s", args[0], err, strings.TrimSpace(stderr.String()))
	}
	return string(out), nil
}

func rootFiles() map[string]string {
	return map[string]string{
		"package.json":         `{"name":"bench-app","private":true,"dependencies":{"next":"15.1.0","react":"19.0.0","@supabase/supabase-js":"2.45.0","@supabase/ssr":"0.5.2","server-only":"0.0.1"}}` + "\n",
		"tsconfig.json":        "{\n  // path aliases as create-next-app writes them\n  \"compilerOptions\": {\n    \"strict\": true,\n    \"baseUrl\": \".\",\n    \"paths\": { \"@/*\": [\"./*\"] },\n  },\n}\n",
		"next.config.js":       "/** @type {import('next').NextConfig} */\nmodule.exports = { reactStrictMode: true }\n",
		".env.example":         "NEXT_PUBLIC_SUPABASE_URL=https://your-project.supabase.co\nNEXT_PUBLIC_SUPABASE_ANON_KEY=your-anon-key\nSUPABASE_SERVICE_ROLE_KEY=\nSTRIPE_SECRET_KEY=\n",
		"supabase/config.toml": "project_id = \"bench\"\n[api]\nschemas = [\"public\"]\n",
		"middleware.ts": `import { NextResponse, type NextRequest } from 'next/server'
import { createServerClient } from '@supabase/ssr'

export async function middleware(request: NextRequest) {
  const response = NextResponse.next()
  const supabase = createServerClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, {
    cookies: { getAll: () => request.cookies.getAll(), setAll: (c) => c.forEach(({ name, value }) => response.cookies.set(name, value)) },
  })
  const { data: { user } } = await supabase.auth.getUser()
  if (!user && request.nextUrl.pathname.startsWith('/f')) {
    return NextResponse.redirect(new URL('/login', request.url))
  }
  return response
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] }
`,
		"lib/supabase/server.ts": `import 'server-only'
import { createServerClient } from '@supabase/ssr'
import { cookies } from 'next/headers'

export async function createClient() {
  const store = await cookies()
  return createServerClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, {
    cookies: { getAll: () => store.getAll(), setAll: (c) => c.forEach(({ name, value, options }) => store.set(name, value, options)) },
  })
}
`,
		"lib/supabase/client.ts": `import { createBrowserClient } from '@supabase/ssr'

export function createClient() {
  return createBrowserClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!)
}
`,
		"lib/supabase/admin.ts": `import 'server-only'
import { createClient } from '@supabase/supabase-js'

export const supabaseAdmin = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!)
`,
		"lib/utils/text.ts": `export function clamp(s: string, n: number) {
  return s.length > n ? s.slice(0, n - 1) + '…' : s
}
`,
		"components/ui/button.tsx": `'use client'
import type { ButtonHTMLAttributes } from 'react'

export function Button(props: ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button className="rounded px-3 py-1" {...props} />
}
`,
		"app/layout.tsx": `export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
`,
	}
}

// feature returns the ten files of feature i: a page, a route handler,
// server actions, two client components, data and format modules, types,
// a hook, and a migration, a test or a doc.
func feature(i, features int) map[string]string {
	prev := (i + features - 1) % features
	out := map[string]string{
		fmt.Sprintf("app/(app)/f%d/page.tsx", i):   page(i),
		fmt.Sprintf("app/api/f%d/route.ts", i):     route(i, ""),
		fmt.Sprintf("app/(app)/f%d/actions.ts", i): actions(i, ""),
		fmt.Sprintf("components/f%d/View.tsx", i):  view(i, features, ""),
		fmt.Sprintf("components/f%d/Form.tsx", i):  form(i),
		fmt.Sprintf("lib/f%d/data.ts", i):          libData(i, features, ""),
		fmt.Sprintf("lib/f%d/format.ts", i):        format(i, prev),
		fmt.Sprintf("lib/f%d/types.ts", i):         types(i),
		fmt.Sprintf("hooks/f%d/useItems.ts", i):    hook(i),
	}
	switch i % 3 {
	case 0:
		out[fmt.Sprintf("supabase/migrations/1%07d_f%d.sql", i, i)] = migration(i)
	case 1:
		out[fmt.Sprintf("lib/f%d/format.test.ts", i)] = test(i)
	default:
		out[fmt.Sprintf("docs/f%d.md", i)] = fmt.Sprintf("# Feature %d\n\nLists and renames the items of feature %d. Rows belong to their owner; see lib/f%d/data.ts.\n", i, i, i)
	}
	return out
}

func page(i int) string {
	return fmt.Sprintf(`import { redirect } from 'next/navigation'
import { createClient } from '@/lib/supabase/server'
import { listItems } from '@/lib/f%[1]d/data'
import { View } from '@/components/f%[1]d/View'
import { Form } from '@/components/f%[1]d/Form'

export default async function Page() {
  const supabase = await createClient()
  const { data: { user } } = await supabase.auth.getUser()
  if (!user) redirect('/login')
  const items = await listItems(user.id)
  return (
    <main>
      <h1>Feature %[1]d</h1>
      <View items={items} />
      <Form />
    </main>
  )
}
`, i)
}

func route(i int, tag string) string {
	extra := ""
	if tag != "" {
		extra = fmt.Sprintf("\n// %s: page size is capped\nconst MAX_LIMIT = 100\n", tag)
	}
	return fmt.Sprintf(`import { NextResponse } from 'next/server'
import { createClient } from '@/lib/supabase/server'
import { listItems, renameItem } from '@/lib/f%[1]d/data'
%[2]s
export async function GET(request: Request) {
  const supabase = await createClient()
  const { data: { user } } = await supabase.auth.getUser()
  if (!user) return NextResponse.json({ error: 'unauthorized' }, { status: 401 })
  const limit = Number(new URL(request.url).searchParams.get('limit') ?? 20)
  const items = await listItems(user.id, limit)
  return NextResponse.json({ items })
}

export async function POST(request: Request) {
  const supabase = await createClient()
  const { data: { user } } = await supabase.auth.getUser()
  if (!user) return NextResponse.json({ error: 'unauthorized' }, { status: 401 })
  const body = await request.json()
  await renameItem(user.id, String(body.id), String(body.title))
  return NextResponse.json({ ok: true })
}
`, i, extra)
}

// trustingRoute reads rows of the owner the request names: the regression
// a review must report.
func trustingRoute(i int) string {
	return fmt.Sprintf(`import { NextResponse } from 'next/server'
import { supabaseAdmin } from '@/lib/supabase/admin'

export async function POST(request: Request) {
  const { userId } = await request.json()
  const { data } = await supabaseAdmin.from('items_f%d').select('*').eq('owner_id', userId)
  return NextResponse.json({ items: data })
}
`, i)
}

func actions(i int, tag string) string {
	extra := ""
	if tag != "" {
		extra = fmt.Sprintf("  // %s: titles are trimmed\n", tag)
	}
	return fmt.Sprintf(`'use server'
import { revalidatePath } from 'next/cache'
import { createClient } from '@/lib/supabase/server'

export async function rename(formData: FormData) {
  const supabase = await createClient()
  const { data: { user } } = await supabase.auth.getUser()
  if (!user) throw new Error('unauthenticated')
%[2]s  const title = String(formData.get('title') ?? '').trim()
  await supabase.from('items_f%[1]d').update({ title }).eq('owner_id', user.id).eq('id', String(formData.get('id')))
  revalidatePath('/f%[1]d')
}

export async function remove(formData: FormData) {
  const supabase = await createClient()
  const { data: { user } } = await supabase.auth.getUser()
  if (!user) throw new Error('unauthenticated')
  await supabase.from('items_f%[1]d').delete().eq('owner_id', user.id).eq('id', String(formData.get('id')))
  revalidatePath('/f%[1]d')
}
`, i, extra)
}

func view(i, features int, tag string) string {
	other := (i*7 + 3) % features
	extra := ""
	if tag != "" {
		extra = fmt.Sprintf("      <p>%s</p>\n", tag)
	}
	return fmt.Sprintf(`'use client'
import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { formatTitle } from '@/lib/f%[1]d/format'
import { formatDate } from '@/lib/f%[2]d/format'
import type { Item } from '@/lib/f%[1]d/types'
import { useItems } from '@/hooks/f%[1]d/useItems'

export function View({ items }: { items: Item[] }) {
  const [open, setOpen] = useState(false)
  const live = useItems(items)
  return (
    <section>
%[3]s      <Button onClick={() => setOpen(!open)}>{open ? 'Hide' : 'Show'}</Button>
      {open && (
        <ul>
          {live.map((it) => (
            <li key={it.id}>
              {formatTitle(it.title)} <small>{formatDate(it.created_at)}</small>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
`, i, other, extra)
}

func form(i int) string {
	return fmt.Sprintf(`'use client'
import { useTransition } from 'react'
import { rename } from '@/app/(app)/f%[1]d/actions'
import { Button } from '@/components/ui/button'

export function Form() {
  const [pending, start] = useTransition()
  return (
    <form action={(fd) => start(() => rename(fd))}>
      <input name="id" type="hidden" />
      <input name="title" placeholder="New title" />
      <Button disabled={pending}>Rename</Button>
    </form>
  )
}
`, i)
}

func libData(i, features int, tag string) string {
	dep := (i*13 + 5) % features
	extra := ""
	if tag != "" {
		extra = fmt.Sprintf("\n// %s: exported for the export job\nexport const EXPORT_BATCH_F%d = 500\n", tag, i)
	}
	return fmt.Sprintf(`import 'server-only'
import { createClient } from '@/lib/supabase/server'
import type { Item } from '@/lib/f%[1]d/types'
import { countItems as countOther } from '@/lib/f%[2]d/data'

export async function listItems(ownerId: string, limit = 20): Promise<Item[]> {
  const supabase = await createClient()
  const { data, error } = await supabase.from('items_f%[1]d').select('id, title, created_at').eq('owner_id', ownerId).limit(limit)
  if (error) throw error
  return data as Item[]
}

export async function renameItem(ownerId: string, id: string, title: string) {
  const supabase = await createClient()
  const { error } = await supabase.from('items_f%[1]d').update({ title }).eq('owner_id', ownerId).eq('id', id)
  if (error) throw error
}

export async function countItems(ownerId: string) {
  const supabase = await createClient()
  const { count } = await supabase.from('items_f%[1]d').select('*', { count: 'exact', head: true }).eq('owner_id', ownerId)
  return count ?? 0
}

export async function summary(ownerId: string) {
  return { mine: await countItems(ownerId), related: await countOther(ownerId) }
}
%[3]s`, i, dep, extra)
}

func format(i, prev int) string {
	return fmt.Sprintf(`import { clamp } from '@/lib/utils/text'
import type { Item } from '@/lib/f%[2]d/types'

export function formatTitle(title: string) {
  return clamp(title.trim(), 80)
}

export function formatDate(iso: string) {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })
}

export function clamp%[1]d(s: string, n: number) {
  return s.length > n ? s.slice(0, n - 1) + '…' : s
}

export function titles(items: Item[]) {
  return items.map((it) => formatTitle(it.title))
}
`, i, prev)
}

func types(i int) string {
	return fmt.Sprintf("export type Item = {\n  id: string\n  title: string\n  owner_id: string\n  created_at: string\n}\n\nexport type ItemPatch%d = Partial<Pick<Item, 'title'>>\n", i)
}

func hook(i int) string {
	return fmt.Sprintf(`'use client'
import { useEffect, useState } from 'react'
import { createClient } from '@/lib/supabase/client'
import type { Item } from '@/lib/f%[1]d/types'

export function useItems(initial: Item[]) {
  const [items, setItems] = useState(initial)
  useEffect(() => {
    const supabase = createClient()
    const channel = supabase
      .channel('items_f%[1]d')
      .on('postgres_changes', { event: '*', schema: 'public', table: 'items_f%[1]d' }, async () => {
        const { data } = await supabase.from('items_f%[1]d').select('id, title, owner_id, created_at')
        if (data) setItems(data)
      })
      .subscribe()
    return () => { supabase.removeChannel(channel) }
  }, [])
  return items
}
`, i)
}

func migration(i int) string {
	return fmt.Sprintf(`create table public.items_f%[1]d (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references auth.users (id) on delete cascade,
  title text not null,
  created_at timestamptz not null default now()
);

alter table public.items_f%[1]d enable row level security;

create policy "owners read items_f%[1]d" on public.items_f%[1]d
  for select to authenticated using ((select auth.uid()) = owner_id);
create policy "owners write items_f%[1]d" on public.items_f%[1]d
  for all to authenticated using ((select auth.uid()) = owner_id) with check ((select auth.uid()) = owner_id);

create index items_f%[1]d_owner_idx on public.items_f%[1]d (owner_id);
`, i)
}

// openTable adds a table in the exposed schema without row-level security.
func openTable(i int, tag string) string {
	return fmt.Sprintf(`create table public.notes_%[2]s_f%[1]d (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references auth.users (id),
  body text not null
);
`, i, tag)
}

func test(i int) string {
	return fmt.Sprintf(`import { describe, expect, it } from 'vitest'
import { formatTitle } from '@/lib/f%[1]d/format'

describe('formatTitle %[1]d', () => {
  it('trims', () => {
    expect(formatTitle('  a  ')).toBe('a')
  })
})
`, i)
}
