package retrieval

import (
	"fmt"
	"regexp"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/flow"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

// tenantWords are what a filter, namespace or predicate that confines a
// search to the caller mentions.
var tenantWords = regexp.MustCompile(`(?i)user|session|owner|org|tenant|workspace|team|account|customer|project|company|member|auth\.uid|uid`)

var storedWithTenant = regexp.MustCompile(`(?s)metadata\s*:\s*\{[^}]{0,200}?\b(userId|user_id|orgId|org_id|tenantId|tenant_id|workspaceId|workspace_id|teamId|team_id|ownerId|owner_id|accountId|account_id)\b`)

// search is one vector search call the rule understands.
type search struct {
	lib    string       // "Pinecone", "Qdrant", …
	node   *sitter.Node // the call
	scoped bool
	how    string // what to add, for the fix
}

// checkQueries reports vector searches without a tenant filter in code that
// knows the tenant.
func (c *checker) checkQueries() {
	f := c.f
	var found []search
	for _, call := range f.Find("call_expression") {
		if s, ok := c.classify(call); ok {
			found = append(found, s)
		}
	}
	found = append(found, c.sqlSearches()...)
	found = append(found, c.mongoSearches()...)
	stored := c.storedWithTenant()
	for _, s := range found {
		if s.scoped {
			continue
		}
		ctx, strong := c.tenantContext(s.node)
		if ctx == "" {
			ctx = c.authenticatedCaller(s.node)
		}
		if s.how == "perUserTable" {
			ctx, strong = "the table's rows belong to users", true
			s.how = "a `where <owner column> = $user` predicate"
		}
		if !strong && stored != "" {
			if ctx == "" {
				ctx = stored
			} else {
				ctx += "; " + stored
			}
			strong = true
		}
		if !strong && perUserName.MatchString(c.searchTarget(s.node)) {
			strong = true
		}
		if ctx == "" {
			continue
		}
		sev := analyzers.High
		risk := "The chunks it retrieves, and the model's answer, can contain other users' documents."
		if !strong {
			// Nothing shows the index holds per-user data: it may be a shared
			// knowledge base behind a login. Worth a look, not a block.
			sev = analyzers.Medium
			risk = "If the index holds per-user or per-tenant documents, the chunks it retrieves, and the model's answer, can contain other users' documents."
		}
		c.pass.Report(analyzers.Finding{
			Rule: ruleQuery, Severity: sev, Path: c.path, StartLine: syntax.Line(s.node), EndLine: syntax.Line(s.node),
			Message: fmt.Sprintf("This %s search has no tenant filter or namespace, so it ranks every tenant's vectors; %s. %s",
				s.lib, ctx, risk),
			Fix: fmt.Sprintf("Confine the search to the caller with %s, taking the id from the session, not from the request.", s.how),
			Key: "vector " + s.lib + " " + f.FuncName(syntax.OuterFunc(s.node)) + " " + short(f.Compact(s.node.ChildByFieldName("function"))),
		})
	}
}

// perUserName matches index, collection and table names of per-user data.
var perUserName = regexp.MustCompile(`(?i)user|customer|tenant|workspace|org|team|account|note|file|upload|memor|chat|conversation|message|inbox|email|document|private|personal`)

// searchTarget is the text naming what a search runs over: the receiver
// chain, the variable it is bound to, and the call's first argument.
func (c *checker) searchTarget(n *sitter.Node) string {
	f := c.f
	var parts []string
	if n.Type() == "call_expression" {
		fn := n.ChildByFieldName("function")
		if fn != nil && fn.Type() == "member_expression" {
			obj := fn.ChildByFieldName("object")
			parts = append(parts, f.Compact(obj))
			root := obj
			for root.Type() == "member_expression" || root.Type() == "call_expression" {
				if root.Type() == "call_expression" {
					root = root.ChildByFieldName("function")
				} else {
					root = root.ChildByFieldName("object")
				}
			}
			if root.Type() == "identifier" {
				for _, sc := range []*sitter.Node{syntax.OuterFunc(n), f.Root} {
					if sc == nil {
						continue
					}
					for _, b := range f.BindingsIn(sc)[f.Text(root)] {
						parts = append(parts, f.Compact(b.Value))
					}
				}
			}
		}
		if as := syntax.Args(n); len(as) > 0 {
			if s, ok := f.StringValue(as[0]); ok {
				parts = append(parts, s)
			}
		}
	}
	if t := f.Text(n); n.Type() == "string" || n.Type() == "template_string" {
		parts = append(parts, t)
	}
	return strings.Join(parts, " ")
}

// storedWithTenant finds vectors upserted with a tenant key in their
// metadata, in this file or another changed file, and describes it.
func (c *checker) storedWithTenant() string {
	if m := storedWithTenant.FindStringIndex(string(c.f.Src)); m != nil {
		return fmt.Sprintf("vectors are stored with a tenant key in their metadata (line %d)", strings.Count(string(c.f.Src[:m[0]]), "\n")+1)
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
		if err != nil {
			continue
		}
		if m := storedWithTenant.FindIndex(data); m != nil {
			return fmt.Sprintf("vectors are stored with a tenant key in their metadata (%s:%d)", p, strings.Count(string(data[:m[0]]), "\n")+1)
		}
	}
	return ""
}

func (c *checker) classify(call *sitter.Node) (search, bool) {
	f := c.f
	cal := f.Callee(call)
	last := syntax.LastName(cal)
	as := syntax.Args(call)
	arg := func(i int) *sitter.Node {
		if i < len(as) {
			return syntax.Unwrap(as[i])
		}
		return nil
	}
	s := search{node: call}
	switch {
	case last == "query" && (f.ObjectProp(arg(0), "nResults") != nil || f.ObjectProp(arg(0), "queryEmbeddings") != nil || f.ObjectProp(arg(0), "queryTexts") != nil):
		s.lib = "Chroma"
		s.how = "`where: { userId: user.id }` (or a collection per tenant)"
		s.scoped = c.tenantFilter(f.ObjectProp(arg(0), "where")) || tenantWords.MatchString(f.Compact(call.ChildByFieldName("function")))
	case last == "search" && f.ObjectProp(arg(0), "collection_name") != nil && (f.ObjectProp(arg(0), "vector") != nil || f.ObjectProp(arg(0), "data") != nil || f.ObjectProp(arg(0), "vectors") != nil):
		s.lib = "Milvus"
		s.how = "`filter: `user_id == \"${user.id}\"`` (or a partition per tenant)"
		s.scoped = c.tenantFilter(f.ObjectProp(arg(0), "filter")) || c.tenantFilter(f.ObjectProp(arg(0), "expr")) || f.ObjectProp(arg(0), "partition_names") != nil
	case last == "query" && f.ObjectProp(arg(0), "topK") != nil:
		s.lib = "Pinecone"
		if strings.Contains(string(f.Src), "@upstash/vector") {
			s.lib = "Upstash Vector"
		}
		s.how = "`index.namespace(tenantId).query(…)` or `filter: { userId: { $eq: user.id } }`"
		s.scoped = strings.Contains(cal, ".namespace(") || c.receiverMentions(call, `\.namespace\(`) ||
			f.ObjectProp(arg(0), "namespace") != nil || c.tenantFilter(f.ObjectProp(arg(0), "filter"))
	case (last == "search" || last == "query") && len(as) >= 2 && c.isQdrant(call) &&
		(f.ObjectProp(arg(1), "vector") != nil || f.ObjectProp(arg(1), "query") != nil):
		s.lib = "Qdrant"
		s.how = "`filter: { must: [{ key: 'user_id', match: { value: user.id } }] }`"
		s.scoped = c.tenantFilter(f.ObjectProp(arg(1), "filter"))
	case (last == "nearVector" || last == "nearText" || last == "hybrid" || last == "nearObject" || last == "bm25") && strings.Contains(cal, ".query."):
		s.lib = "Weaviate"
		s.how = "`collection.withTenant(tenantId)` (multi-tenancy) or `filters: collection.filter.byProperty('userId').equal(user.id)`"
		s.scoped = strings.Contains(cal, "withTenant(") || c.receiverMentions(call, `withTenant\(`) || c.tenantFilter(f.ObjectProp(arg(1), "filters"))
	case last == "withNearVector" || last == "withNearText" || last == "withHybrid" || last == "withBm25":
		top := chainTop(call)
		if strings.Contains(f.Compact(top), ".withNear") && top != call && syntax.LastName(f.Callee(top)) != "do" {
			return s, false // reported once, at the chain's end
		}
		s.lib = "Weaviate"
		s.node = top
		s.how = "`.withWhere({ path: ['userId'], operator: 'Equal', valueText: user.id })` or `.withTenant(tenantId)`"
		t := f.Compact(top)
		s.scoped = strings.Contains(t, ".withTenant(") || strings.Contains(t, ".withWhere(") && tenantWords.MatchString(t[strings.Index(t, ".withWhere("):])
	case last == "similaritySearch" || last == "similaritySearchWithScore" || last == "similaritySearchVectorWithScore":
		s.lib = "LangChain"
		s.how = "the filter argument: `similaritySearch(query, k, { user_id: user.id })` (or a store created with `filter`)"
		s.scoped = c.tenantFilter(arg(2)) || c.receiverMentions(call, `filter|namespace`)
	case last == "maxMarginalRelevanceSearch":
		s.lib = "LangChain"
		s.how = "`filter` in the options"
		s.scoped = c.tenantFilter(f.ObjectProp(arg(1), "filter")) || c.receiverMentions(call, `filter|namespace`)
	case last == "asRetriever":
		a0 := arg(0)
		switch {
		case a0 != nil && f.ObjectProp(a0, "similarityTopK") != nil || c.llamaIndex():
			s.lib = "LlamaIndex"
			s.how = "`filters` (metadata filters on the user or tenant id) in `asRetriever({ … })`"
			s.scoped = c.tenantFilter(f.ObjectProp(a0, "filters")) || c.tenantFilter(f.ObjectProp(a0, "preFilters"))
		default:
			s.lib = "LangChain"
			s.how = "`asRetriever({ k, filter: { user_id: user.id } })`"
			if a0 != nil && a0.Type() == "object" {
				s.scoped = c.tenantFilter(f.ObjectProp(a0, "filter"))
			} else {
				s.scoped = c.tenantFilter(arg(1))
			}
			s.scoped = s.scoped || c.receiverMentions(call, `filter|namespace`)
		}
	case (last == "asQueryEngine" || last == "asChatEngine") && c.llamaIndex():
		s.lib = "LlamaIndex"
		s.how = "`preFilters` (metadata filters on the user or tenant id), or a retriever built with `filters`"
		a0 := arg(0)
		s.scoped = a0 != nil && (c.tenantFilter(f.ObjectProp(a0, "preFilters")) || f.ObjectProp(a0, "retriever") != nil)
	default:
		return s, false
	}
	return s, true
}

func (c *checker) llamaIndex() bool {
	return strings.Contains(string(c.f.Src), "llamaindex") || strings.Contains(string(c.f.Src), "VectorStoreIndex")
}

func (c *checker) isQdrant(call *sitter.Node) bool {
	src := string(c.f.Src)
	if !strings.Contains(src, "qdrant") && !strings.Contains(src, "Qdrant") {
		return false
	}
	obj := call.ChildByFieldName("function").ChildByFieldName("object")
	return obj != nil && (strings.Contains(strings.ToLower(c.f.Compact(obj)), "qdrant") || strings.Contains(strings.ToLower(c.f.Compact(obj)), "client") || strings.Contains(strings.ToLower(c.f.Compact(obj)), "db"))
}

// tenantFilter reports whether a filter expression confines results to a
// user or tenant: it names an owner key or uses the caller's identity.
func (c *checker) tenantFilter(n *sitter.Node) bool {
	n = syntax.Unwrap(n)
	if n == nil {
		return false
	}
	switch n.Type() {
	case "null", "undefined":
		return false
	case "object":
		if n.NamedChildCount() == 0 {
			return false
		}
	}
	t := c.f.Compact(n)
	if tenantWords.MatchString(t) {
		return true
	}
	if fa := c.flowOf(syntax.OuterFunc(n)); fa != nil {
		v := fa.Eval(n)
		if v.Is(flow.Identity) || v.Is(flow.Owned) {
			return true
		}
	}
	// A variable built elsewhere in the function: look at its binding.
	if n.Type() == "identifier" {
		if fn := syntax.OuterFunc(n); fn != nil {
			for _, b := range c.f.BindingsIn(fn)[c.f.Text(n)] {
				if tenantWords.MatchString(c.f.Compact(b.Value)) {
					return true
				}
			}
		}
	}
	return false
}

// receiverMentions reports whether the receiver of a method call (or the
// variable it is bound to) matches re: a namespaced index, a filtered store.
func (c *checker) receiverMentions(call *sitter.Node, re string) bool {
	obj := call.ChildByFieldName("function").ChildByFieldName("object")
	if obj == nil {
		return false
	}
	rx := regexp.MustCompile(re)
	t := c.f.Compact(obj)
	if rx.MatchString(t) && tenantWords.MatchString(t) {
		return true
	}
	root := obj
	for root.Type() == "member_expression" || root.Type() == "call_expression" {
		if root.Type() == "call_expression" {
			root = root.ChildByFieldName("function")
		} else {
			root = root.ChildByFieldName("object")
		}
	}
	if root.Type() != "identifier" {
		return false
	}
	scopes := []*sitter.Node{c.f.Root}
	if fn := syntax.OuterFunc(call); fn != nil {
		scopes = append([]*sitter.Node{fn}, scopes...)
	}
	for _, sc := range scopes {
		for _, b := range c.f.BindingsIn(sc)[c.f.Text(root)] {
			bt := c.f.Compact(b.Value)
			if rx.MatchString(bt) && tenantWords.MatchString(bt) {
				return true
			}
		}
	}
	return false
}

// chainTop climbs a method chain to its last call.
func chainTop(n *sitter.Node) *sitter.Node {
	top := n
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.Type() {
		case "member_expression":
			continue
		case "call_expression":
			top = p
			continue
		}
		break
	}
	return top
}

