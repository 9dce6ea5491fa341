// Package retrieval finds vector searches (RAG retrieval) that are not
// confined to the caller's tenant: Supabase `rpc('match_…')` functions that
// neither filter by the caller nor run under row-level security, Pinecone,
// Qdrant and Weaviate queries without a namespace or tenant filter,
// LangChain and LlamaIndex retrievers without a metadata filter, and pgvector
// SQL ordered by distance without a tenant predicate.
package retrieval

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/flow"
	"github.com/leakguard/leakguard/analyzers/jsindex"
	"github.com/leakguard/leakguard/analyzers/pgmodel"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

var (
	ruleRPC = &analyzers.Rule{ID: "retrieval/unscoped-rpc", Category: analyzers.CategoryRetrieval, Severity: analyzers.High,
		Summary: "supabase.rpc('match_…') whose SQL function returns every tenant's rows",
		Doc: "A vector search function such as `match_documents` runs `order by embedding <=> query_embedding limit n` over a " +
			"table of per-user documents. When its body does not filter by the caller (`auth.uid()`, or a user/tenant parameter the " +
			"call passes), and it does not run under row-level security that does (it is SECURITY DEFINER, or is called with the " +
			"service-role client, or the table has no owner policy), the chatbot answers one user with another user's documents. " +
			"Bad: `supabase.rpc('match_documents', { query_embedding, match_count: 5 })` on such a function. Good: add " +
			"`where documents.user_id = auth.uid()` to the function (or pass `filter: { user_id: user.id }` to a function that " +
			"applies it), keep it SECURITY INVOKER and call it with the user's client."}
	ruleQuery = &analyzers.Rule{ID: "retrieval/unscoped-vector-query", Category: analyzers.CategoryRetrieval, Severity: analyzers.High,
		Summary: "vector search without a tenant filter or namespace in multi-tenant code",
		Doc: "Pinecone `index.query({ vector, topK })` without `.namespace(tenant)` or a `filter`, Qdrant `search` without " +
			"`filter`, Weaviate `nearVector`/`nearText` without a where filter or tenant, LangChain `similaritySearch`/`asRetriever` " +
			"and LlamaIndex `asRetriever`/`asQueryEngine` without a metadata filter, and pgvector SQL ordered by `<=>`, `<->` or " +
			"`<#>` without a tenant predicate search every tenant's vectors. In code that knows who the user is, the retrieved " +
			"context (and the model's answer) then includes other users' data. Bad: `index.query({ vector, topK: 5 })`. Good: " +
			"`index.namespace(orgId).query({ vector, topK: 5 })` or `filter: { userId: { $eq: user.id } }`."}
)

// Analyzer is the retrieval family.
var Analyzer = &analyzers.Analyzer{
	Name:  "retrieval",
	Doc:   "Finds RAG retrieval and vector searches not confined to the caller's tenant.",
	Rules: []*analyzers.Rule{ruleRPC, ruleQuery},
	Run:   run,
}

func run(pass *analyzers.Pass) error {
	var prog *flow.Program
	var model *pgmodel.Model
	modelDone := false
	paths, changed := filesToCheck(pass)
	for _, p := range paths {
		if _, ok := syntax.LangOf(p); !ok || isTestPath(p) {
			continue
		}
		if data, err := pass.Read(p); err != nil || !vectorish(data) {
			continue // cheap text filter before parsing
		}
		f, err := pass.Parse(p)
		if err != nil {
			if analyzers.IsSkip(err) {
				continue
			}
			return err
		}
		if f.HasDirective("use client") {
			continue
		}
		if prog == nil {
			if prog, err = flow.SharedProgram(pass); err != nil {
				return err
			}
		}
		c := newChecker(pass, prog, f, p)
		if !changed[p] {
			// A call site found because the change redefines its SQL function:
			// judge the rpc calls only, and only of functions the change defines.
			if model, _ = pass.Policy(); model != nil {
				c.model = model
				c.onlyDefinedIn = changed
				c.checkRPC()
			}
			continue
		}
		if strings.Contains(string(f.Src), ".rpc(") {
			if !modelDone {
				model, _ = pass.Policy()
				modelDone = true
			}
			c.model = model
			c.checkRPC()
		}
		c.checkQueries()
	}
	return nil
}

