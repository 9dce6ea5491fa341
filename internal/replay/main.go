// Command replay reviews every first-parent commit of a repository's history
// as if it were a pull request (parent..commit) and reports the new findings
// per rule: how noisy the analyzers are on real code, and what they catch.
//
//	go run ./internal/replay --repo /path/to/repo.git [--limit 200] [--show rule-prefix]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
	"time"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/source"
	"github.com/leakguard/leakguard/analyzers/suite"
)

func main() {
	repo := flag.String("repo", ".", "repository (bare or not)")
	rev := flag.String("rev", "HEAD", "newest commit to replay")
	limit := flag.Int("limit", 300, "commits to replay, newest first")
	show := flag.String("show", "", "print every new finding whose rule starts with this prefix (\"\" prints all)")
	flag.Parse()
	ctx := context.Background()

	out, err := exec.Command("git", "--git-dir", gitDir(*repo), "rev-list", "--first-parent", "--max-count", fmt.Sprint(*limit), *rev).Output()
	if err != nil {
		fmt.Fprintln(os.Stderr, "rev-list:", err)
		os.Exit(2)
	}
	commits := strings.Fields(string(out))
	perRule := map[string]int{}
	reviewed, failed := 0, 0
	var total time.Duration
	for _, c := range commits {
		ch, err := source.OpenGit(ctx, *repo, c+"^", c)
		if err != nil {
			continue // the root commit has no parent
		}
		start := time.Now()
		res, err := (&analyzers.Engine{Analyzers: suite.Default()}).Run(ctx, ch, nil)
		total += time.Since(start)
		ch.Close()
		if err != nil {
			failed++
			fmt.Printf("%s ERROR %v\n", c[:10], err)
			continue
		}
		reviewed++
		for _, f := range res.Findings {
			if f.Status != analyzers.StatusNew {
				continue
			}
			perRule[f.Rule.ID]++
			if strings.HasPrefix(f.Rule.ID, *show) {
				fmt.Printf("%s %-9s %s %s:%d\n    %s\n", c[:10], f.Severity, f.Rule.ID, f.Path, f.StartLine, f.Message)
			}
		}
	}
	var rules []string
	n := 0
	for r, c := range perRule {
		rules = append(rules, r)
		n += c
	}
	sort.Strings(rules)
	fmt.Printf("\n%d commits reviewed (%d failed), %d new findings = %.1f per 100 commits, %.0f ms per review\n",
		reviewed, failed, n, 100*float64(n)/float64(max(reviewed, 1)), float64(total.Milliseconds())/float64(max(reviewed, 1)))
	for _, r := range rules {
		fmt.Printf("  %-45s %d\n", r, perRule[r])
	}
}

func gitDir(repo string) string {
	if _, err := os.Stat(repo + "/.git"); err == nil {
		return repo + "/.git"
	}
	return repo
}
