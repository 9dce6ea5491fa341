// Package config holds leakguard's configuration: the repository file
// .github/leakguard.yml (validated against an embedded JSON Schema) and the
// server settings.
package config

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"gopkg.in/yaml.v3"
)

// RepoPath is where a repository keeps its leakguard configuration.
const RepoPath = ".github/leakguard.yml"

// RepoPathAlt is also accepted.
const RepoPathAlt = ".github/leakguard.yaml"

// Schema is the JSON Schema of the repository configuration.
//
//go:embed leakguard.schema.json
var Schema []byte

// Repo is the repository configuration.
type Repo struct {
	Version int `yaml:"version" json:"version,omitempty"`
	Paths   struct {
		Include []string `yaml:"include" json:"include,omitempty"`
		Exclude []string `yaml:"exclude" json:"exclude,omitempty"`
	} `yaml:"paths" json:"paths"`
	Rules    map[string]string `yaml:"rules" json:"rules,omitempty"`
	BlockOn  string            `yaml:"block_on" json:"block_on,omitempty"`
	WarnOnly bool              `yaml:"warn_only" json:"warn_only,omitempty"`
	Auth     struct {
		Helpers           []string `yaml:"helpers" json:"helpers,omitempty"`
		SessionGetters    []string `yaml:"session_getters" json:"session_getters,omitempty"`
		PrivilegedClients []string `yaml:"privileged_clients" json:"privileged_clients,omitempty"`
		RoleChecks        []string `yaml:"role_checks" json:"role_checks,omitempty"`
	} `yaml:"auth" json:"auth"`
	TenantColumns  []string `yaml:"tenant_columns" json:"tenant_columns,omitempty"`
	Migrations     []string `yaml:"migrations" json:"migrations,omitempty"`
	ExposedSchemas []string `yaml:"exposed_schemas" json:"exposed_schemas,omitempty"`

	include, exclude []*regexp.Regexp
}

// Problem is one error in a configuration file, with its line.
type Problem struct {
	Line    int    `json:"line"`
	Message string `json:"message"`
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("line %d: %s", p.Line, p.Message)
	}
	return p.Message
}

// Default is the configuration used when a repository has none.
func Default() *Repo {
	r := &Repo{Version: 1, BlockOn: "high"}
	r.compile()
	return r
}

var compiledSchema = func() *jsonschema.Schema {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
	if err != nil {
		panic(fmt.Sprintf("embedded config schema: %v", err))
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("leakguard.schema.json", doc); err != nil {
		panic(fmt.Sprintf("embedded config schema: %v", err))
	}
	s, err := c.Compile("leakguard.schema.json")
	if err != nil {
		panic(fmt.Sprintf("embedded config schema: %v", err))
	}
	return s
}()

// ParseRepo reads a configuration file. When it is invalid, the problems name
// their lines and the returned configuration is the default, so a broken file
// never switches a review off.
func ParseRepo(data []byte) (*Repo, []Problem) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return Default(), []Problem{yamlProblem(err)}
	}
	if len(root.Content) == 0 { // empty file
		return Default(), nil
	}
	generic, err := nodeToValue(root.Content[0])
	if err != nil {
		return Default(), []Problem{{Line: root.Content[0].Line, Message: err.Error()}}
	}
	if err := compiledSchema.Validate(generic); err != nil {
		var ve *jsonschema.ValidationError
		if errors.As(err, &ve) {
			return Default(), schemaProblems(ve, root.Content[0])
		}
		return Default(), []Problem{{Message: err.Error()}}
	}
	cfg := Default()
	if err := root.Content[0].Decode(cfg); err != nil {
		return Default(), []Problem{yamlProblem(err)}
	}
	if cfg.BlockOn == "" {
		cfg.BlockOn = "high"
	}
	if probs := cfg.compile(); len(probs) > 0 {
		return Default(), probs
	}
	return cfg, nil
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

func yamlProblem(err error) Problem {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		msg = strings.TrimSpace(strings.Replace(msg, m[0]+":", "", 1))
		return Problem{Line: n, Message: "invalid YAML: " + msg}
	}
	return Problem{Message: "invalid YAML: " + msg}
}

// nodeToValue converts a YAML node into the generic JSON value the schema validator takes.
func nodeToValue(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return nodeToValue(n.Content[0])
	case yaml.AliasNode:
		return nodeToValue(n.Alias)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := nodeToValue(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := nodeToValue(c)
			if err != nil {
				return nil, err
			}
			s = append(s, v)
		}
		return s, nil
	case yaml.ScalarNode:
		var v any
		if err := n.Decode(&v); err != nil {
			return nil, fmt.Errorf("line %d: %v", n.Line, err)
		}
		switch x := v.(type) {
		case int:
			return json.Number(strconv.Itoa(x)), nil
		case float64:
			return json.Number(strconv.FormatFloat(x, 'g', -1, 64)), nil
		}
		return v, nil
	}
	return nil, fmt.Errorf("line %d: unsupported YAML node", n.Line)
}

