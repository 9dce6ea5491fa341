package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/leakguard/leakguard/analyzers/analysistest"
	"github.com/leakguard/leakguard/checks"
)

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "leakguard-e2e")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "leakguard")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		panic("build leakguard: " + err.Error() + "\n" + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// Fake but well-formed credentials, built at run time so this file holds none.
var (
	liveKey    = "sk_live_" + "51Mz9QpLkT3vXa8RbHc2Jd7Wn4Ys6Ue1Fg0Ki5Oh9Pq3Rt8Sv2Xw7Yz1Ab4Cd6Ef"
	serviceJWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." +
		"eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImFiY2QiLCJyb2xlIjoic2VydmljZV9yb2xlIiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjIwMDAwMDAwMDB9." +
		"Qm9ndXNTaWduYXR1cmVGb3JUZXN0aW5nT25seTEyMzQ1"
	anonJWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." +
		"eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImFiY2QiLCJyb2xlIjoiYW5vbiIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoyMDAwMDAwMDAwfQ." +
		"QW5vblNpZ25hdHVyZUZvclRlc3RpbmdPbmx5MTIzNDU2"
)

type files map[string]string

func writeFiles(t *testing.T, dir string, fs files) {
	for name, content := range fs {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// prRepo makes a repository whose main branch has base and whose current
// branch "feature" adds head on top, like a pull request.
func prRepo(t *testing.T, base, head files) string {
	dir := t.TempDir()
	analysistest.Git(t, dir, "init", "-q", "-b", "main")
	writeFiles(t, dir, base)
	analysistest.Git(t, dir, "add", "-A")
	analysistest.Git(t, dir, "commit", "-q", "-m", "base")
	analysistest.Git(t, dir, "checkout", "-q", "-b", "feature")
	writeFiles(t, dir, head)
	analysistest.Git(t, dir, "add", "-A")
	analysistest.Git(t, dir, "commit", "-q", "-m", "head")
	return dir
}

var appBase = files{
	"package.json":           `{"name":"shop","dependencies":{"next":"15.0.3","@supabase/supabase-js":"2.45.0","stripe":"16.0.0"}}`,
	"tsconfig.json":          "{\n  // Next.js defaults\n  \"compilerOptions\": { \"baseUrl\": \".\", \"paths\": { \"@/*\": [\"./*\"] } },\n}\n",
	"lib/supabase/admin.ts":  "import { createClient } from '@supabase/supabase-js'\n\nexport const supabaseAdmin = createClient(\n  process.env.NEXT_PUBLIC_SUPABASE_URL!,\n  process.env.SUPABASE_SERVICE_ROLE_KEY!,\n)\n",
	"lib/supabase/client.ts": "import { createBrowserClient } from '@supabase/ssr'\n\nexport const supabase = createBrowserClient(\n  process.env.NEXT_PUBLIC_SUPABASE_URL!,\n  process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!,\n)\n",
	"components/Profile.tsx": "'use client'\nimport { useState } from 'react'\n\nexport function Profile() {\n  const [name] = useState('')\n  return <div>{name}</div>\n}\n",
}

func execScan(t *testing.T, dir string, args ...string) (string, string, int) {
	cmd := exec.Command(binary, append([]string{"scan"}, args...)...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

func TestScanReportsTheThreeLeaksAsNew(t *testing.T) {
	dir := prRepo(t, appBase, files{
		"app/api/checkout/route.ts": "import Stripe from 'stripe'\n\nconst stripe = new Stripe('" + liveKey + "')\n\nexport async function POST() {\n  const s = await stripe.checkout.sessions.create({ mode: 'payment' })\n  return Response.json({ url: s.url })\n}\n",
		".env.production":           "NEXT_PUBLIC_SUPABASE_URL=https://abcd.supabase.co\nNEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY=" + serviceJWT + "\n",
		"components/Profile.tsx":    "'use client'\nimport { useState } from 'react'\nimport { supabaseAdmin } from '@/lib/supabase/admin'\n\nexport function Profile() {\n  const [name] = useState('')\n  return <div onClick={() => supabaseAdmin.from('profiles').select()}>{name}</div>\n}\n",
	})
	out, stderr, code := execScan(t, dir, "--format", "json")
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr: %s", code, stderr)
	}
	var rep checks.JSONReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	want := map[string]string{
		"secrets/stripe-key@app/api/checkout/route.ts:3":                 "critical",
		"privileged-key/public-service-role@.env.production:2":           "critical",
		"privileged-key/admin-client-in-client@components/Profile.tsx:3": "critical",
	}
	for _, f := range rep.Findings {
		k := f.Rule + "@" + f.Path + ":" + strconv.Itoa(f.StartLine)
		if sev, ok := want[k]; ok {
			if f.Status != "new" || f.Severity != sev {
				t.Errorf("%s: status %s severity %s", k, f.Status, f.Severity)
			}
			delete(want, k)
		}
	}
	for k := range want {
		t.Errorf("missing finding %s in %s", k, out)
	}
	if rep.Stats.FilesChanged != 3 || rep.Head == "" || rep.Base == "" {
		t.Errorf("stats/base/head: %+v", rep)
	}
	// No output format shows a secret in full.
	for _, format := range []string{"json", "text", "sarif"} {
		o, _, _ := execScan(t, dir, "--format", format)
		for _, secret := range []string{liveKey, serviceJWT, liveKey[8:40], serviceJWT[40:90]} {
			if strings.Contains(o, secret) {
				t.Errorf("%s output contains a secret in full (%s…)", format, secret[:12])
			}
		}
	}
}

func TestScanSafeLookalikesPass(t *testing.T) {
	dir := prRepo(t, appBase, files{
		"app/api/checkout/route.ts": "import Stripe from 'stripe'\n\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY!)\n\nexport async function POST() {\n  const s = await stripe.checkout.sessions.create({ mode: 'payment' })\n  return Response.json({ url: s.url })\n}\n",
		".env.production":           "NEXT_PUBLIC_SUPABASE_URL=https://abcd.supabase.co\nNEXT_PUBLIC_SUPABASE_ANON_KEY=" + anonJWT + "\nNEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=pk_live_51Mz9QpLkT3vXa8RbHc2Jd7Wn4Ys6Ue1Fg0Ki5Oh9\n",
		".env.example":              "STRIPE_SECRET_KEY=sk_test_xxx\nSUPABASE_SERVICE_ROLE_KEY=your-service-role-key\n",
		"components/Profile.tsx":    "'use client'\nimport { useState } from 'react'\nimport { supabase } from '@/lib/supabase/client'\n\nexport function Profile() {\n  const [name] = useState('')\n  return <div onClick={() => supabase.from('profiles').select()}>{name}</div>\n}\n",
	})
	out, stderr, code := execScan(t, dir, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d, want 0; stderr %s; out %s", code, stderr, out)
	}
	var rep checks.JSONReport
	json.Unmarshal([]byte(out), &rep)
	if len(rep.Findings) != 0 {
		t.Errorf("safe change produced findings: %+v", rep.Findings)
	}
}

func TestScanExistingFindingsDoNotBlock(t *testing.T) {
	base := files{}
	for k, v := range appBase {
		base[k] = v
	}
	base["lib/stripe.ts"] = "import Stripe from 'stripe'\nexport const stripe = new Stripe('" + liveKey + "')\n"
	dir := prRepo(t, base, files{"lib/stripe.ts": "import Stripe from 'stripe'\n\n// moved down by an unrelated edit\nexport const stripe = new Stripe('" + liveKey + "')\n"})
	out, _, code := execScan(t, dir, "--format", "json")
	var rep checks.JSONReport
	json.Unmarshal([]byte(out), &rep)
	if code != 0 || len(rep.Findings) != 1 || rep.Findings[0].Status != "existing" || rep.Findings[0].StartLine != 4 {
		t.Fatalf("exit %d findings %+v; want one existing finding at line 4 and exit 0", code, rep.Findings)
	}
}

func TestScanUsageErrors(t *testing.T) {
	dir := prRepo(t, appBase, files{"README.md": "hi\n"})
	for _, args := range [][]string{{"--format", "xml"}, {"--base", "no-such-rev"}, {"--repo", t.TempDir()}, {"extra"}} {
		_, stderr, code := execScan(t, dir, args...)
		if code != 2 || stderr == "" {
			t.Errorf("scan %v: exit %d stderr %q, want 2 with a message", args, code, stderr)
		}
	}
}
