package app

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bradleyfalzon/ghinstallation/v2"
	"github.com/google/go-github/v57/github"
)

// Clients makes GitHub API clients: one authenticated as the app (JWT) and
// one per (installation, repository) whose token is scoped to that single
// repository. ghinstallation caches each token until shortly before expiry.
type Clients struct {
	base   *url.URL
	apps   *ghinstallation.AppsTransport
	next   http.RoundTripper
	slugMu sync.Mutex
	slug   string

	mu     sync.Mutex
	byRepo map[[2]int64]*ghinstallation.Transport
}

// NewClients builds the client factory. next is the transport under the
// authentication (nil means http.DefaultTransport); the private key is
// parsed here and kept only inside ghinstallation.
func NewClients(apiBase string, appID int64, privateKey []byte, next http.RoundTripper, m *Metrics) (*Clients, error) {
	if next == nil {
		next = http.DefaultTransport
	}
	next = &apiTransport{next: next, metrics: m, sleep: sleepCtx}
	u, err := url.Parse(apiBase)
	if err != nil {
		return nil, fmt.Errorf("github url: %w", err)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	atr, err := ghinstallation.NewAppsTransport(next, appID, privateKey)
	if err != nil {
		return nil, fmt.Errorf("app private key: %w", errSanitized(err))
	}
	atr.BaseURL = strings.TrimSuffix(u.String(), "/")
	return &Clients{base: u, apps: atr, next: next, byRepo: map[[2]int64]*ghinstallation.Transport{}}, nil
}

// errSanitized keeps an error's class but drops text that might quote key material.
func errSanitized(err error) error {
	return fmt.Errorf("%T", err)
}

func (c *Clients) client(rt http.RoundTripper) *github.Client {
	gh := github.NewClient(&http.Client{Transport: rt, Timeout: 60 * time.Second})
	gh.BaseURL = c.base
	gh.UploadURL = c.base
	gh.UserAgent = "leakguard"
	return gh
}

// App is a client authenticated as the app itself.
func (c *Clients) App() *github.Client { return c.client(c.apps) }

// Repo returns a client for one repository of an installation and its HTTP
// client (for GraphQL). The token it uses can reach only that repository.
func (c *Clients) Repo(installationID, repoID int64) (*github.Client, *http.Client) {
	tr := c.transport(installationID, repoID)
	return c.client(tr), &http.Client{Transport: tr, Timeout: 60 * time.Second}
}

// Token returns the installation token the Repo client sends (scoped to the
// one repository), for git over HTTPS.
func (c *Clients) Token(ctx context.Context, installationID, repoID int64) (string, error) {
	return c.transport(installationID, repoID).Token(ctx)
}

func (c *Clients) transport(installationID, repoID int64) *ghinstallation.Transport {
	c.mu.Lock()
	defer c.mu.Unlock()
	key := [2]int64{installationID, repoID}
	tr, ok := c.byRepo[key]
	if !ok {
		tr = ghinstallation.NewFromAppsTransport(c.apps, installationID)
		tr.BaseURL = c.apps.BaseURL
		tr.InstallationTokenOptions = &github.InstallationTokenOptions{RepositoryIDs: []int64{repoID}}
		if len(c.byRepo) > 10000 { // bound the cache; tokens are cheap to renew
			clear(c.byRepo)
		}
		c.byRepo[key] = tr
	}
	return tr
}

// APIBase is the REST API base URL.
func (c *Clients) APIBase() *url.URL { return c.base }

// Slug is the app's slug (from GET /app), which names its bot account
// "<slug>[bot]": comments by that login are ours.
func (c *Clients) Slug(ctx context.Context) (string, error) {
	c.slugMu.Lock()
	defer c.slugMu.Unlock()
	if c.slug != "" {
		return c.slug, nil
	}
	app, _, err := c.App().Apps.Get(ctx, "")
	if err != nil {
		return "", fmt.Errorf("get app: %w", err)
	}
	c.slug = app.GetSlug()
	return c.slug, nil
}

// apiTransport sits under authentication: it counts calls and honours
// GitHub's rate limits. A request refused for rate limiting (403/429 with
// Retry-After or an exhausted limit) was not performed, so it is sent again
// after the wait, whatever its method. Server errors and network failures are
// retried only for GET: a POST that may have succeeded is never repeated.
type apiTransport struct {
	next    http.RoundTripper
	metrics *Metrics
	sleep   func(context.Context, time.Duration) error
}

const (
	maxRateLimitWait = 2 * time.Minute
	maxAttempts      = 3
)

func (t *apiTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil && req.GetBody == nil {
		b, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		body = b
	}
	for attempt := 1; ; attempt++ {
		r := req
		if attempt > 1 {
			r = req.Clone(req.Context())
			if req.GetBody != nil {
				b, err := req.GetBody()
				if err != nil {
					return nil, err
				}
				r.Body = b
			}
		}
		if body != nil {
			r.Body = io.NopCloser(strings.NewReader(string(body)))
		}
		resp, err := t.next.RoundTrip(r)
		if t.metrics != nil {
			code := "error"
			if err == nil {
				code = strconv.Itoa(resp.StatusCode)
			}
			t.metrics.APICalls.WithLabelValues(req.Method, code).Inc()
		}
		if attempt >= maxAttempts {
			return resp, err
		}
		var wait time.Duration
		switch {
		case err != nil:
			if req.Method != http.MethodGet {
				return nil, err
			}
			wait = time.Duration(attempt) * time.Second
		case resp.StatusCode == http.StatusForbidden || resp.StatusCode == http.StatusTooManyRequests:
			w, limited := rateLimitWait(resp)
			if !limited || w > maxRateLimitWait {
				return resp, nil
			}
			wait = w
		case resp.StatusCode >= 500 && req.Method == http.MethodGet:
			wait = time.Duration(attempt) * time.Second
		default:
			return resp, nil
		}
		if resp != nil {
			io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
			resp.Body.Close()
		}
		if t.metrics != nil {
			t.metrics.APIRetries.Inc()
		}
		if err := t.sleep(req.Context(), wait); err != nil {
			return nil, err
		}
	}
}

// rateLimitWait reads how long GitHub asks us to wait: Retry-After for
// secondary limits, X-RateLimit-Reset when the primary limit is exhausted.
func rateLimitWait(resp *http.Response) (time.Duration, bool) {
	if s := resp.Header.Get("Retry-After"); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n >= 0 {
			return time.Duration(n) * time.Second, true
		}
	}
	if resp.Header.Get("X-RateLimit-Remaining") == "0" {
		if n, err := strconv.ParseInt(resp.Header.Get("X-RateLimit-Reset"), 10, 64); err == nil {
			d := time.Until(time.Unix(n, 0))
			if d < 0 {
				d = 0
			}
			return d + time.Second, true
		}
	}
	return 0, false
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