var (
	distanceOp  = regexp.MustCompile(`<=>|<->|<#>|<\+>`)
	orderByRE   = regexp.MustCompile(`(?i)order\s+by`)
	whereRE     = regexp.MustCompile(`(?i)\bwhere\b`)
	sqlFromRE   = regexp.MustCompile(`(?i)\bfrom\s+("?[a-z_][\w]*"?(?:\."?[a-z_][\w]*"?)?)`)
	drizzleDist = map[string]bool{"cosineDistance": true, "l2Distance": true, "innerProduct": true, "maxInnerProduct": true, "l1Distance": true}
)

// sqlSearches finds pgvector SQL ordered by distance and Drizzle distance
// queries, with whether a tenant predicate confines them.
func (c *checker) sqlSearches() []search {
	f := c.f
	var out []search
	seen := map[*sitter.Node]bool{}
	syntax.Walk(f.Root, func(n *sitter.Node) bool {
		switch n.Type() {
		case "string", "template_string":
			t := f.Text(n)
			if !distanceOp.MatchString(t) || !orderByRE.MatchString(t) {
				return n.Type() == "template_string" // substitutions may hold calls
			}
			s := search{lib: "pgvector", node: enclosingCall(n), how: "a `where user_id = $1` (tenant) predicate before the `order by … <=>`"}
			if s.node == nil {
				s.node = n
			}
			head := t[:orderByRE.FindStringIndex(t)[0]]
			if w := whereRE.FindStringIndex(head); w != nil {
				s.scoped = tenantWords.MatchString(head[w[0]:]) || c.substitutionIsIdentity(n)
			}
			if !s.scoped {
				if perUser, known := c.sqlTablePerUser(head); known {
					if !perUser {
						return false
					}
					s.how = "perUserTable"
				}
			}
			if !seen[s.node] {
				seen[s.node] = true
				out = append(out, s)
			}
			return false
		case "call_expression":
			if !drizzleDist[f.Callee(n)] {
				return true
			}
			top := chainTop(n)
			for p := n.Parent(); p != nil; p = p.Parent() {
				if p.Type() == "call_expression" {
					if t := f.Compact(p); strings.Contains(t, ".from(") || strings.Contains(t, ".orderBy(") {
						top = chainTop(p)
					}
				}
				if p.Type() == "statement_block" || p.Type() == "program" {
					break
				}
			}
			if seen[top] {
				return false
			}
			seen[top] = true
			t := f.Compact(top)
			s := search{lib: "Drizzle pgvector", node: top, how: "`.where(and(eq(table.userId, user.id), …))`"}
			if i := strings.Index(t, ".where("); i >= 0 {
				s.scoped = tenantWords.MatchString(t[i:])
			}
			// The distance is often built in a variable and used in a query
			// below: any tenant where() in the function confines it.
			if fn := syntax.OuterFunc(n); fn != nil && !s.scoped {
				for _, w := range syntax.NodesOfType(fn, "call_expression") {
					if syntax.LastName(f.Callee(w)) == "where" && tenantWords.MatchString(f.Compact(w.ChildByFieldName("arguments"))) {
						s.scoped = true
						break
					}
				}
			}
			out = append(out, s)
			return false
		}
		return true
	})
	return out
}

