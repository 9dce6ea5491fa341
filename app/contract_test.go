package app

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestContractCheckerCatchesMistakes shows the OpenAPI checker the contract
// tests rely on rejects the mistakes it is there to catch.
func TestContractCheckerCatchesMistakes(t *testing.T) {
	s := loadSpec(t)
	body := func(v any) []byte { b, _ := json.Marshal(v); return b }
	ann := func(level string) map[string]any {
		return map[string]any{"path": "a.ts", "start_line": 1, "end_line": 1, "annotation_level": level, "message": "m"}
	}
	many := make([]any, 51)
	for i := range many {
		many[i] = ann("failure")
	}
	for _, tc := range []struct {
		name, method, path, query string
		body                      []byte
		want                      string // "" means valid
	}{
		{"valid create", "POST", "/repos/o/r/check-runs", "", body(map[string]any{"name": "leakguard", "head_sha": "abc", "status": "in_progress"}), ""},
		{"missing head_sha", "POST", "/repos/o/r/check-runs", "", body(map[string]any{"name": "leakguard"}), `required field "head_sha" missing`},
		{"bad conclusion", "PATCH", "/repos/o/r/check-runs/1", "", body(map[string]any{"conclusion": "passed"}), "is not one of"},
		{"bad annotation level", "PATCH", "/repos/o/r/check-runs/1", "", body(map[string]any{"output": map[string]any{"title": "t", "summary": "s", "annotations": []any{ann("error")}}}), "is not one of"},
		{"51 annotations", "PATCH", "/repos/o/r/check-runs/1", "", body(map[string]any{"output": map[string]any{"title": "t", "summary": "s", "annotations": many}}), "51 items"},
		{"summary too long", "PATCH", "/repos/o/r/check-runs/1", "", body(map[string]any{"output": map[string]any{"title": "t", "summary": strings.Repeat("x", 65536)}}), "bytes, the spec allows"},
		{"bad review event", "POST", "/repos/o/r/pulls/1/reviews", "", body(map[string]any{"event": "BLOCK"}), "is not one of"},
		{"bad side", "POST", "/repos/o/r/pulls/1/reviews", "", body(map[string]any{"event": "COMMENT", "comments": []any{map[string]any{"path": "a", "body": "b", "line": 1, "side": "MIDDLE"}}}), "is not one of"},
		{"unknown field", "POST", "/repos/o/r/pulls/1/reviews", "", body(map[string]any{"event": "COMMENT", "verdict": "x"}), `field "verdict" is not in the spec`},
		{"unknown path", "GET", "/repos/o/r/pulls/1/everything", "", nil, "no such operation"},
		{"wrong method", "DELETE", "/repos/o/r/check-runs", "", nil, "no such operation"},
		{"unknown query parameter", "GET", "/repos/o/r/pulls/1/files", "per_page=100&sort=size", nil, `query parameter "sort" is not declared`},
		{"reaction enum", "POST", "/repos/o/r/issues/comments/1/reactions", "", body(map[string]any{"content": "looking"}), "is not one of"},
	} {
		probs := s.Check(tc.method, tc.path, tc.query, tc.body)
		got := strings.Join(probs, "\n")
		switch {
		case tc.want == "" && len(probs) > 0:
			t.Errorf("%s: unexpected problems:\n%s", tc.name, got)
		case tc.want != "" && !strings.Contains(got, tc.want):
			t.Errorf("%s: want a problem containing %q, got:\n%s", tc.name, tc.want, got)
		}
	}
}

func TestGraphQLCheckerCatchesMistakes(t *testing.T) {
	s := loadGraphQLSchema(t)
	if s == nil {
		t.Skip("GitHub's GraphQL schema is not installed")
	}
	vars := map[string]any{"owner": "o", "name": "r", "number": 1, "cursor": nil}
	for _, tc := range []struct {
		name, query string
		vars        map[string]any
		want        string
	}{
		{"threads query", `query($owner: String!, $name: String!, $number: Int!, $cursor: String) { repository(owner: $owner, name: $name) { pullRequest(number: $number) { reviewThreads(first: 100, after: $cursor) { pageInfo { hasNextPage endCursor } nodes { id isResolved comments(first: 1) { nodes { fullDatabaseId } } } } } } }`, vars, ""},
		{"resolve mutation", `mutation($id: ID!) { resolveReviewThread(input: {threadId: $id}) { thread { id isResolved } } }`, map[string]any{"id": "x"}, ""},
		{"deprecated databaseId", `query($owner: String!, $name: String!, $number: Int!) { repository(owner: $owner, name: $name) { pullRequest(number: $number) { reviewThreads(first: 1) { nodes { comments(first: 1) { nodes { databaseId } } } } } } }`, map[string]any{"owner": "o", "name": "r", "number": 1}, "deprecated"},
		{"unknown field", `query { viewer { loginName } }`, nil, `has no field "loginName"`},
		{"wrong variable type", `query($number: String!) { repository(owner: "o", name: "r") { pullRequest(number: $number) { id } } }`, map[string]any{"number": "1"}, "the argument is Int!"},
		{"missing required argument", `query { repository(owner: "o") { id } }`, nil, `required argument "name" missing`},
		{"bad input field", `mutation($id: ID!) { resolveReviewThread(input: {thread: $id}) { clientMutationId } }`, map[string]any{"id": "x"}, `has no field "thread"`},
		{"object without selection", `query { viewer }`, nil, "needs a selection"},
		{"undeclared variable sent", `query { viewer { login } }`, map[string]any{"extra": 1}, "not declared"},
	} {
		got := strings.Join(s.Check(tc.query, tc.vars), "\n")
		switch {
		case tc.want == "" && got != "":
			t.Errorf("%s: unexpected problems:\n%s", tc.name, got)
		case tc.want != "" && !strings.Contains(got, tc.want):
			t.Errorf("%s: want a problem containing %q, got:\n%s", tc.name, tc.want, got)
		}
	}
}
