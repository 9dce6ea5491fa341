package app

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/google/go-github/v57/github"
	"github.com/riverqueue/river"
)

// HelpText answers `/leakguard help` and unknown verbs.
const HelpText = "**leakguard commands** (comment on the pull request):\n\n" +
	"- `/leakguard rescan`: review the pull request's head again (needs triage, write, maintain or admin permission, or being the PR's author).\n" +
	"- `/leakguard ignore <finding-id> <reason>`: ignore one finding (its id looks like `LG-1a2b3c4d5e`) in this repository; the reason is required and shown in later summaries, and the pull request is reviewed again (needs write, maintain or admin permission).\n" +
	"- `/leakguard help`: this text.\n\n" +
	"To silence a finding in code instead, add a comment `leakguard-ignore <rule>: <reason>` on or above the line."

var findingIDRE = regexp.MustCompile(`^LG-[0-9a-f]{10}$`)

// isCommand reports whether a comment is addressed to leakguard: its first
// non-empty line starts with /leakguard.
func isCommand(body string) bool {
	_, _, ok := parseCommand(body)
	return ok
}

// parseCommand reads the first line of a comment: "/leakguard <verb> <rest>".
func parseCommand(body string) (verb, rest string, ok bool) {
	line := strings.TrimSpace(body)
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = strings.TrimSpace(line[:i])
	}
	fields := strings.Fields(line)
	if len(fields) == 0 || fields[0] != "/leakguard" {
		return "", "", false
	}
	if len(fields) == 1 {
		return "help", "", true
	}
	rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(strings.TrimPrefix(line, "/leakguard")), fields[1]))
	return strings.ToLower(fields[1]), rest, true
}

// command acts on a `/leakguard` comment: permission checked at command time
// through the collaborator permission API; accepted commands get an 👀
// reaction, refused ones a short reply saying why.
func (s *Service) command(ctx context.Context, a CommandArgs) error {
	log := s.log.With("delivery", a.Delivery, "installation", a.InstallationID, "repo", a.Owner+"/"+a.Repo, "pr", a.PR, "comment", a.CommentID, "user", a.Author)
	gh, _ := s.gh.Repo(a.InstallationID, a.RepoID)
	verb, rest, ok := parseCommand(a.Body)
	if !ok {
		return nil
	}
	reply := func(text string) error {
		_, _, err := gh.Issues.CreateComment(ctx, a.Owner, a.Repo, a.PR, &github.IssueComment{Body: github.String("@" + a.Author + " " + text)})
		if err != nil {
			return fmt.Errorf("reply to command: %w", err)
		}
		return nil
	}
	accept := func() error {
		_, _, err := gh.Reactions.CreateIssueCommentReaction(ctx, a.Owner, a.Repo, a.CommentID, "eyes")
		if err != nil {
			return fmt.Errorf("react to command: %w", err)
		}
		return nil
	}
	switch verb {
	case "help":
		log.Info("command help")
		if err := accept(); err != nil {
			return err
		}
		return reply(HelpText)
	case "rescan", "ignore":
	default:
		log.Info("unknown command verb", "verb", verb)
		return reply(fmt.Sprintf("`%s` is not a leakguard command.\n\n%s", cutRunes(verb, 40), HelpText))
	}

	role, err := s.role(ctx, gh, a.Owner, a.Repo, a.Author)
	if err != nil {
		return err
	}
	pr, _, err := gh.PullRequests.Get(ctx, a.Owner, a.Repo, a.PR)
	if err != nil {
		return fmt.Errorf("get pull request: %w", err)
	}
	if pr.GetState() != "open" {
		return reply("this pull request is closed; leakguard reviews open pull requests only.")
	}
	writer := role == "admin" || role == "maintain" || role == "write"
	var ignore *Ignore
	switch verb {
	case "rescan":
		if !writer && role != "triage" && !strings.EqualFold(pr.GetUser().GetLogin(), a.Author) {
			log.Info("rescan refused", "role", role)
			return reply(fmt.Sprintf("`/leakguard rescan` needs triage, write, maintain or admin permission on this repository, or being the pull request's author (your permission: %s).", role))
		}
	case "ignore":
		if !writer {
			log.Info("ignore refused", "role", role)
			return reply(fmt.Sprintf("`/leakguard ignore` needs write, maintain or admin permission on this repository (your permission: %s).", role))
		}
		id, reason, _ := strings.Cut(rest, " ")
		reason = strings.TrimSpace(reason)
		if !findingIDRE.MatchString(id) {
			return reply("usage: `/leakguard ignore <finding-id> <reason>`, with the finding id as shown in the check run (like `LG-1a2b3c4d5e`).")
		}
		if reason == "" {
			return reply("`/leakguard ignore` needs a reason after the finding id, so later readers know why the finding is safe.")
		}
		ignore = &Ignore{FindingID: id, Reason: cutRunes(reason, 500), Actor: a.Author, PR: a.PR, Created: time.Now()}
	}
	// The ignore and the rescan it triggers are written together.
	tx, err := s.store.DB.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if ignore != nil {
		if err := s.store.AddIgnore(ctx, tx, a.RepoID, *ignore); err != nil {
			return err
		}
	}
	job := ReviewArgs{InstallationID: a.InstallationID, RepoID: a.RepoID, Owner: a.Owner, Repo: a.Repo, PR: a.PR,
		HeadSHA: pr.GetHead().GetSHA(), Ruleset: s.ruleset, Rerun: a.Delivery, Delivery: a.Delivery, Trigger: "command." + verb}
	if err := s.insertJobs(ctx, tx, []river.JobArgs{job}); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	log.Info("command accepted", "verb", verb, "role", role)
	return accept()
}

// role is the user's role on the repository: admin, maintain, write, triage,
// read or none (GET /repos/{owner}/{repo}/collaborators/{user}/permission).
func (s *Service) role(ctx context.Context, gh *github.Client, owner, repo, user string) (string, error) {
	u := fmt.Sprintf("repos/%s/%s/collaborators/%s/permission", url.PathEscape(owner), url.PathEscape(repo), url.PathEscape(user))
	req, err := gh.NewRequest("GET", u, nil)
	if err != nil {
		return "", err
	}
	var p struct {
		Permission string `json:"permission"`
		RoleName   string `json:"role_name"`
	}
	resp, err := gh.Do(ctx, req, &p)
	if err != nil {
		if resp != nil && resp.StatusCode == 404 {
			return "none", nil // not a collaborator
		}
		return "", fmt.Errorf("check permission: %w", err)
	}
	switch p.RoleName {
	case "admin", "maintain", "write", "triage", "read", "none":
		return p.RoleName, nil
	}
	// A custom role: judge by the base permission it carries.
	return p.Permission, nil
}

func cutRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