// vectorMarkers are substrings every search this analyzer understands
// contains; a regexp over every changed file costs more than it saves.
var vectorMarkers = [][]byte{[]byte("$vectorSearch"), []byte("nResults"), []byte("collection_name"), []byte(".rpc("), []byte("rpc("),
	[]byte("topK"), []byte("similaritySearch"), []byte("asRetriever"), []byte("asQueryEngine"), []byte("asChatEngine"),
	[]byte("maxMarginalRelevanceSearch"), []byte("nearVector"), []byte("nearText"), []byte("withNear"), []byte("withHybrid"),
	[]byte("<=>"), []byte("<->"), []byte("<#>"), []byte("cosineDistance"), []byte("l2Distance"), []byte("innerProduct"),
	[]byte("qdrant"), []byte("Qdrant"), []byte(".query.hybrid")}

func vectorish(src []byte) bool {
	for _, m := range vectorMarkers {
		if bytes.Contains(src, m) {
			return true
		}
	}
	return false
}

// isTestPath leaves out tests, fixtures, operator scripts, examples and seeds.
func isTestPath(p string) bool {
	lp := "/" + strings.ToLower(p)
	return syntax.TestPath(p) || strings.Contains(lp, "/scripts/") || strings.Contains(lp, "/examples/") || strings.HasPrefix(path.Base(lp), "seed")
}

type checker struct {
	pass      *analyzers.Pass
	modelDone bool
	// onlyDefinedIn, when set, limits rpc findings to SQL functions whose
	// definition (or security setting) is in one of these changed files.
	onlyDefinedIn map[string]bool
	prog          *flow.Program
	model         *pgmodel.Model
	f             *syntax.File
	path          string
	entries       []jsindex.Entry
	funcs         *flow.FileFuncs
}

// flowOf analyzes a function, as an entry point when it is one.
func (c *checker) flowOf(fn *sitter.Node) *flow.Func { return c.funcs.Of(fn) }

func newChecker(pass *analyzers.Pass, prog *flow.Program, f *syntax.File, p string) *checker {
	entries := jsindex.Entries(f, p)
	return &checker{pass: pass, prog: prog, f: f, path: p, entries: entries, funcs: prog.Funcs(f, entries)}
}

// ownerish matches names of user and tenant keys.
var ownerish = regexp.MustCompile(`(?i)(^|[^a-z])(user_?id|owner_?id|owner|org_?id|organization_?id|tenant_?id|tenant|workspace_?id|team_?id|account_?id|customer_?id|project_?id|company_?id|author_?id|created_?by|uid|auth\.uid\(\))([^a-z]|$)|userId|orgId|tenantId|workspaceId|teamId|accountId|ownerId|customerId|projectId|companyId`)

// tenantContext says whether the code around n knows the caller or the
// tenant: it reads the session (weak evidence that the searched data is per
// user), or receives a user/tenant id it does not use (strong). It returns a
// short description for messages, or "".
func (c *checker) tenantContext(n *sitter.Node) (string, bool) {
	fn := syntax.OuterFunc(n)
	if fn == nil {
		return "", false
	}
	for _, p := range c.f.ParamNames(fn) {
		if flow.IsOwnerName(p, c.pass.Config.TenantColumns) || ownerish.MatchString(p) {
			return "the function receives `" + p + "` and does not use it in the search", true
		}
	}
	// An options object with a user or tenant id: ({ query, userId }).
	if ps := fn.ChildByFieldName("parameters"); ps != nil {
		for _, pn := range syntax.NodesOfType(ps, "shorthand_property_identifier_pattern") {
			if name := c.f.Text(pn); flow.IsOwnerName(name, c.pass.Config.TenantColumns) {
				return "the function receives `" + name + "` and does not use it in the search", true
			}
		}
	}
	if fa := c.flowOf(fn); fa != nil {
		for _, ch := range fa.AuthChecks {
			if ch.Kind == flow.CheckIdentity || ch.Kind == flow.CheckGuard || ch.Kind == flow.CheckWrapper {
				return "the handler knows the signed-in user (`" + short(ch.Text) + "`, line " + itoa(ch.Line) + ")", false
			}
		}
	}
	return "", false
}

