package checks

import (
	"fmt"
	"strings"
	"testing"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/source"
)

var (
	ruleKey  = &analyzers.Rule{ID: "secrets/stripe-key", Category: analyzers.CategorySecrets, Severity: analyzers.Critical}
	ruleLog  = &analyzers.Rule{ID: "logging/request-body", Category: analyzers.CategoryLogging, Severity: analyzers.Medium}
	ruleCORS = &analyzers.Rule{ID: "cache/public-session", Category: analyzers.CategoryCache, Severity: analyzers.High}
)

func finding(r *analyzers.Rule, st analyzers.Status, path string, start, end int, id string) *analyzers.Finding {
	fp := fmt.Sprintf("%064x", len(id)*7919+start)
	if len(id) > 3 {
		fp = strings.Repeat(id[3:4], 64)
	}
	return &analyzers.Finding{Rule: r, Severity: r.Severity, Path: path, StartLine: start, EndLine: end, Status: st,
		Message: "what happens to whom", Fix: "what to do", ID: id, Fingerprint: fp}
}

func result(fs ...*analyzers.Finding) *analyzers.Result {
	return &analyzers.Result{Findings: fs, BlockOn: analyzers.High, Stats: analyzers.Stats{FilesChanged: 3, FilesAnalyzed: 2}}
}

