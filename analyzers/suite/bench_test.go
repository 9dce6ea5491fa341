package suite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/analysistest"
	"github.com/leakguard/leakguard/analyzers/source"
	"github.com/leakguard/leakguard/analyzers/suite"
	"github.com/leakguard/leakguard/internal/benchrepo"
)

// bigChange builds a repository whose head adds and edits n files of a
// realistic Next.js app: route handlers, server actions, client components,
// library modules that import each other through the @/ alias.
func bigChange(b *testing.B, n int) (dir, base, head string) {
	dir = b.TempDir()
	analysistest.Git(b, dir, "init", "-q", "-b", "main")
	write := func(name, content string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	write("tsconfig.json", `{"compilerOptions":{"baseUrl":".","paths":{"@/*":["./*"]}}}`)
	write("package.json", `{"dependencies":{"next":"15.1.0","@supabase/supabase-js":"2.45.0"}}`)
	write("lib/supabase/server.ts", "import { createServerClient } from '@supabase/ssr'\nimport { cookies } from 'next/headers'\nexport async function createClient() {\n  const store = await cookies()\n  return createServerClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, { cookies: { getAll: () => store.getAll() } })\n}\n")
	for i := 0; i < n/2; i++ {
		write(fmt.Sprintf("lib/feature%d/data.ts", i), libModule(i, false))
	}
	analysistest.Git(b, dir, "add", "-A")
	analysistest.Git(b, dir, "commit", "-q", "-m", "base")
	base = strings.TrimSpace(analysistest.Git(b, dir, "rev-parse", "HEAD"))
	for i := 0; i < n/2; i++ {
		write(fmt.Sprintf("lib/feature%d/data.ts", i), libModule(i, true)) // modified
		switch i % 3 {
		case 0:
			write(fmt.Sprintf("app/api/feature%d/route.ts", i), routeHandler(i))
		case 1:
			write(fmt.Sprintf("components/Feature%d.tsx", i), clientComponent(i))
		default:
			write(fmt.Sprintf("app/feature%d/actions.ts", i), serverAction(i))
		}
	}
	analysistest.Git(b, dir, "add", "-A")
	analysistest.Git(b, dir, "commit", "-q", "-m", "head")
	head = strings.TrimSpace(analysistest.Git(b, dir, "rev-parse", "HEAD"))
	return dir, base, head
}

func libModule(i int, edited bool) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "import { createClient } from '@/lib/supabase/server'\n\nexport type Item%d = { id: string; title: string; owner_id: string }\n\n", i)
	for j := 0; j < 8; j++ {
		fmt.Fprintf(&sb, "export async function list%d_%d(limit = 20) {\n  const supabase = await createClient()\n  const { data: { user } } = await supabase.auth.getUser()\n  if (!user) throw new Error('unauthenticated')\n  const { data, error } = await supabase.from('items_%d').select('id, title').eq('owner_id', user.id).limit(limit)\n  if (error) throw error\n  return data as Item%d[]\n}\n\n", i, j, i, i)
	}
	if edited {
		fmt.Fprintf(&sb, "export const PAGE_SIZE_%d = 50\n", i)
	}
	return sb.String()
}

func routeHandler(i int) string {
	return fmt.Sprintf("import { NextResponse } from 'next/server'\nimport { createClient } from '@/lib/supabase/server'\nimport { list%d_0 } from '@/lib/feature%d/data'\n\nexport async function GET(request: Request) {\n  const { searchParams } = new URL(request.url)\n  const limit = Number(searchParams.get('limit') ?? 20)\n  const supabase = await createClient()\n  const { data: { user } } = await supabase.auth.getUser()\n  if (!user) return NextResponse.json({ error: 'unauthorized' }, { status: 401 })\n  const items = await list%d_0(limit)\n  return NextResponse.json({ items })\n}\n", i, i, i)
}

func clientComponent(i int) string {
	return fmt.Sprintf("'use client'\nimport { useEffect, useState } from 'react'\n\nexport function Feature%d() {\n  const [items, setItems] = useState<{ id: string; title: string }[]>([])\n  useEffect(() => {\n    fetch('/api/feature%d?limit=10').then((r) => r.json()).then((d) => setItems(d.items))\n  }, [])\n  return <ul>{items.map((it) => <li key={it.id}>{it.title}</li>)}</ul>\n}\n", i, i)
}

func serverAction(i int) string {
	return fmt.Sprintf("'use server'\nimport { revalidatePath } from 'next/cache'\nimport { createClient } from '@/lib/supabase/server'\n\nexport async function rename%d(formData: FormData) {\n  const supabase = await createClient()\n  const { data: { user } } = await supabase.auth.getUser()\n  if (!user) throw new Error('unauthenticated')\n  const title = String(formData.get('title') ?? '')\n  await supabase.from('items_%d').update({ title }).eq('owner_id', user.id).eq('id', String(formData.get('id')))\n  revalidatePath('/feature%d')\n}\n", i, i, i)
}

// BenchmarkScan1000Files reviews a 1,000-file change (500 modified library
// modules, 500 added routes, components and actions) with the default suite.
func BenchmarkScan1000Files(b *testing.B) {
	dir, base, head := bigChange(b, 1000)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ch, err := source.OpenGit(ctx, dir, base, head)
		if err != nil {
			b.Fatal(err)
		}
		res, err := (&analyzers.Engine{Analyzers: suite.Default()}).Run(ctx, ch, nil)
		ch.Close()
		if err != nil {
			b.Fatal(err)
		}
		if res.Stats.FilesChanged != 1000 {
			b.Fatalf("files changed %d", res.Stats.FilesChanged)
		}
		if i == 0 {
			b.ReportMetric(float64(len(res.Findings)), "findings")
		}
	}
}

// BenchmarkReviewByRepoSize reviews a 10-file pull request in generated
// Next.js + Supabase repositories of growing size: the cost should follow
// the change, not the repository.
func BenchmarkReviewByRepoSize(b *testing.B) {
	for _, size := range []int{1000, 2500, 5000} {
		b.Run(fmt.Sprintf("files=%d", size), func(b *testing.B) {
			repo, err := benchrepo.Generate(b.TempDir(), size, 10)
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				ch, err := source.OpenGit(ctx, repo.Dir, repo.Earlier, repo.PR)
				if err != nil {
					b.Fatal(err)
				}
				res, err := (&analyzers.Engine{Analyzers: suite.Default()}).Run(ctx, ch, nil)
				ch.Close()
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Findings) == 0 {
					b.Fatal("no findings: the generated regressions were missed")
				}
			}
		})
	}
}
