// Package firebaserules reviews Firebase security rules: Firestore and Cloud
// Storage rules files (firestore.rules, storage.rules) and Realtime Database
// rules (database.rules.json), for rules that open data to everyone or to
// every signed-in user.
package firebaserules

import (
	"encoding/json"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"

	"github.com/leakguard/leakguard/analyzers"
)

func rule(id string, sev analyzers.Severity, summary, doc string) *analyzers.Rule {
	return &analyzers.Rule{ID: id, Category: analyzers.CategoryRLS, Severity: sev, Summary: summary, Doc: doc}
}

var (
	ruleOpen = rule("rls/firebase-open-access", analyzers.Critical,
		"Firebase rule allows access to everyone",
		"`allow read, write: if true;`, an `allow` without a condition, or the console's test-mode `request.time < timestamp.date(…)` lets anyone with the project's public config read or change the data. Bad: `match /orders/{id} { allow read, write: if true; }`. Good: `allow read, write: if request.auth != null && request.auth.uid == resource.data.userId;`.")
	ruleAuthOnly = rule("rls/firebase-auth-only", analyzers.High,
		"per-user Firebase path open to every signed-in user",
		"`request.auth != null` only proves the caller has an account — and anyone can create one. On per-user data (`/users/{userId}`) every user can read or overwrite every other user's documents. Bad: `match /users/{userId} { allow read, write: if request.auth != null; }`. Good: `allow read, write: if request.auth != null && request.auth.uid == userId;`.")
	ruleRecursive = rule("rls/firebase-recursive-wildcard", analyzers.Critical,
		"recursive wildcard opens the whole database or bucket",
		"`match /{document=**}` (or `/{allPaths=**}` in Storage) at the root applies to every document or file; with `if true` or only `request.auth != null` it overrides every narrower rule, because Firebase grants access when any rule allows it. Bad: `match /{document=**} { allow read, write: if request.auth != null; }`. Good: remove it and write rules per collection.")
	ruleCascade = rule("rls/firebase-rtdb-cascade", analyzers.Critical,
		"Realtime Database grant cascades from a shallow path",
		"Realtime Database rules cascade: a `.read` or `.write` granted at the root or a top-level key applies to everything below it, and deeper rules cannot take it back. Bad: `{\"rules\": {\"users\": {\".read\": \"auth != null\"}}}`. Good: grant under `$uid` with `auth.uid === $uid`.")
)

// Analyzer is the Firebase rules analyzer.
var Analyzer = &analyzers.Analyzer{
	Name:  "firebaserules",
	Doc:   "Reviews Firestore, Cloud Storage and Realtime Database security rules for open, auth-only and cascading grants.",
	Rules: []*analyzers.Rule{ruleOpen, ruleAuthOnly, ruleRecursive, ruleCascade},
	Run:   run,
}

func run(pass *analyzers.Pass) (err error) {
	defer func() {
		// A rules file we cannot follow must not fail the whole review.
		if r := recover(); r != nil {
			err = nil
		}
	}()
	for _, f := range pass.Files {
		p := pass.Path(f)
		base := path.Base(p)
		switch {
		case strings.HasSuffix(base, ".rules") && !strings.Contains("/"+p, "/node_modules/"):
			data, err := pass.Read(p)
			if err != nil {
				continue
			}
			rulesFile(pass, p, string(data))
		case base == "database.rules.json" || strings.HasSuffix(base, ".rules.json"):
			data, err := pass.Read(p)
			if err != nil {
				continue
			}
			rtdbFile(pass, p, data)
		}
	}
	return nil
}

var (
	userSegment   = regexp.MustCompile(`(?i)^\{?(user|uid|owner|account|member|customer|profile|tenant|org)`)
	userColl      = regexp.MustCompile(`(?i)^(users?|profiles?|accounts?|customers?|orders?|messages?|chats?|conversations?|invoices?|payments?|private|notes?|documents?|carts?|uploads?|files?|members?|tenants?|orgs?|organizations?|teams?|workspaces?|subscriptions?|transactions?)$`)
	publicSegment = regexp.MustCompile(`(?i)^(public|products?|catalog|posts?|articles?|blog|pricing|plans?|categories|tags|faqs?|announcements?|config|releases?|assets?|images?|avatars?)$`)
)

