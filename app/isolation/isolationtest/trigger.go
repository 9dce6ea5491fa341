// Package isolationtest holds a test-only analyzer that makes a review worker
// crash, hang or exhaust its memory on demand. Only tests import it, so the
// production binary has no way to reach it from repository content.
package isolationtest

import (
	"bytes"
	"context"
	"os"
	"time"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/typescript/tsx"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/app/isolation"
)

// WorkerEnv marks a test binary started as a review worker.
const WorkerEnv = "LEAKGUARD_TEST_REVIEW_WORKER"

// Paths that make Trigger misbehave when a change adds them.
const (
	HangPath  = "trigger/hang"   // never returns, whatever the context says
	CrashPath = "trigger/crash"  // a panic on another goroutine: the process dies
	GoOOMPath = "trigger/oom-go" // allocates Go memory without end
	COOMPath  = "trigger/oom-c"  // keeps tree-sitter trees (C memory) without end
)

// Trigger is the misbehaving analyzer.
var Trigger = &analyzers.Analyzer{
	Name: "isolation-trigger",
	Doc:  "test only: crashes, hangs or exhausts memory when the change adds a trigger file",
	Rules: []*analyzers.Rule{{ID: "secrets/isolation-trigger", Category: analyzers.CategorySecrets, Severity: analyzers.Low,
		Summary: "test only"}},
	Run: func(p *analyzers.Pass) error {
		for _, f := range p.Files {
			switch f.Path {
			case HangPath:
				time.Sleep(time.Hour)
			case CrashPath:
				go func() { panic("isolation test: crash in a parser goroutine") }()
				time.Sleep(time.Hour)
			case GoOOMPath:
				var keep [][]byte
				for {
					b := make([]byte, 16<<20)
					for i := range b {
						b[i] = byte(i)
					}
					keep = append(keep, b)
				}
			case COOMPath:
				src := bytes.Repeat([]byte("export const f = (a: number) => <div className=\"x\">{a + 1}</div>\n"), 20000)
				parser := sitter.NewParser()
				parser.SetLanguage(tsx.GetLanguage())
				var keep []*sitter.Tree
				for {
					t, err := parser.ParseCtx(context.Background(), nil, src)
					if err != nil {
						return err
					}
					keep = append(keep, t) // never closed: the C memory stays
				}
			}
		}
		return nil
	},
}

// MaybeServe runs the review worker when the test binary was started as one
// (WorkerEnv set, or as the real binary is: with the argument
// "review-worker") and exits; otherwise it returns. Call it first in TestMain.
func MaybeServe(available ...*analyzers.Analyzer) {
	if os.Getenv(WorkerEnv) != "1" && (len(os.Args) < 2 || os.Args[1] != "review-worker") {
		return
	}
	os.Exit(isolation.Serve(context.Background(), os.Stdin, os.Stdout, os.Stderr, append(available, Trigger)))
}

// Command is the worker command of a test binary: the binary itself with
// WorkerEnv set.
func Command() (cmd, env []string) {
	return []string{os.Args[0]}, []string{WorkerEnv + "=1"}
}