// substitutionIsIdentity reports a template substitution in the SQL that
// carries the caller's identity.
func (c *checker) substitutionIsIdentity(n *sitter.Node) bool {
	fa := c.flowOf(syntax.OuterFunc(n))
	if fa == nil {
		return false
	}
	for _, s := range syntax.NodesOfType(n, "template_substitution") {
		if s.NamedChildCount() > 0 && fa.Eval(s.NamedChild(0)).Is(flow.Identity) {
			return true
		}
	}
	return false
}

// sqlTablePerUser looks the searched table up in the policy model: known
// reports whether the model has it, perUser whether its rows belong to users.
func (c *checker) sqlTablePerUser(sql string) (perUser, known bool) {
	m := c.sqlModel()
	if m == nil {
		return false, false
	}
	mt := sqlFromRE.FindStringSubmatch(sql)
	if mt == nil {
		return false, false
	}
	t, _ := m.Relation(strings.ReplaceAll(strings.ToLower(mt[1]), `"`, ""))
	if t == nil {
		return false, false
	}
	return isPerUser(m, t), true
}

func enclosingCall(n *sitter.Node) *sitter.Node {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == "call_expression" {
			return p
		}
		if p.Type() == "statement_block" || p.Type() == "program" || p.Type() == "lexical_declaration" {
			return nil
		}
	}
	return nil
}

