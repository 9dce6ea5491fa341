package flow

import (
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
)

// Label is a set of facts about where a value comes from.
type Label uint16

// Labels.
const (
	// Request: the client controls it (body, query, params, form data,
	// headers, cookies, server action arguments).
	Request Label = 1 << iota
	// Identity: the verified caller or a value read from it (user.id).
	Identity
	// Unverified: identity read from a session that is not verified on the
	// server (Supabase auth.getSession()).
	Unverified
	// Privileged: a database client that bypasses row-level security.
	Privileged
	// UserScoped: a Supabase client that acts as the signed-in user.
	UserScoped
	// Row: data read from the database.
	Row
	// Owned: rows read through a filter tied to the caller (their fields may
	// be trusted as the caller's: memberships, own profile).
	Owned
	// Secret: a server secret (process.env.*SECRET*), used to spot
	// shared-secret checks in cron routes.
	Secret
	// Param: a parameter of a summarized helper; at a call site it is
	// replaced by the argument (origin Kind "param:<index>").
	Param
)

// Has reports whether l holds every label of m.
func (l Label) Has(m Label) bool { return l&m == m }

// Any reports whether l holds a label of m.
func (l Label) Any(m Label) bool { return l&m != 0 }

// Client labels.
const clientLabels = Privileged | UserScoped

// Source kinds of Request values.
const (
	KindBody   = "body"
	KindQuery  = "query"
	KindParams = "params"
	KindForm   = "form"
	KindHeader = "header"
	KindCookie = "cookie"
	KindArgs   = "action-args" // a server action's arguments
)

// Client kinds.
const (
	ClientSupabaseService = "supabase-service-role"
	ClientSupabaseUser    = "supabase-user"
	ClientPrisma          = "prisma"
	ClientDrizzle         = "drizzle"
	ClientSQL             = "sql"
)

// Origin is where one label of a value came from.
type Origin struct {
	Label Label
	// Kind is the source kind: a Kind* constant for Request values, a Client*
	// constant for clients, the identity provider ("supabase", "authjs",
	// "clerk", "helper") for Identity.
	Kind string
	// Name is the last key read on the way ("userId" for body.userId or
	// searchParams.get('userId')); "" when none.
	Name string
	// Node is the source expression (req.json(), auth.getUser(), createClient(…)).
	Node *sitter.Node
	// Query is the query a Row value was read by.
	Query *Query
}

// Value is what the analysis knows of an expression or variable.
type Value struct {
	Labels  Label
	Origins []Origin
	// Fields is the shape of an object literal: the value of each key.
	Fields map[string]*Value
	// Func is a function value (a local arrow function or declaration).
	Func *sitter.Node
	// At is the object pair that defined this field value, when known.
	At *sitter.Node
}

var empty = &Value{}

// Is reports whether the value carries any of the labels.
func (v *Value) Is(l Label) bool { return v != nil && v.Labels&l != 0 }

// OriginsOf returns the origins with a label.
func (v *Value) OriginsOf(l Label) []Origin {
	if v == nil {
		return nil
	}
	var out []Origin
	for _, o := range v.Origins {
		if o.Label&l != 0 {
			out = append(out, o)
		}
	}
	return out
}

// First returns the first origin with a label.
func (v *Value) First(l Label) (Origin, bool) {
	for _, o := range v.OriginsOf(l) {
		return o, true
	}
	return Origin{}, false
}

// ClientKind is the kind of database client the value is, or "".
func (v *Value) ClientKind() string {
	if o, ok := v.First(Privileged); ok {
		return o.Kind
	}
	if o, ok := v.First(UserScoped); ok {
		return o.Kind
	}
	return ""
}

// Names returns the Request origin names ("userId"), deduplicated.
func (v *Value) Names() []string {
	var out []string
	seen := map[string]bool{}
	for _, o := range v.OriginsOf(Request) {
		if o.Name != "" && !seen[o.Name] {
			seen[o.Name] = true
			out = append(out, o.Name)
		}
	}
	return out
}

