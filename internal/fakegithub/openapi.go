package fakegithub

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strings"
)

// Spec is GitHub's REST OpenAPI description (npm @octokit/openapi,
// generated/api.github.com.json), used to check every request leakguard
// makes: the path and method exist, query parameters are declared, and the
// JSON body has the required fields, valid enum values, known properties and
// sizes within the declared limits.
type Spec struct {
	doc    map[string]any
	routes []specRoute
	// sides is the enum of review comment sides. Create-a-review's comments
	// declare side as a bare string; the single-comment operation
	// (pulls/create-review-comment) declares the values, and they are the
	// same field, so both are checked against it.
	sides []any
}

type specRoute struct {
	template string
	re       *regexp.Regexp
	literal  int // literal segments, to prefer /pulls/comments over /pulls/{n}
	ops      map[string]any
}

var paramRE = regexp.MustCompile(`\{[^}]+\}`)

// LoadSpec reads the OpenAPI document.
func LoadSpec(path string) (*Spec, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	s := &Spec{doc: doc}
	paths, _ := doc["paths"].(map[string]any)
	for tmpl, ops := range paths {
		re := "^" + regexpForTemplate(tmpl) + "$"
		lit := 0
		for _, seg := range strings.Split(tmpl, "/") {
			if seg != "" && !strings.HasPrefix(seg, "{") {
				lit++
			}
		}
		s.routes = append(s.routes, specRoute{template: tmpl, re: regexp.MustCompile(re), literal: lit, ops: ops.(map[string]any)})
	}
	sort.Slice(s.routes, func(i, j int) bool { return s.routes[i].literal > s.routes[j].literal })
	if _, op := s.Operation("POST", "/repos/o/r/pulls/1/comments"); op != nil {
		rb, _ := s.resolve(op["requestBody"]).(map[string]any)
		content, _ := rb["content"].(map[string]any)
		media, _ := content["application/json"].(map[string]any)
		if sch, ok := s.resolve(media["schema"]).(map[string]any); ok {
			props, _ := sch["properties"].(map[string]any)
			if side, ok := s.resolve(props["side"]).(map[string]any); ok {
				s.sides, _ = side["enum"].([]any)
			}
		}
	}
	if len(s.sides) == 0 {
		return nil, fmt.Errorf("%s: no side enum in pulls/create-review-comment", path)
	}
	return s, nil
}

func regexpForTemplate(tmpl string) string {
	var b strings.Builder
	for i, seg := range strings.Split(tmpl, "/") {
		if i > 0 {
			b.WriteString("/")
		}
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
			b.WriteString(`[^/]+`)
		} else if strings.Contains(seg, "{") { // e.g. {basehead} inside a segment
			b.WriteString(paramRE.ReplaceAllString(regexp.QuoteMeta(seg), `[^/]+`))
		} else {
			b.WriteString(regexp.QuoteMeta(seg))
		}
	}
	return b.String()
}

// Operation finds the spec path template matching a request path.
func (s *Spec) Operation(method, path string) (string, map[string]any) {
	m := strings.ToLower(method)
	for _, r := range s.routes {
		if r.re.MatchString(path) {
			if op, ok := r.ops[m].(map[string]any); ok {
				return r.template, op
			}
		}
	}
	return "", nil
}

// Check validates one request; it returns the problems found.
func (s *Spec) Check(method, path, rawQuery string, body []byte) []string {
	tmpl, op := s.Operation(method, path)
	if op == nil {
		return []string{fmt.Sprintf("%s %s: no such operation in GitHub's REST API", method, path)}
	}
	where := fmt.Sprintf("%s %s (%s)", method, tmpl, op["operationId"])
	var probs []string
	if op["deprecated"] == true {
		probs = append(probs, where+": the operation is deprecated")
	}
	q, _ := url.ParseQuery(rawQuery)
	params := map[string]map[string]any{}
	for _, p := range s.list(op["parameters"]) {
		pm := s.resolve(p).(map[string]any)
		if pm["in"] == "query" {
			params[pm["name"].(string)] = pm
		}
	}
	for name, vals := range q {
		pm, ok := params[name]
		if !ok {
			probs = append(probs, fmt.Sprintf("%s: query parameter %q is not declared", where, name))
			continue
		}
		if sch, ok := pm["schema"].(map[string]any); ok {
			for _, v := range vals {
				probs = append(probs, s.checkScalarString(where+" ?"+name, sch, v)...)
			}
		}
	}
	rb, hasBody := op["requestBody"].(map[string]any)
	if len(body) == 0 {
		if hasBody && rb["required"] == true {
			probs = append(probs, where+": request body required")
		}
		return probs
	}
	if !hasBody {
		return append(probs, where+": sends a body but the operation takes none")
	}
	content, _ := s.resolve(rb).(map[string]any)["content"].(map[string]any)
	media, _ := content["application/json"].(map[string]any)
	if media == nil {
		return append(probs, where+": the operation takes no JSON body")
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return append(probs, where+": body is not JSON: "+err.Error())
	}
	return append(probs, s.checkValue(where+" body", media["schema"], v)...)
}

