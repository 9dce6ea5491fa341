package app

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/leakguard/leakguard/analyzers/suite"
	"github.com/leakguard/leakguard/app/isolation/isolationtest"
	"github.com/leakguard/leakguard/internal/fakegithub"
	"github.com/leakguard/leakguard/internal/npmdeps"
)

// TestMain lets this test binary serve as the review worker of the App it
// tests (reviews run in a child process, with the test analyzers beside the
// real ones), runs the package's tests, then checks app.yml against every
// operation the App made in them (checkPermissionsUsed): a permission that
// no event and no call needs is refused like a call that is not allowed.
// The check needs the whole package to have run, so it is left out when
// -run or -skip selects tests.
func TestMain(m *testing.M) {
	isolationtest.MaybeServe(append(suite.Default(), failing, noop)...)
	code := m.Run()
	if code != 0 || flag.Lookup("test.run").Value.String() != "" || flag.Lookup("test.skip").Value.String() != "" {
		os.Exit(code)
	}
	var paths []string
	for _, f := range append(permissionFiles, [2]string{"@octokit/openapi", "generated/api.github.com.json"}) {
		p := filepath.Join(npmdeps.Dir(), "node_modules", f[0], f[1])
		if _, err := os.Stat(p); err != nil {
			if os.Getenv("CI") != "" {
				fmt.Printf("FAIL: app.yml permissions not checked: %s is missing\n", p)
				os.Exit(1)
			}
			os.Exit(code) // skipped like the tests that need it
		}
		paths = append(paths, p)
	}
	d, err := readPermissionData(paths[0], paths[1], paths[2], paths[3])
	if err == nil {
		var spec *fakegithub.Spec
		if spec, err = fakegithub.LoadSpec(paths[4]); err == nil {
			ops := fakegithub.Operations()
			if len(ops) == 0 {
				err = fmt.Errorf("no GitHub operation was recorded")
			}
			for _, p := range checkPermissionsUsed(d, spec, ops) {
				fmt.Printf("--- FAIL: app.yml permissions (checked after all tests, over the %d operations the App made)\n    %s\n", len(ops), p)
				code = 1
			}
		}
	}
	if err != nil {
		fmt.Printf("--- FAIL: app.yml permissions: %v\n", err)
		code = 1
	}
	os.Exit(code)
}
