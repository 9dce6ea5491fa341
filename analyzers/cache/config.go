package cache

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/jsindex"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

var (
	// Paths that serve per-user responses.
	sensitivePathRE = regexp.MustCompile(`(?i)^/(api|account|accounts|dashboard|settings|billing|profile|me|user|users|admin|app|chat|chats|orders|workspace|workspaces|org|orgs|team|teams|inbox|messages|portal|console|checkout|subscription|subscriptions)(/|$|\(|:)`)
	// Catch-all sources match every path, the session routes included.
	catchAllRE = regexp.MustCompile(`^/(\(\.\*\)|:\w+(\*|\+|\(\.\*\))|\*|\.\*|\(\.\*\)\?|\(\(\?!.*\)\.\*\)|\(\(\?!.*\)\.\*\))$`)
	// Static asset sources.
	assetRE = regexp.MustCompile(`(?i)_next/static|/static/|/images?/|/img/|/fonts?/|/assets/|/favicon|\.(png|jpe?g|gif|svg|webp|avif|ico|css|js|woff2?|ttf|mp4|webm)|/public/|/blog|/docs|/og`)
)

// sensitiveSource reports whether a header rule's source can match a route
// that answers per user.
func sensitiveSource(src string) bool {
	if assetRE.MatchString(src) {
		return false
	}
	return sensitivePathRE.MatchString(src) || catchAllRE.MatchString(src) || src == "/:path*" || src == "/(.*)"
}

// checkNextConfig reports next.config headers() rules that make sensitive
// paths publicly cacheable.
func (c *checker) checkNextConfig() {
	f := c.f
	for _, obj := range f.Find("object") {
		srcNode := f.ObjectProp(obj, "source")
		hdrs := f.ObjectProp(obj, "headers")
		if srcNode == nil || hdrs == nil || syntax.Unwrap(hdrs).Type() != "array" {
			continue
		}
		src, ok := f.StringValue(syntax.Unwrap(srcNode))
		if !ok || !sensitiveSource(src) || c.excludesSession(obj) {
			continue
		}
		arr := syntax.Unwrap(hdrs)
		for i := 0; i < int(arr.NamedChildCount()); i++ {
			h := arr.NamedChild(i)
			k, v := f.ObjectProp(h, "key"), f.ObjectProp(h, "value")
			if k == nil || v == nil {
				continue
			}
			key, ok1 := f.StringValue(syntax.Unwrap(k))
			val, ok2 := c.valueText(v)
			if !ok1 || !ok2 || !cacheHeaderNames[strings.ToLower(key)] {
				continue
			}
			kind := sharedCacheable(strings.ToLower(key), val)
			if kind == "" {
				continue
			}
			c.reportConfig(syntax.Line(v), "next.config headers()", src, key, val, kind)
		}
	}
}

// excludesSession reports a `missing` condition on a cookie or the
// Authorization header: the rule then skips signed-in requests.
func (c *checker) excludesSession(rule *sitter.Node) bool {
	m := c.f.ObjectProp(rule, "missing")
	if m == nil {
		return false
	}
	t := strings.ToLower(c.f.Text(m))
	return strings.Contains(t, "cookie") || strings.Contains(t, "authorization")
}

func (c *checker) reportConfig(line int, where, src, key, val, kind string) {
	reportConfig(c.pass, c.path, line, where, src, key, val, kind)
}

func reportConfig(pass *analyzers.Pass, p string, line int, where, src, key, val, kind string) {
	sev := analyzers.High
	how := "lets the CDN store a response and serve it to every visitor of that URL"
	if kind == "max-age" {
		sev = analyzers.Medium
		how = "has no `private`, so shared caches that honour max-age may store a response and serve it to other visitors"
	}
	pass.Report(analyzers.Finding{
		Rule: ruleConfigHeaders, Severity: sev, Path: p, StartLine: line,
		Message: fmt.Sprintf("%s sets `%s: %s` on every path matching `%s`, which includes routes that answer per user (API routes, account pages); it %s, so one user's response reaches others.",
			where, key, val, src, how),
		Fix: "Remove the caching header from this rule (or narrow `source` to static, user-independent paths, or add `missing: [{ type: 'cookie', key: '<session cookie>' }]`), and set `Cache-Control` per response where the response does not depend on the user.",
		Key: "config-headers " + src + " " + key + " " + val,
	})
}

// checkVercelJSON reports vercel.json header rules (and legacy routes) that
// make sensitive paths publicly cacheable.
func checkVercelJSON(pass *analyzers.Pass, p string, data []byte) {
	var cfg struct {
		Headers []struct {
			Source  string `json:"source"`
			Missing []any  `json:"missing"`
			Headers []struct {
				Key   string `json:"key"`
				Value string `json:"value"`
			} `json:"headers"`
		} `json:"headers"`
		Routes []struct {
			Src     string            `json:"src"`
			Headers map[string]string `json:"headers"`
		} `json:"routes"`
	}
	if err := json.Unmarshal(jsindex.StripJSONC(data), &cfg); err != nil {
		return
	}
	for _, r := range cfg.Headers {
		if !sensitiveSource(r.Source) || len(r.Missing) > 0 {
			continue
		}
		for _, h := range r.Headers {
			if !cacheHeaderNames[strings.ToLower(h.Key)] {
				continue
			}
			if kind := sharedCacheable(strings.ToLower(h.Key), h.Value); kind != "" {
				reportConfig(pass, p, lineOf(data, r.Source, h.Value), "vercel.json", r.Source, h.Key, h.Value, kind)
			}
		}
	}
	for _, r := range cfg.Routes {
		src := r.Src
		if !strings.HasPrefix(src, "/") {
			src = "/" + src
		}
		if !sensitiveSource(src) && !sensitiveSource(strings.ReplaceAll(src, ".*", "(.*)")) {
			continue
		}
		for k, v := range r.Headers {
			if !cacheHeaderNames[strings.ToLower(k)] {
				continue
			}
			if kind := sharedCacheable(strings.ToLower(k), v); kind != "" {
				reportConfig(pass, p, lineOf(data, r.Src, v), "vercel.json routes", r.Src, k, v, kind)
			}
		}
	}
}

// lineOf finds the line of a JSON value after the rule's source.
func lineOf(data []byte, anchor, value string) int {
	start := bytes.Index(data, []byte(`"`+anchor+`"`))
	if start < 0 {
		start = 0
	}
	i := bytes.Index(data[start:], []byte(`"`+value+`"`))
	if i < 0 {
		return bytes.Count(data[:start], []byte("\n")) + 1
	}
	return bytes.Count(data[:start+i], []byte("\n")) + 1
}