func (s *Spec) list(v any) []any {
	l, _ := v.([]any)
	return l
}

// resolve follows local $refs.
func (s *Spec) resolve(v any) any {
	for i := 0; i < 20; i++ {
		m, ok := v.(map[string]any)
		if !ok {
			return v
		}
		ref, ok := m["$ref"].(string)
		if !ok {
			return v
		}
		var cur any = s.doc
		for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			cur = cur.(map[string]any)[part]
		}
		v = cur
	}
	return v
}

func (s *Spec) checkScalarString(where string, sch map[string]any, v string) []string {
	sch = s.resolve(sch).(map[string]any)
	if enum, ok := sch["enum"].([]any); ok {
		for _, e := range enum {
			if fmt.Sprint(e) == v {
				return nil
			}
		}
		return []string{fmt.Sprintf("%s: %q is not one of %v", where, v, enum)}
	}
	return nil
}

// checkValue validates a JSON value against a schema: type, enum, required,
// properties (unknown ones are problems too), items, maxItems, maxLength.
func (s *Spec) checkValue(where string, schema any, v any) []string {
	sch, ok := s.resolve(schema).(map[string]any)
	if !ok {
		return nil
	}
	if v == nil {
		if sch["nullable"] == true || len(sch) == 0 {
			return nil
		}
		return []string{where + ": null is not allowed"}
	}
	var probs []string
	for _, key := range []string{"anyOf", "oneOf"} {
		alts, ok := sch[key].([]any)
		if !ok {
			continue
		}
		var first []string
		matched := false
		for _, alt := range alts {
			p := s.checkValue(where, alt, v)
			if len(p) == 0 {
				matched = true
				break
			}
			if first == nil {
				first = p
			}
		}
		if !matched {
			probs = append(probs, fmt.Sprintf("%s: matches none of the %s alternatives", where, key))
			probs = append(probs, first...)
		}
	}
	if all, ok := sch["allOf"].([]any); ok {
		for _, alt := range all {
			probs = append(probs, s.checkValue(where, alt, v)...)
		}
	}
	enum, hasEnum := sch["enum"].([]any)
	if !hasEnum && (strings.HasSuffix(where, ".side") || strings.HasSuffix(where, ".start_side")) {
		enum, hasEnum = s.sides, true
	}
	if hasEnum {
		found := false
		for _, e := range enum {
			if e == v {
				found = true
			}
		}
		if !found {
			probs = append(probs, fmt.Sprintf("%s: %v is not one of %v", where, v, enum))
		}
	}
	typ, _ := sch["type"].(string)
	switch val := v.(type) {
	case map[string]any:
		if typ != "" && typ != "object" {
			return append(probs, fmt.Sprintf("%s: an object where the spec wants %s", where, typ))
		}
		for _, r := range s.list(sch["required"]) {
			if _, ok := val[r.(string)]; !ok {
				probs = append(probs, fmt.Sprintf("%s: required field %q missing", where, r))
			}
		}
		props, _ := sch["properties"].(map[string]any)
		keys := make([]string, 0, len(val))
		for k := range val {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			ps, ok := props[k]
			if psm, _ := s.resolve(ps).(map[string]any); psm != nil && psm["deprecated"] == true {
				probs = append(probs, fmt.Sprintf("%s: field %q is deprecated", where, k))
			}
			if !ok {
				if props != nil && sch["additionalProperties"] == nil {
					probs = append(probs, fmt.Sprintf("%s: field %q is not in the spec", where, k))
				} else if ap, ok := sch["additionalProperties"].(map[string]any); ok {
					probs = append(probs, s.checkValue(where+"."+k, ap, val[k])...)
				}
				continue
			}
			probs = append(probs, s.checkValue(where+"."+k, ps, val[k])...)
		}
	case []any:
		if typ != "" && typ != "array" {
			return append(probs, fmt.Sprintf("%s: an array where the spec wants %s", where, typ))
		}
		if mx, ok := sch["maxItems"].(float64); ok && float64(len(val)) > mx {
			probs = append(probs, fmt.Sprintf("%s: %d items, the spec allows %v", where, len(val), mx))
		}
		for i, it := range val {
			probs = append(probs, s.checkValue(fmt.Sprintf("%s[%d]", where, i), sch["items"], it)...)
		}
	case string:
		if typ != "" && typ != "string" {
			probs = append(probs, fmt.Sprintf("%s: a string where the spec wants %s", where, typ))
		}
		if mx, ok := sch["maxLength"].(float64); ok && float64(len(val)) > mx {
			probs = append(probs, fmt.Sprintf("%s: %d bytes, the spec allows %v", where, len(val), mx))
		}
	case float64:
		if typ == "integer" && val != float64(int64(val)) {
			probs = append(probs, fmt.Sprintf("%s: %v is not an integer", where, val))
		} else if typ != "" && typ != "integer" && typ != "number" {
			probs = append(probs, fmt.Sprintf("%s: a number where the spec wants %s", where, typ))
		}
	case bool:
		if typ != "" && typ != "boolean" {
			probs = append(probs, fmt.Sprintf("%s: a boolean where the spec wants %s", where, typ))
		}
	}
	return probs
}