// mongoSearches finds MongoDB Atlas `$vectorSearch` stages, scoped by their
// `filter` or by a tenant `$match` in the same pipeline.
func (c *checker) mongoSearches() []search {
	f := c.f
	var out []search
	for _, p := range f.Find("pair") {
		if keyName(f, p) != "$vectorSearch" {
			continue
		}
		s := search{lib: "MongoDB Atlas Vector Search", node: p, how: "`filter: { userId: user.id }` in `$vectorSearch` (the field indexed as a filter)"}
		s.scoped = c.tenantFilter(f.ObjectProp(p.ChildByFieldName("value"), "filter"))
		if pipe := p.Parent(); pipe != nil && pipe.Parent() != nil && pipe.Parent().Type() == "array" && !s.scoped {
			for _, st := range syntax.NodesOfType(pipe.Parent(), "pair") {
				if keyName(f, st) == "$match" && tenantWords.MatchString(f.Compact(st.ChildByFieldName("value"))) {
					s.scoped = true
				}
			}
		}
		out = append(out, s)
	}
	return out
}

// keyName is a pair's key, quoted or not.
func keyName(f *syntax.File, pair *sitter.Node) string {
	k := pair.ChildByFieldName("key")
	if s, ok := f.StringValue(k); ok {
		return s
	}
	return f.Text(k)
}