func TestConclusion(t *testing.T) {
	blocking := finding(ruleKey, analyzers.StatusNew, "a.ts", 3, 3, "LG-aaaaaaaaaa")
	for _, tc := range []struct {
		name    string
		res     *analyzers.Result
		ignores map[string]Ignore
		want    string
	}{
		{"new critical fails", result(blocking), nil, ConclusionFailure},
		{"new medium passes", result(finding(ruleLog, analyzers.StatusNew, "a.ts", 1, 1, "LG-bbbbbbbbbb")), nil, ConclusionSuccess},
		{"existing critical passes", result(finding(ruleKey, analyzers.StatusExisting, "a.ts", 1, 1, "LG-cccccccccc")), nil, ConclusionSuccess},
		{"ignored passes", result(blocking), map[string]Ignore{"LG-aaaaaaaaaa": {Actor: "x", Reason: "y"}}, ConclusionSuccess},
		{"warn-only is neutral", func() *analyzers.Result { r := result(blocking); r.WarnOnly = true; return r }(), nil, ConclusionNeutral},
		{"nothing passes", result(), nil, ConclusionSuccess},
	} {
		if got := Conclusion(tc.res, tc.ignores); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
		if got := CheckRun(tc.res, CheckOptions{Ignores: tc.ignores}).Conclusion; got != tc.want {
			t.Errorf("%s: CheckRun conclusion %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestCheckRunOutput(t *testing.T) {
	res := result(
		finding(ruleKey, analyzers.StatusNew, "app/pay.ts", 4, 4, "LG-1111111111"),
		finding(ruleLog, analyzers.StatusNew, "app/log.ts", 9, 12, "LG-2222222222"),
		finding(ruleCORS, analyzers.StatusNew, "app/ignored.ts", 2, 2, "LG-3333333333"),
		finding(ruleLog, analyzers.StatusExisting, "app/old.ts", 5, 5, "LG-4444444444"),
		finding(ruleKey, analyzers.StatusFixed, "app/gone.ts", 8, 8, "LG-5555555555"),
	)
	res.Skipped = []analyzers.Skipped{{Path: "logo.png", Reason: "binary file"}}
	res.Notices = []string{"GitHub lists at most 3,000 files"}
	out := CheckRun(res, CheckOptions{Ignores: map[string]Ignore{"LG-3333333333": {Actor: "maint", Reason: "CDN strips it"}}})
	if out.Conclusion != ConclusionFailure || out.Title != "1 blocking finding at or above high" {
		t.Errorf("conclusion %s, title %q", out.Conclusion, out.Title)
	}
	for _, want := range []string{"**3 new** · 1 existing", "1 ignored", "| `secrets` | 1 | 0 | 0 | 0 |", "ignored by @maint: CDN strips it",
		"### Fixed by this change", "`logo.png`: binary file", "GitHub lists at most 3,000 files", "2 of 3 changed files"} {
		if !strings.Contains(out.Summary, want) {
			t.Errorf("summary lacks %q:\n%s", want, out.Summary)
		}
	}
	levels := map[string]string{}
	for _, a := range out.Annotations {
		levels[a.Path] = a.Level
	}
	want := map[string]string{"app/pay.ts": LevelFailure, "app/log.ts": LevelWarning, "app/ignored.ts": LevelWarning, "app/old.ts": LevelNotice}
	if fmt.Sprint(levels) != fmt.Sprint(want) {
		t.Errorf("annotation levels %v, want %v (fixed findings have no head line)", levels, want)
	}
	if out.Annotations[0].Path != "app/pay.ts" {
		t.Error("blocking annotations come first")
	}
}

func TestSummaryStaysUnderGitHubLimit(t *testing.T) {
	var fs []*analyzers.Finding
	for i := 0; i < 3000; i++ {
		f := finding(ruleKey, analyzers.StatusNew, fmt.Sprintf("app/very/long/path/to/a/file/number/%d/route.ts", i), i+1, i+1, fmt.Sprintf("LG-%010x", i))
		f.Message = strings.Repeat("a long message ", 20)
		fs = append(fs, f)
	}
	out := CheckRun(result(fs...), CheckOptions{})
	if len(out.Summary) > MaxSummaryBytes {
		t.Fatalf("summary is %d bytes", len(out.Summary))
	}
	if !strings.Contains(out.Summary, "shortened to fit") || !strings.Contains(out.Summary, "…and ") {
		t.Error("a shortened summary says so")
	}
	if len(out.Annotations) != MaxAnnotations || out.DroppedAnnotations != 3000-MaxAnnotations {
		t.Errorf("%d annotations, %d dropped", len(out.Annotations), out.DroppedAnnotations)
	}
	batches := Batches(out.Annotations)
	if len(batches) != MaxAnnotations/AnnotationsPerRequest {
		t.Errorf("%d batches", len(batches))
	}
	for _, b := range batches {
		if len(b) > AnnotationsPerRequest {
			t.Errorf("batch of %d", len(b))
		}
	}
	if f := Failed(strings.Repeat("x", 100000)); len(f.Summary) > MaxSummaryBytes || f.Conclusion != ConclusionFailure {
		t.Errorf("failed output: %d bytes, %s", len(f.Summary), f.Conclusion)
	}
}

func TestReviewComments(t *testing.T) {
	m := Marker{Key: []byte("server-key")}
	sug := "const key = process.env.STRIPE_SECRET_KEY!"
	whole := finding(ruleKey, analyzers.StatusNew, "a.ts", 4, 4, "LG-aaaaaaaaaa")
	whole.Suggestion = &sug
	ranged := finding(ruleCORS, analyzers.StatusNew, "a.ts", 10, 12, "LG-bbbbbbbbbb")
	partly := finding(ruleCORS, analyzers.StatusNew, "a.ts", 19, 21, "LG-cccccccccc") // only 21 added
	partly.Suggestion = &sug
	outside := finding(ruleCORS, analyzers.StatusNew, "a.ts", 40, 40, "LG-dddddddddd")
	noPatch := finding(ruleCORS, analyzers.StatusNew, "huge.ts", 1, 1, "LG-eeeeeeeeee")
	posted := finding(ruleCORS, analyzers.StatusNew, "a.ts", 4, 4, "LG-ffffffffff")
	ignored := finding(ruleCORS, analyzers.StatusNew, "a.ts", 11, 11, "LG-0000000000")
	existing := finding(ruleCORS, analyzers.StatusExisting, "a.ts", 4, 4, "LG-9999999999")
	files := []*source.File{
		{Path: "a.ts", Status: source.Modified, Added: []source.LineRange{{Start: 1, End: 12}, {Start: 21, End: 21}}},
		{Path: "huge.ts", Status: source.Modified, NoPatch: true},
	}
	res := result(whole, ranged, partly, outside, noPatch, posted, ignored, existing)
	cs, over := ReviewComments(res, files, map[string]bool{posted.Fingerprint: true}, map[string]Ignore{"LG-0000000000": {}}, m)
	if over != 0 || len(cs) != 3 {
		t.Fatalf("%d comments (%d over), want 3: %+v", len(cs), over, cs)
	}
	if cs[0].Line != 4 || cs[0].StartLine != 0 || !strings.Contains(cs[0].Body, "```suggestion\n"+sug+"\n```") {
		t.Errorf("single-line comment with suggestion: %+v", cs[0])
	}
	if cs[1].Line != 12 || cs[1].StartLine != 10 || cs[1].Side != SideRight {
		t.Errorf("range comment: %+v", cs[1])
	}
	if cs[2].Line != 21 || strings.Contains(cs[2].Body, "```suggestion") {
		t.Errorf("a partly changed finding is commented on its changed line, without a suggestion that would replace unseen lines: %+v", cs[2])
	}
	if !strings.Contains(cs[0].Body, "**leakguard · [secrets/stripe-key]("+RulesDoc+"#secretsstripe-key) · critical**") {
		t.Errorf("comment heading: %s", cs[0].Body)
	}
	for _, c := range cs {
		if fp, ok := m.Parse(c.Body); !ok || fp != c.Fingerprint {
			t.Errorf("marker does not verify: %s", c.Body)
		}
	}
}

func TestMarkerCannotBeForged(t *testing.T) {
	m := Marker{Key: []byte("server-key")}
	fp := strings.Repeat("ab", 32)
	if got, ok := m.Parse("text " + m.Format(fp)); !ok || got != fp {
		t.Fatal("own marker does not verify")
	}
	other := Marker{Key: []byte("attacker-key")}
	if _, ok := m.Parse(other.Format(fp)); ok {
		t.Error("a marker made with another key verifies")
	}
	forged := strings.Replace(m.Format(fp), "mac=", "mac=0", 1)
	if _, ok := m.Parse(forged); ok {
		t.Error("a tampered marker verifies")
	}
	if _, ok := (Marker{}).Parse(m.Format(fp)); ok {
		t.Error("an empty key verifies markers")
	}
}
