package privkey

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/envname"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

var pagesDirRE = regexp.MustCompile(`(^|/)(src/)?pages/`)

// pagesRouterPage reports a Next.js Pages Router page: every module under
// pages/ is bundled for the browser except API routes and _document.
func pagesRouterPage(p string) bool {
	loc := pagesDirRE.FindStringIndex(p)
	if loc == nil {
		return false
	}
	rest := p[loc[1]:]
	base := path.Base(rest)
	return !strings.HasPrefix(rest, "api/") && !strings.HasPrefix(base, "_document.") && !strings.HasPrefix(base, "_middleware.")
}

// astroProject reports an Astro site, whose src/pages/*.ts files are
// server endpoints rather than browser pages.
func astroProject(pass *analyzers.Pass) bool {
	for _, c := range []string{"astro.config.mjs", "astro.config.ts", "astro.config.js"} {
		if pass.Exists(c) {
			return true
		}
	}
	return false
}

// dataFunctions are the Pages Router exports Next.js strips from the browser
// bundle: they run on the server only.
var dataFunctions = map[string]bool{"getServerSideProps": true, "getStaticProps": true, "getStaticPaths": true}

// pagesExposure reports secrets a Pages Router page reads outside its
// server-only data functions.
func pagesExposure(pass *analyzers.Pass, p string, f *syntax.File) {
	for _, r := range f.EnvReads() {
		if envname.PublicPrefix(r.Name) != "" || !envname.SecretName(r.Name) || inDataFunction(f, r.Node) || serverBranch(f, r.Node) {
			continue
		}
		rule := ruleServerSecretInClient
		if envname.ServiceRole(r.Name) {
			rule = ruleAdminClientInClient
		}
		pass.Report(analyzers.Finding{
			Rule: rule, Path: p, StartLine: r.Line, EndLine: syntax.EndLine(r.Node),
			Message: fmt.Sprintf("This Pages Router page is bundled for the browser (only getServerSideProps, getStaticProps and getStaticPaths are stripped) and reads the server secret `%s` outside them. Next.js leaves it undefined in the browser, but the page also renders on the server where it is set, so anything derived from it can land in the HTML — and the usual \"fix\", renaming it NEXT_PUBLIC_, ships the secret to every visitor.", r.Name),
			Fix:     fmt.Sprintf("Read `%s` in getServerSideProps (or an API route) and pass the page only what it needs to show.", r.Name),
			Key:     "page\x00" + r.Name,
		})
	}
}

// inDataFunction reports a node inside an exported getServerSideProps,
// getStaticProps or getStaticPaths.
func inDataFunction(f *syntax.File, n *sitter.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		var name *sitter.Node
		switch p.Type() {
		case "function_declaration":
			name = p.ChildByFieldName("name")
		case "variable_declarator":
			name = p.ChildByFieldName("name")
		}
		if name != nil && dataFunctions[f.Text(name)] {
			return true
		}
	}
	return false
}
