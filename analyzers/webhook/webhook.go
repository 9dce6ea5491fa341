// Package webhook reviews webhook receivers (Stripe, and Svix-signed senders
// such as Clerk and Resend, and GitHub): deliveries accepted without a
// signature check, signatures checked over a parsed instead of the raw body,
// replay windows switched off or stretched, accounts picked from fields the
// payer controls, and event-id idempotency checks removed by a change.
package webhook

import (
	"strings"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

var (
	ruleUnverified = &analyzers.Rule{ID: "webhook/unverified-signature", Category: analyzers.CategoryWebhook, Severity: analyzers.Critical,
		Summary: "webhook handler acts on the request body without checking the provider's signature",
		Doc: "A webhook URL is public. When the handler builds the event from the body (`await req.json()`, `req.body`, `JSON.parse(raw)`) " +
			"without `stripe.webhooks.constructEvent` (Stripe), `new Webhook(secret).verify` / `verifyWebhook` (Svix, Clerk) or an " +
			"`x-hub-signature-256` HMAC check (GitHub), anyone can post a forged `checkout.session.completed` and unlock a paid plan, or a " +
			"forged `user.deleted`. A check that only runs when the secret is set, or whose failure falls back to the parsed body, is the same hole. " +
			"Bad: `const event = await req.json()`. Good: `const event = stripe.webhooks.constructEvent(await req.text(), sig, secret)`."}
	ruleParsedBody = &analyzers.Rule{ID: "webhook/parsed-body", Category: analyzers.CategoryWebhook, Severity: analyzers.Medium,
		Summary: "Stripe signature checked over a parsed and re-serialized body instead of the raw bytes",
		Doc: "Stripe signs the exact bytes it sends (pretty-printed JSON). `JSON.stringify(await req.json())`, `req.body` behind Next.js's " +
			"Pages Router body parser or behind `app.use(express.json())` never match, so every real event is rejected and the usual " +
			"“fix” is to drop the check. Bad: `constructEvent(JSON.stringify(body), sig, secret)`. Good: `constructEvent(await req.text(), sig, secret)`, " +
			"`export const config = { api: { bodyParser: false } }` with `buffer(req)` in pages/api, `express.raw({ type: 'application/json' })` on the route " +
			"registered before `express.json()`."}
	ruleReplay = &analyzers.Rule{ID: "webhook/replay-window", Category: analyzers.CategoryWebhook, Severity: analyzers.Medium,
		Summary: "Stripe signature checked without a usable timestamp tolerance",
		Doc: "The signed timestamp is what stops a captured delivery from being replayed. `constructEvent` with a negative tolerance, " +
			"or a tolerance of hours, and `webhooks.signature.verifyHeader` called without a tolerance (it then skips the timestamp check) " +
			"accept a delivery copied from a log or a proxy again and again. A tolerance of 0 in `constructEvent` means the 300 s default. " +
			"Bad: `stripe.webhooks.signature.verifyHeader(body, sig, secret)`. Good: `stripe.webhooks.constructEvent(body, sig, secret)`."}
	ruleAccount = &analyzers.Rule{ID: "webhook/untrusted-account-mapping", Category: analyzers.CategoryWebhook, Severity: analyzers.Medium,
		Summary: "webhook picks the account to credit from event metadata or an email address",
		Doc: "The email on a Checkout Session or Stripe customer is typed by the payer, and metadata is whatever the code that created the " +
			"session put there (often ids from the browser). Looking up the user by `session.customer_details.email` or " +
			"`session.metadata.userId` lets a payer attach a subscription to, or change the plan of, someone else's account. Bad: " +
			"`.eq('email', session.customer_details.email)`. Good: look the account up by the Stripe customer id you stored when you " +
			"created the customer: `.eq('stripe_customer_id', session.customer)`, or use `client_reference_id` set from the session on the server."}
	ruleIdempotency = &analyzers.Rule{ID: "webhook/idempotency-removed", Category: analyzers.CategoryWebhook, Severity: analyzers.Medium,
		Summary: "the event.id check that made a webhook handler idempotent was removed",
		Doc: "Providers deliver the same event more than once (retries, replays within the tolerance). The base version of this handler " +
			"recorded or checked `event.id` before acting; the change removes it, so a retried `checkout.session.completed` or " +
			"`invoice.paid` grants credits or seats twice. Good: keep a processed-events table keyed by `event.id` (insert with a unique key and skip on conflict)."}
)

// Analyzer is the webhook family.
var Analyzer = &analyzers.Analyzer{
	Name:  "webhook",
	Doc:   "Finds webhook receivers that accept unsigned, replayable or duplicated deliveries, or map events to accounts from payer-controlled fields.",
	Rules: []*analyzers.Rule{ruleUnverified, ruleParsedBody, ruleReplay, ruleAccount, ruleIdempotency},
	Run:   run,
}

func run(pass *analyzers.Pass) error {
	for _, file := range pass.Files {
		p := pass.Path(file)
		if _, ok := syntax.LangOf(p); !ok || syntax.TestPath(p) {
			continue
		}
		data, err := pass.Read(p)
		if err != nil || !mayHoldWebhook(string(data)+" "+p) {
			continue // cheap text filter before parsing
		}
		f, err := pass.Parse(p)
		if err != nil {
			if analyzers.IsSkip(err) {
				continue
			}
			return err
		}
		ff := newFacts(f, p)
		read := moduleReader(pass, p)
		checkSignature(pass, ff, read)
		checkGitHub(pass, ff, read)
		checkParsedBody(pass, ff)
		checkReplay(pass, ff)
		checkAccount(pass, ff)
		checkIdempotency(pass, file, ff, read)
	}
	return nil
}

// mayHoldWebhook is a cheap text filter before any tree walk.
func mayHoldWebhook(s string) bool {
	for _, w := range []string{"stripe", "Stripe", "svix", "webhook", "Webhook", "x-github-event", "X-GitHub-Event", "constructEvent", "paddle", "Paddle", "lemon", "polar", "event_name", "x-signature"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// moduleReader returns the text of a module imported from `from`, or "" when
// it is a package or cannot be resolved.
func moduleReader(pass *analyzers.Pass, from string) func(spec string) string {
	return func(spec string) string {
		idx, err := pass.Index()
		if err != nil || idx == nil {
			return ""
		}
		target, ok := idx.Resolve(from, spec)
		if !ok {
			return ""
		}
		b, err := pass.Read(target)
		if err != nil {
			return ""
		}
		return string(b)
	}
}
