package envname

import (
	"path"
	"regexp"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers/syntax"
)

// Occurrence is a place where a file names an environment variable.
type Occurrence struct {
	Name  string
	Value string // the assigned value, when the file assigns one (env files)
	Line  int
	Where string // "env file", "code", "vercel.json", "config"
}

var (
	publicNameRE = regexp.MustCompile(`\b(?:NEXT_PUBLIC_|VITE_|EXPO_PUBLIC_|REACT_APP_|NUXT_PUBLIC_|GATSBY_|PUBLIC_)[A-Z0-9_]+\b`)
	jsonKeyRE    = regexp.MustCompile(`"([A-Z][A-Z0-9_]+)"\s*:\s*("(?:[^"\\]|\\.)*")?`)
)

// ConfigText reports text files where environment names are set for a build
// or deployment: CI workflows, compose files, Dockerfiles, netlify.toml.
func ConfigText(p string) bool {
	base := strings.ToLower(path.Base(p))
	ext := path.Ext(base)
	return ext == ".yml" || ext == ".yaml" || ext == ".toml" || strings.HasPrefix(base, "dockerfile") || base == "containerfile"
}

// Occurrences lists the environment names a file sets or reads. parsed is
// the file's syntax tree for JavaScript/TypeScript, or nil.
func Occurrences(p string, data []byte, parsed *syntax.File) []Occurrence {
	var out []Occurrence
	switch {
	case IsEnvFile(p):
		for _, e := range ParseDotenv(data) {
			out = append(out, Occurrence{Name: e.Name, Value: e.Value, Line: e.Line, Where: "env file"})
		}
	case parsed != nil:
		for _, r := range parsed.EnvReads() {
			out = append(out, Occurrence{Name: r.Name, Line: r.Line, Where: "code"})
		}
		if strings.HasPrefix(path.Base(p), "next.config.") {
			out = append(out, nextConfigEnv(parsed)...)
		}
	case path.Base(p) == "vercel.json" || path.Base(p) == "eas.json":
		for i, line := range strings.Split(string(data), "\n") {
			for _, m := range jsonKeyRE.FindAllStringSubmatch(line, -1) {
				v := ""
				if len(m[2]) >= 2 {
					v = m[2][1 : len(m[2])-1]
				}
				out = append(out, Occurrence{Name: m[1], Value: v, Line: i + 1, Where: path.Base(p)})
			}
		}
	case ConfigText(p):
		for i, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "#") {
				continue // commented out: sets nothing
			}
			for _, name := range publicNameRE.FindAllString(line, -1) {
				out = append(out, Occurrence{Name: name, Line: i + 1, Where: "config"})
			}
		}
	}
	return out
}

// nextConfigEnv lists the names next.config sets in its `env` object: each
// is a variable the build defines for the client bundle.
func nextConfigEnv(f *syntax.File) []Occurrence {
	var out []Occurrence
	for _, n := range f.Find("pair") {
		obj := n.ChildByFieldName("value")
		if keyName(f, n.ChildByFieldName("key")) != "env" || obj == nil || obj.Type() != "object" {
			continue
		}
		for i := 0; i < int(obj.NamedChildCount()); i++ {
			e := obj.NamedChild(i)
			o := Occurrence{Line: syntax.Line(e), Where: "next.config env"}
			switch e.Type() {
			case "pair":
				o.Name = keyName(f, e.ChildByFieldName("key"))
				o.Value, _ = f.StringValue(e.ChildByFieldName("value"))
			case "shorthand_property_identifier":
				o.Name = f.Text(e)
			default:
				continue
			}
			out = append(out, o)
		}
	}
	return out
}

func keyName(f *syntax.File, k *sitter.Node) string {
	if k == nil {
		return ""
	}
	if v, ok := f.StringValue(k); ok {
		return v
	}
	return f.Text(k)
}
