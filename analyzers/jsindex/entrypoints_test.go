package jsindex_test

import (
	"context"
	"testing"

	"github.com/leakguard/leakguard/analyzers/jsindex"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

func entries(t *testing.T, path, src string) []jsindex.Entry {
	t.Helper()
	c := syntax.NewCache(syntax.DefaultLimits)
	t.Cleanup(c.Close)
	f, err := c.Parse(context.Background(), path, "sha-"+path, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return jsindex.Entries(f, path)
}

func TestEntries(t *testing.T) {
	cases := []struct {
		path, src string
		want      []string // kind:name
	}{
		{"app/api/chats/[id]/route.ts", "export async function GET(req: Request) {}\nexport const DELETE = withAuth(async (req) => {})\nconst h = async () => {}\nexport { h as PATCH }\nexport const dynamic = 'force-dynamic'\n",
			[]string{"route:GET", "route:DELETE", "route:PATCH"}},
		{"src/pages/api/users/index.ts", "async function handler(req, res) {}\nexport default withSession(handler)\n", []string{"pages-api:default"}},
		{"app/settings/actions.ts", "'use server'\nexport async function save(formData: FormData) {}\nexport const remove = async (id: string) => {}\n", []string{"server-action:save", "server-action:remove"}},
		{"app/page.tsx", "export default async function Page() {\n  async function act() { 'use server' }\n  return null\n}\n", []string{"page:default", "server-action:act"}},
		{"middleware.ts", "export function middleware(req) {}\nexport const config = { matcher: ['/dashboard/:path*'] }\n", []string{"middleware:middleware"}},
		{"server/routes.ts", "import express from 'express'\nconst r = express.Router()\nr.post('/api/x', requireAuth, async (req, res) => {})\n", []string{"server-route:POST /api/x"}},
		{"src/server/api/routers/post.ts", "export const postRouter = createTRPCRouter({\n  byId: protectedProcedure.input(s).query(({ ctx, input }) => 1),\n})\n", []string{"trpc:byId"}},
		{"components/Button.tsx", "'use client'\nexport default function Button() { return null }\n", nil},
	}
	for _, c := range cases {
		var got []string
		for _, e := range entries(t, c.path, c.src) {
			got = append(got, string(e.Kind)+":"+e.Name)
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: entries %v, want %v", c.path, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: entries %v, want %v", c.path, got, c.want)
				break
			}
		}
	}
}

func TestRouteOf(t *testing.T) {
	for in, want := range map[string]string{
		"app/api/chats/[id]/route.ts":           "/api/chats/[id]",
		"src/app/(dashboard)/settings/route.ts": "/settings",
		"app/route.ts":                          "/",
		"pages/api/users/index.ts":              "/api/users",
		"src/pages/api/stripe/webhook.ts":       "/api/stripe/webhook",
	} {
		if got := jsindex.RouteOf(in); got != want {
			t.Errorf("RouteOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMiddlewareMatchers(t *testing.T) {
	c := syntax.NewCache(syntax.DefaultLimits)
	defer c.Close()
	src := "export default auth\nexport const config = {\n  matcher: [\n    '/dashboard/:path*', // app\n    { source: '/api/:path*' },\n  ],\n}\n"
	f, err := c.Parse(context.Background(), "src/middleware.ts", "x", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	mc := jsindex.MiddlewareOf(f, "src/middleware.ts")
	if mc.Dynamic || len(mc.Matchers) != 2 || mc.Matchers[0].Pattern != "/dashboard/:path*" || mc.Matchers[1].Line != 5 {
		t.Errorf("matchers = %+v", mc)
	}
	if !jsindex.IsMiddlewarePath("src/proxy.ts") || !jsindex.IsMiddlewarePath("apps/web/middleware.ts") || jsindex.IsMiddlewarePath("lib/proxy.ts") {
		t.Errorf("IsMiddlewarePath")
	}
}