func segments(paths []string) []string {
	var out []string
	for _, p := range paths {
		for _, s := range strings.Split(p, "/") {
			if s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// servicePrefix segments are the fixed roots of each service.
func isRootSegment(s string) bool {
	return s == "databases" || s == "{database}" || s == "documents" || s == "b" || s == "{bucket}" || s == "o"
}

func perUser(segs []string) bool {
	for _, s := range segs {
		if isRootSegment(s) {
			continue
		}
		if strings.HasPrefix(s, "{") && userSegment.MatchString(s) || userColl.MatchString(s) {
			return true
		}
	}
	return false
}

func publicPath(segs []string) bool {
	for _, s := range segs {
		if publicSegment.MatchString(s) {
			return true
		}
	}
	return false
}

// rootRecursive: the first non-root segment is a recursive wildcard.
func rootRecursive(segs []string) bool {
	for _, s := range segs {
		if isRootSegment(s) {
			continue
		}
		return strings.Contains(s, "=**")
	}
	return false
}

func writes(methods []string) bool {
	for _, m := range methods {
		switch m {
		case "write", "create", "update", "delete":
			return true
		}
	}
	return false
}

func rulesFile(pass *analyzers.Pass, p, src string) {
	rs, err := Parse(src)
	if err != nil {
		return // not a rules file we understand; the Firebase CLI rejects it too
	}
	for _, a := range rs.Allows {
		c := &classifier{funcs: a.Functions}
		sc := c.classify(a.Cond)
		if sc > AuthOnly {
			continue
		}
		segs := segments(a.Path)
		where := strings.Join(a.Path, "")
		if where == "" {
			where = "/"
		}
		cond := a.Cond
		if cond == "" {
			cond = "(no condition)"
		}
		methods := strings.Join(a.Methods, ", ")
		key := where + "\x00" + methods
		what := "documents"
		if strings.Contains(rs.Service, "storage") {
			what = "files"
		}
		who := "anyone — no sign-in needed, the project config in your app is all it takes —"
		if sc == AuthOnly {
			who = "every signed-in user (anyone can create an account)"
		}
		switch {
		case rootRecursive(segs):
			sev := analyzers.Critical
			if sc == AuthOnly {
				sev = analyzers.High
			}
			pass.Report(analyzers.Finding{Rule: ruleRecursive, Severity: sev, Path: p, StartLine: a.Line, Key: key,
				Message: fmt.Sprintf("`allow %s: if %s` under `%s` matches every %s in the %s: %s can %s all of them, and because any allowing rule wins, the narrower rules elsewhere in this file no longer protect anything.", methods, cond, where, strings.TrimSuffix(what, "s"), serviceName(rs.Service), who, verbs(a.Methods)),
				Fix:     "Remove the recursive match and write a rule per collection (or folder) that compares `request.auth.uid` with the owner, e.g. `match /users/{userId} { allow read, write: if request.auth.uid == userId; }`."})
		case sc == Always && (writes(a.Methods) || !publicPath(segs)):
			pass.Report(analyzers.Finding{Rule: ruleOpen, Path: p, StartLine: a.Line, Key: key,
				Message: fmt.Sprintf("`allow %s: if %s` on `%s`: %s can %s these %s.", methods, cond, where, who, verbs(a.Methods), what),
				Fix:     ownerFix(segs)})
		case sc == AuthOnly && perUser(segs):
			pass.Report(analyzers.Finding{Rule: ruleAuthOnly, Path: p, StartLine: a.Line, Key: key,
				Message: fmt.Sprintf("`allow %s: if %s` on `%s` only checks that the caller is signed in: %s can %s other users' %s here.", methods, cond, where, who, verbs(a.Methods), what),
				Fix:     ownerFix(segs)})
		}
	}
}

func serviceName(s string) string {
	if strings.Contains(s, "storage") {
		return "bucket"
	}
	return "database"
}

func ownerFix(segs []string) string {
	for _, s := range segs {
		if strings.HasPrefix(s, "{") && userSegment.MatchString(s) {
			v := strings.Trim(strings.SplitN(s, "=", 2)[0], "{}")
			return fmt.Sprintf("Tie access to the owner: `if request.auth != null && request.auth.uid == %s`.", v)
		}
	}
	return "Tie access to the owner: `if request.auth != null && request.auth.uid == resource.data.userId` (and `request.resource.data.userId` for creates)."
}

func verbs(methods []string) string {
	r, w := false, false
	for _, m := range methods {
		switch m {
		case "read", "get", "list":
			r = true
		default:
			w = true
		}
	}
	switch {
	case r && w:
		return "read and overwrite"
	case w:
		return "create, overwrite or delete"
	}
	return "read"
}

// ---- Realtime Database ----

type jsonNode struct {
	key   string
	line  int
	value any // string, bool, float64, nil, or []*jsonNode for objects
}

// parseJSON builds an ordered tree with the line of every key.
func parseJSON(data []byte) (*jsonNode, error) {
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.UseNumber()
	lineAt := func(off int64) int { return strings.Count(string(data[:off]), "\n") + 1 }
	var value func() (any, error)
	value = func() (any, error) {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				var kids []*jsonNode
				for dec.More() {
					kt, err := dec.Token()
					if err != nil {
						return nil, err
					}
					k, _ := kt.(string)
					off := dec.InputOffset()
					n := &jsonNode{key: k, line: lineAt(off)}
					v, err := value()
					if err != nil {
						return nil, err
					}
					n.value = v
					kids = append(kids, n)
				}
				_, err := dec.Token()
				return kids, err
			case '[':
				for dec.More() {
					if _, err := value(); err != nil {
						return nil, err
					}
				}
				_, err := dec.Token()
				return nil, err
			}
		case json.Number:
			return string(t), nil
		}
		return tok, nil
	}
	v, err := value()
	if err != nil && err != io.EOF {
		return nil, err
	}
	return &jsonNode{value: v}, nil
}

var rtdbBool = map[bool]string{true: "true", false: "false"}

func rtdbFile(pass *analyzers.Pass, p string, data []byte) {
	root, err := parseJSON(data)
	if err != nil {
		return
	}
	kids, _ := root.value.([]*jsonNode)
	for _, k := range kids {
		if k.key == "rules" {
			walkRTDB(pass, p, k, nil)
		}
	}
}

func walkRTDB(pass *analyzers.Pass, p string, n *jsonNode, path []string) {
	kids, _ := n.value.([]*jsonNode)
	for _, k := range kids {
		if k.key != ".read" && k.key != ".write" {
			if !strings.HasPrefix(k.key, ".") {
				walkRTDB(pass, p, k, append(append([]string(nil), path...), k.key))
			}
			continue
		}
		var cond string
		switch v := k.value.(type) {
		case bool:
			cond = rtdbBool[v]
		case string:
			cond = v
		default:
			continue
		}
		c := &classifier{rtdb: true}
		sc := c.classify(cond)
		if sc > AuthOnly {
			continue
		}
		where := "/" + strings.Join(path, "/")
		method := strings.TrimPrefix(k.key, ".")
		key := where + "\x00" + method
		who := "anyone (no sign-in needed)"
		if sc == AuthOnly {
			who = "every signed-in user (anyone can create an account)"
		}
		verb := "read"
		if method == "write" {
			verb = "overwrite or delete"
		}
		switch {
		case len(path) <= 1 && !(method == "read" && publicPath(path)):
			sev := analyzers.Critical
			if sc == AuthOnly && method == "read" {
				sev = analyzers.High
			}
			pass.Report(analyzers.Finding{Rule: ruleCascade, Severity: sev, Path: p, StartLine: k.line, Key: key,
				Message: fmt.Sprintf("`\"%s\": %s` at `%s` cascades to everything below it: %s can %s all data under `%s`, and rules deeper in the tree cannot take that back.", k.key, jsonString(k.value), where, who, verb, where),
				Fix:     "Remove the shallow grant and grant per user under a `$uid` key: `\"$uid\": {\".read\": \"auth != null && auth.uid === $uid\", \".write\": \"auth != null && auth.uid === $uid\"}`."})
		case sc == Always && (method == "write" || !publicPath(path)):
			pass.Report(analyzers.Finding{Rule: ruleOpen, Path: p, StartLine: k.line, Key: key,
				Message: fmt.Sprintf("`\"%s\": %s` at `%s`: %s can %s all data under it.", k.key, jsonString(k.value), where, who, verb),
				Fix:     "Require the owner: `\"auth != null && auth.uid === $uid\"` under a `$uid` key, or `data.child('owner').val() === auth.uid`."})
		case sc == AuthOnly && perUser(path):
			pass.Report(analyzers.Finding{Rule: ruleAuthOnly, Path: p, StartLine: k.line, Key: key,
				Message: fmt.Sprintf("`\"%s\": %s` at `%s` only checks that the caller is signed in: %s can %s other users' data here.", k.key, jsonString(k.value), where, who, verb),
				Fix:     "Compare with the path: `\"auth != null && auth.uid === $uid\"`."})
		}
	}
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