func itoa(n int) string { return strconv.Itoa(n) }

func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 60 {
		return s[:57] + "…"
	}
	return s
}

// sqlModel returns the policy model, built on first use.
func (c *checker) sqlModel() *pgmodel.Model {
	if c.model == nil && !c.modelDone {
		c.model, _ = c.pass.Policy()
		c.modelDone = true
	}
	return c.model
}

// authenticatedCaller looks for a caller of the function around n among the
// other changed files: an entry point that knows the signed-in user and calls
// this helper (one step across files). It returns a description or "".
func (c *checker) authenticatedCaller(n *sitter.Node) string {
	fn := syntax.OuterFunc(n)
	name := c.f.FuncName(fn)
	if fn == nil || name == "" || name == "handler" || name == "module" {
		return ""
	}
	idx, err := c.pass.Index()
	if err != nil || idx == nil {
		return ""
	}
	for _, file := range c.pass.Files {
		p := c.pass.Path(file)
		if p == c.path {
			continue
		}
		if _, ok := syntax.LangOf(p); !ok {
			continue
		}
		data, err := c.pass.Read(p)
		if err != nil || !strings.Contains(string(data), name+"(") {
			continue
		}
		f, err := c.pass.Parse(p)
		if err != nil {
			continue
		}
		imported := false
		for _, imp := range f.Imports() {
			if t, ok := idx.Resolve(p, imp.Spec); ok && t == c.path {
				for _, nm := range imp.Names {
					imported = imported || nm == name
				}
			}
		}
		if !imported {
			continue
		}
		other := newChecker(c.pass, c.prog, f, p)
		for _, call := range f.Find("call_expression") {
			if f.Callee(call) != name {
				continue
			}
			if fa := other.flowOf(syntax.OuterFunc(call)); fa != nil && len(fa.AuthChecks) > 0 {
				return fmt.Sprintf("it is called for the signed-in user by `%s` (%s:%d)", name, p, syntax.Line(call))
			}
		}
	}
	return ""
}

var sqlFuncRE = regexp.MustCompile(`(?i)(?:create\s+(?:or\s+replace\s+)?|alter\s+)function\s+(?:"?\w+"?\.)?"?(\w+)"?`)

// maxScanFiles bounds the search for call sites of a changed SQL function.
const maxScanFiles = 5000

// filesToCheck returns the changed files, plus the JavaScript files that call
// a search function a changed SQL migration defines or alters (the change
// can make an untouched call site unsafe). changed holds the changed paths.
func filesToCheck(pass *analyzers.Pass) (paths []string, changed map[string]bool) {
	changed = map[string]bool{}
	var names []string
	for _, file := range pass.Files {
		p := pass.Path(file)
		changed[p] = true
		paths = append(paths, p)
		if !strings.HasSuffix(strings.ToLower(p), ".sql") {
			continue
		}
		data, err := pass.Read(p)
		if err != nil {
			continue
		}
		for _, m := range sqlFuncRE.FindAllStringSubmatch(string(data), -1) {
			if searchFuncName.MatchString(m[1]) {
				names = append(names, strings.ToLower(m[1]))
			}
		}
	}
	if len(names) == 0 {
		return paths, changed
	}
	entries, err := pass.List()
	if err != nil {
		return paths, changed
	}
	scanned := 0
	for _, e := range entries {
		if changed[e.Path] || syntax.GeneratedPath(e.Path) || isTestPath(e.Path) {
			continue
		}
		if _, ok := syntax.LangOf(e.Path); !ok {
			continue
		}
		if scanned++; scanned > maxScanFiles {
			break
		}
		data, err := pass.Read(e.Path)
		if err != nil || !strings.Contains(string(data), "rpc(") {
			continue
		}
		low := strings.ToLower(string(data))
		for _, n := range names {
			if strings.Contains(low, "'"+n+"'") || strings.Contains(low, `"`+n+`"`) || strings.Contains(low, "`"+n+"`") {
				paths = append(paths, e.Path)
				break
			}
		}
	}
	return paths, changed
}
