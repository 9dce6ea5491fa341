package main

import (
	"context"
	"io"
	"os"

	"github.com/leakguard/leakguard/analyzers/suite"
	"github.com/leakguard/leakguard/app/isolation"
)

// runReviewWorker is the hidden `review-worker` command: `leakguard serve`
// runs each review in one, a child process reading a job on stdin and
// writing the result on stdout (see app/isolation).
func runReviewWorker(ctx context.Context, _ []string, stdout, stderr io.Writer) int {
	return isolation.Serve(ctx, os.Stdin, stdout, stderr, suite.Default())
}
