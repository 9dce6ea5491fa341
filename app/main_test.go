package app

import (
	"os"
	"testing"

	"github.com/leakguard/leakguard/analyzers/suite"
	"github.com/leakguard/leakguard/app/isolation/isolationtest"
)

// TestMain lets this test binary serve as the review worker of the App it
// tests (reviews run in a child process), with the test analyzers beside the
// real ones.
func TestMain(m *testing.M) {
	isolationtest.MaybeServe(append(suite.Default(), failing, noop)...)
	os.Exit(m.Run())
}
