package app

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/google/go-github/v57/github"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/source"
	"github.com/leakguard/leakguard/config"
)

const fixedReplyPrefix = "Fixed in "

// resolveFixed replies "Fixed in <sha>" to our comments whose finding the
// head no longer has, and resolves their threads (GraphQL
// resolveReviewThread). Comments are never deleted. Only files the review
// could fully see count: a skipped file proves nothing.
func (s *Service) resolveFixed(ctx context.Context, gh *github.Client, httpc *http.Client, a ReviewArgs, res *analyzers.Result, files []*source.File, ours []ourComment, log *slog.Logger) error {
	if res.Stats.FilesChanged == 0 && len(ours) == 0 {
		return nil
	}
	current := map[string]bool{}
	for _, f := range res.Findings {
		if f.Status != analyzers.StatusFixed {
			current[f.Fingerprint] = true
		}
	}
	skipped := map[string]bool{}
	for _, sk := range res.Skipped {
		skipped[sk.Path] = true
	}
	// With GitHub's file list capped, a file missing from it may still be
	// changed: its findings are unknown, not fixed.
	listed := map[string]bool{}
	for _, f := range files {
		listed[f.Path] = true
	}
	capped := len(files) >= maxPRFiles
	var fixed []ourComment
	for _, c := range ours {
		if capped && !listed[c.path] {
			continue
		}
		if !current[c.fingerprint] && !skipped[c.path] && !c.replied {
			fixed = append(fixed, c)
		}
	}
	if len(fixed) == 0 {
		return nil
	}
	threads, err := s.reviewThreads(ctx, httpc, a)
	if err != nil {
		return err
	}
	for i, c := range fixed {
		th, ok := threads[c.id]
		if !ok || th.resolved {
			continue
		}
		if i > 0 {
			sleepCtx(ctx, s.pace)
		}
		if err := replyToComment(ctx, gh, a, c.id, fixedReplyPrefix+a.HeadSHA+"."); err != nil {
			return err
		}
		var out struct{}
		if err := s.graphql(ctx, httpc, `mutation($id: ID!) { resolveReviewThread(input: {threadId: $id}) { thread { id isResolved } } }`, map[string]any{"id": th.id}, &out); err != nil {
			return fmt.Errorf("resolve thread: %w", err)
		}
		log.Info("finding fixed, thread resolved", "comment", c.id)
	}
	return nil
}

type thread struct {
	id       string
	resolved bool
}

// reviewThreads maps the first comment of each review thread to the thread.
func (s *Service) reviewThreads(ctx context.Context, httpc *http.Client, a ReviewArgs) (map[int64]thread, error) {
	const q = `query($owner: String!, $name: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes { id isResolved comments(first: 1) { nodes { fullDatabaseId } } }
      }
    }
  }
}`
	out := map[int64]thread{}
	var cursor *string
	for page := 0; page < 20; page++ {
		var data struct {
			Repository struct {
				PullRequest struct {
					ReviewThreads struct {
						PageInfo struct {
							HasNextPage bool
							EndCursor   string
						}
						Nodes []struct {
							ID         string
							IsResolved bool
							Comments   struct {
								// BigInt, sent as a string (databaseId is
								// deprecated: ids outgrew 32 bits).
								Nodes []struct{ FullDatabaseID string }
							}
						}
					}
				}
			}
		}
		vars := map[string]any{"owner": a.Owner, "name": a.Repo, "number": a.PR, "cursor": cursor}
		if err := s.graphql(ctx, httpc, q, vars, &data); err != nil {
			return nil, fmt.Errorf("list review threads: %w", err)
		}
		rt := data.Repository.PullRequest.ReviewThreads
		for _, n := range rt.Nodes {
			if len(n.Comments.Nodes) > 0 {
				if id, err := strconv.ParseInt(n.Comments.Nodes[0].FullDatabaseID, 10, 64); err == nil {
					out[id] = thread{id: n.ID, resolved: n.IsResolved}
				}
			}
		}
		if !rt.PageInfo.HasNextPage {
			break
		}
		c := rt.PageInfo.EndCursor
		cursor = &c
	}
	return out, nil
}

// graphql posts one GraphQL operation with the installation's token.
func (s *Service) graphql(ctx context.Context, httpc *http.Client, query string, vars map[string]any, out any) error {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, config.GraphQLURL(s.cfg.GitHubURL), bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := httpc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var r struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.NewDecoder(http.MaxBytesReader(nil, resp.Body, 16<<20)).Decode(&r); err != nil {
		return fmt.Errorf("graphql: status %d: %w", resp.StatusCode, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("graphql: status %d", resp.StatusCode)
	}
	if len(r.Errors) > 0 {
		return fmt.Errorf("graphql: %s", r.Errors[0].Message)
	}
	return json.Unmarshal(r.Data, out)
}

// replyToComment answers a review comment in its thread through
// POST /pulls/{n}/comments/{id}/replies (go-github's CreateCommentInReplyTo
// posts to /pulls/{n}/comments without the commit_id and path that
// operation requires).
func replyToComment(ctx context.Context, gh *github.Client, a ReviewArgs, commentID int64, body string) error {
	u := fmt.Sprintf("repos/%s/%s/pulls/%d/comments/%d/replies", url.PathEscape(a.Owner), url.PathEscape(a.Repo), a.PR, commentID)
	req, err := gh.NewRequest("POST", u, map[string]string{"body": body})
	if err != nil {
		return err
	}
	if _, err := gh.Do(ctx, req, nil); err != nil {
		return fmt.Errorf("reply to fixed finding: %w", err)
	}
	return nil
}