// schemaProblems flattens validation errors and places each at the line of
// the YAML node its instance location points to.
func schemaProblems(ve *jsonschema.ValidationError, root *yaml.Node) []Problem {
	var leaves []*jsonschema.ValidationError
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			leaves = append(leaves, e)
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	var out []Problem
	seen := map[string]bool{}
	for _, e := range leaves {
		node := locate(root, e.InstanceLocation)
		// An unknown key is reported on the object; point at the key itself.
		if ap, ok := e.ErrorKind.(*kind.AdditionalProperties); ok && len(ap.Properties) > 0 {
			node = keyNode(node, ap.Properties[0])
		}
		where := "/" + strings.Join(e.InstanceLocation, "/")
		msg := fmt.Sprintf("%s: %s", where, leafMessage(e))
		if seen[msg] {
			continue
		}
		seen[msg] = true
		out = append(out, Problem{Line: node.Line, Message: msg})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out
}

func leafMessage(e *jsonschema.ValidationError) string {
	msg := e.Error()
	// The library's message starts with the location; keep only the reason.
	if i := strings.LastIndex(msg, ": "); i >= 0 && strings.HasPrefix(msg, "jsonschema") {
		msg = msg[i+2:]
	}
	if i := strings.Index(msg, "\n"); i >= 0 {
		msg = strings.TrimSpace(msg[i+1:])
	}
	msg = strings.TrimPrefix(msg, "- at '")
	if i := strings.Index(msg, "': "); i >= 0 {
		msg = msg[i+3:]
	}
	return msg
}

// keyNode returns the key node of a mapping entry, or the mapping itself.
func keyNode(m *yaml.Node, key string) *yaml.Node {
	if m.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key {
				return m.Content[i]
			}
		}
	}
	return m
}

// locate follows a JSON pointer through the YAML tree; for a property that
// should not be there it returns the key node, so the line names the key.
func locate(n *yaml.Node, path []string) *yaml.Node {
	cur := n
	for _, seg := range path {
		switch cur.Kind {
		case yaml.MappingNode:
			found := false
			for i := 0; i+1 < len(cur.Content); i += 2 {
				if cur.Content[i].Value == seg {
					cur = cur.Content[i+1]
					found = true
					break
				}
			}
			if !found {
				return cur
			}
		case yaml.SequenceNode:
			i, err := strconv.Atoi(seg)
			if err != nil || i >= len(cur.Content) {
				return cur
			}
			cur = cur.Content[i]
		default:
			return cur
		}
	}
	return cur
}

// compile turns the path globs into matchers.
func (r *Repo) compile() []Problem {
	var probs []Problem
	r.include, r.exclude = nil, nil
	for _, g := range r.Paths.Include {
		re, err := Glob(g)
		if err != nil {
			probs = append(probs, Problem{Message: fmt.Sprintf("paths.include: %v", err)})
			continue
		}
		r.include = append(r.include, re)
	}
	for _, g := range r.Paths.Exclude {
		re, err := Glob(g)
		if err != nil {
			probs = append(probs, Problem{Message: fmt.Sprintf("paths.exclude: %v", err)})
			continue
		}
		r.exclude = append(r.exclude, re)
	}
	return probs
}

// Analyzed reports whether the include and exclude globs keep a path.
func (r *Repo) Analyzed(path string) bool {
	if r.include == nil && r.exclude == nil && (len(r.Paths.Include) > 0 || len(r.Paths.Exclude) > 0) {
		r.compile()
	}
	for _, re := range r.exclude {
		if re.MatchString(path) {
			return false
		}
	}
	if len(r.include) == 0 {
		return true
	}
	for _, re := range r.include {
		if re.MatchString(path) {
			return true
		}
	}
	return false
}

// RuleSetting returns the configured setting for a rule ("off", a severity,
// or "" when unset). A rule id setting wins over its category's.
func (r *Repo) RuleSetting(ruleID, category string) string {
	if v, ok := r.Rules[ruleID]; ok {
		return v
	}
	return r.Rules[category]
}

// Glob compiles a path glob: `*` matches within a segment, `**` across
// segments, `?` one character. A glob without a slash matches the base name
// anywhere, as in .gitignore.
func Glob(g string) (*regexp.Regexp, error) {
	if g == "" {
		return nil, errors.New("empty glob")
	}
	anywhere := !strings.Contains(strings.TrimSuffix(g, "/"), "/")
	g = strings.TrimPrefix(g, "/")
	var b strings.Builder
	b.WriteString("^")
	if anywhere {
		b.WriteString("(?:.*/)?")
	}
	for i := 0; i < len(g); i++ {
		c := g[i]
		switch {
		case c == '*' && i+1 < len(g) && g[i+1] == '*':
			i++
			if i+1 < len(g) && g[i+1] == '/' {
				i++
				b.WriteString("(?:.*/)?")
			} else {
				b.WriteString(".*")
			}
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	if strings.HasSuffix(g, "/") {
		b.WriteString(".*")
	} else {
		b.WriteString("(?:/.*)?")
	}
	b.WriteString("$")
	return regexp.Compile(b.String())
}
