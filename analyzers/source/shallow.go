package source

import (
	"context"
	"fmt"
	"regexp"
	"strings"
)

// ShallowError says a shallow clone lacks the history a review needs and it
// could not be fetched. A review of a truncated range would pass changes it
// never saw, so callers stop instead.
type ShallowError struct {
	Need string // what is missing, e.g. "the merge-base of HEAD and origin/main"
	Why  string // why it could not be fetched
}

func (e *ShallowError) Error() string {
	return fmt.Sprintf("this is a shallow clone and %s is not in it (%s); a review of a truncated history could pass changes it never saw. "+
		"Fetch the history (`git fetch --unshallow`, or `fetch-depth: 0` for actions/checkout) or pass --base with a commit that is present", e.Need, e.Why)
}

// Shallow reports whether dir is a shallow clone.
func Shallow(ctx context.Context, dir string) bool {
	out, err := runGit(ctx, dir, "rev-parse", "--is-shallow-repository")
	return err == nil && strings.TrimSpace(string(out)) == "true"
}

var fullSHA = regexp.MustCompile(`^[0-9a-f]{40}([0-9a-f]{24})?$`)

// FindBase returns the base to review head against: base itself when given
// (resolved to a commit), else DefaultBase (with uncommitted set, for a
// review of uncommitted work on top of head). In a shallow clone whose
// history does not reach that base, it fetches more from the remote —
// `git fetch --deepen`, then `--unshallow`, or the base commit itself when it
// is named by its id — and fails with a *ShallowError when it cannot.
// progress, when not nil, is told about each fetch.
func FindBase(ctx context.Context, dir, base, head string, uncommitted bool, progress func(string)) (string, []string, error) {
	say := func(s string) {
		if progress != nil {
			progress(s)
		}
	}
	attempt := func() (string, string, string, error) {
		if base != "" {
			sha, err := ResolveCommit(ctx, dir, base)
			return sha, "", "the base " + base, err
		}
		b, note, err := defaultBase(ctx, dir, head, uncommitted)
		if err == nil && strings.HasSuffix(note, "has no parent: nothing to review") && Shallow(ctx, dir) {
			// The root of a shallow clone has its parents cut off.
			err = fmt.Errorf("%s has no parent", head)
		}
		return b, note, "the base of " + head, err
	}
	b, note, need, err := attempt()
	if err == nil || !Shallow(ctx, dir) {
		return b, notes(note), err
	}
	remote := fetchRemote(ctx, dir)
	if remote == "" {
		return "", nil, &ShallowError{Need: need, Why: "the repository has no remote to fetch it from"}
	}
	var steps [][]string
	if fullSHA.MatchString(base) {
		steps = append(steps, []string{"fetch", "--quiet", "--no-tags", "--depth=1", remote, base})
	}
	if base == "" {
		// A single-branch clone may not have the default branch at all.
		if b := remoteDefaultBranch(ctx, dir, remote); b != "" {
			if _, err := ResolveCommit(ctx, dir, "refs/remotes/"+remote+"/"+b); err != nil {
				steps = append(steps, []string{"fetch", "--quiet", "--no-tags", remote, "+refs/heads/" + b + ":refs/remotes/" + remote + "/" + b})
			}
		}
	}
	steps = append(steps,
		[]string{"fetch", "--quiet", "--no-tags", "--deepen=200", remote},
		[]string{"fetch", "--quiet", "--no-tags", "--unshallow", remote})
	var lastErr error
	for _, args := range steps {
		say(fmt.Sprintf("shallow clone: git %s", strings.Join(args[2:], " ")))
		if _, err := runGit(ctx, dir, args...); err != nil {
			lastErr = err
			continue
		}
		if strings.HasPrefix(args[len(args)-1], "+refs/heads/") {
			// Make it the remote's HEAD, as a full clone has it, for DefaultBase.
			b := strings.TrimPrefix(strings.Split(args[len(args)-1], ":")[0], "+refs/heads/")
			runGit(ctx, dir, "symbolic-ref", "refs/remotes/"+remote+"/HEAD", "refs/remotes/"+remote+"/"+b)
		}
		if b, note, _, err = attempt(); err == nil {
			return b, append(notes(note), fmt.Sprintf("the clone was shallow: fetched more history from %s (git %s)", remote, strings.Join(args[2:], " "))), nil
		}
		lastErr = err
		if !Shallow(ctx, dir) {
			return "", nil, err // the whole history is here: the problem is elsewhere
		}
	}
	return "", nil, &ShallowError{Need: need, Why: fmt.Sprintf("fetching from %s did not bring it: %v", remote, lastErr)}
}

func notes(n string) []string {
	if n == "" {
		return nil
	}
	return []string{n}
}

// fetchRemote is the remote to deepen from: the current branch's, else
// origin, else the only one.
func fetchRemote(ctx context.Context, dir string) string {
	if out, err := runGit(ctx, dir, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"); err == nil {
		if r, _, ok := strings.Cut(strings.TrimSpace(string(out)), "/"); ok && r != "" {
			return r
		}
	}
	out, err := runGit(ctx, dir, "remote")
	if err != nil {
		return ""
	}
	remotes := strings.Fields(string(out))
	for _, r := range remotes {
		if r == "origin" {
			return r
		}
	}
	if len(remotes) == 1 {
		return remotes[0]
	}
	return ""
}

// remoteDefaultBranch asks the remote for its default branch ("" when it
// cannot be reached or says nothing).
func remoteDefaultBranch(ctx context.Context, dir, remote string) string {
	out, err := runGit(ctx, dir, "ls-remote", "--symref", remote, "HEAD")
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(out), "\n") {
		if ref, ok := strings.CutPrefix(line, "ref: refs/heads/"); ok {
			if b, _, ok := strings.Cut(ref, "\t"); ok {
				return b
			}
		}
	}
	return ""
}