func source(l Label, kind, name string, n *sitter.Node) *Value {
	return &Value{Labels: l, Origins: []Origin{{Label: l, Kind: kind, Name: name, Node: n}}}
}

// union merges values; it never mutates its arguments.
func union(vs ...*Value) *Value {
	var out *Value
	for _, v := range vs {
		if v == nil || (v.Labels == 0 && v.Fields == nil && v.Func == nil) {
			continue
		}
		if out == nil {
			out = v
			continue
		}
		if out.Labels|v.Labels == out.Labels && len(v.Origins) == 0 && v.Fields == nil {
			continue
		}
		n := &Value{Labels: out.Labels | v.Labels, Func: out.Func}
		n.Origins = append(append(n.Origins, out.Origins...), v.Origins...)
		if len(n.Origins) > 16 {
			n.Origins = n.Origins[:16]
		}
		out = n
	}
	if out == nil {
		return empty
	}
	return out
}

// only keeps the labels in mask.
func only(v *Value, mask Label) *Value {
	if v == nil || v.Labels&^mask == 0 && v.Fields == nil && v.Func == nil {
		return v
	}
	n := &Value{Labels: v.Labels & mask}
	for _, o := range v.Origins {
		if o.Label&mask != 0 {
			n.Origins = append(n.Origins, o)
		}
	}
	if n.Labels == 0 {
		return empty
	}
	return n
}

// field is the value of v.name: the object shape's field when known,
// otherwise v's data labels with the name recorded on Request/Row origins.
func field(v *Value, name string) *Value {
	if v == nil {
		return empty
	}
	if v.Fields != nil {
		if f, ok := v.Fields[name]; ok {
			return f
		}
		if spread, ok := v.Fields["..."]; ok {
			return field(spread, name)
		}
		return empty
	}
	// A member of a client is still the client (supabase.auth, prisma.user);
	// a member of data is data.
	n := &Value{Labels: v.Labels}
	for _, o := range v.Origins {
		if o.Label&(Request|Row|Param) != 0 && name != "" {
			o.Name = name
			if k := kindOfKey(name); k != "" && o.Label&Request != 0 {
				o.Kind = k
			}
		}
		n.Origins = append(n.Origins, o)
	}
	return n
}

// kindOfKey refines a Request origin's kind when a well-known member is read.
func kindOfKey(name string) string {
	switch name {
	case "body", "json":
		return KindBody
	case "query", "searchParams", "nextUrl":
		return KindQuery
	case "params":
		return KindParams
	case "formData":
		return KindForm
	case "headers":
		return KindHeader
	case "cookies":
		return KindCookie
	}
	return ""
}

// ownerNameWords are the pieces of names that identify an owner or tenant.
var ownerNameWords = []string{"user", "owner", "author", "creator", "account", "customer", "org", "organization", "organisation", "workspace", "team", "tenant", "member", "profile", "company", "uid", "createdby", "uploadedby", "sender"}

// IsOwnerName reports whether a key or column names an owner or tenant
// (userId, user_id, ownerId, workspace_id, orgId, customerId…), given the
// project's extra tenant columns.
func IsOwnerName(name string, extra []string) bool {
	n := strings.ToLower(strings.ReplaceAll(name, "_", ""))
	for _, e := range extra {
		if strings.EqualFold(strings.ReplaceAll(e, "_", ""), n) {
			return true
		}
	}
	if n == "uid" || n == "owner" || n == "author" || n == "createdby" || n == "uploadedby" {
		return true
	}
	if !strings.HasSuffix(n, "id") && !strings.HasSuffix(n, "ids") {
		return false
	}
	stem := strings.TrimSuffix(strings.TrimSuffix(n, "s"), "id")
	for _, w := range ownerNameWords {
		if stem == w || strings.HasSuffix(stem, w) && len(stem) <= len(w)+8 {
			return true
		}
	}
	return false
}
