package secrets

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/leakguard/leakguard/analyzers"
)

// hit is one credential found in a file.
type hit struct {
	rule     *analyzers.Rule
	severity analyzers.Severity
	secret   string
	start    int // byte offsets in the file
	end      int
	what     string // "a live Stripe secret key"
	harm     string // what someone holding it can do
	fix      string
	// live marks keys that only work against production, so even a test
	// file holding one is a leak: live Stripe keys, a hosted project's
	// service_role JWT.
	live bool
}

// detector finds one kind of credential by its shape.
type detector struct {
	// needles are literals a match must contain; a file holding none of them
	// skips the regular expression, which is most of the scanning cost.
	needles []string
	re      *regexp.Regexp
	// classify decides whether a match is a real credential and describes it;
	// ok false drops the match (placeholder, public key, demo value).
	classify func(m []string) (h hit, ok bool)
}

func rotateFix(where, env string) string {
	return fmt.Sprintf("Revoke this credential now in %s — it is compromised from the moment it was pushed, and removing it from the code does not remove it from git history. Then read it from an environment variable (`process.env.%s`) set in your host's secret settings, never in a committed file.", where, env)
}

var detectors = []detector{
	{ // Stripe secret and restricted keys.
		needles: []string{"sk_live_", "sk_test_", "rk_live_", "rk_test_"},
		re:      regexp.MustCompile(`\b((?:sk|rk)_(live|test)_([0-9A-Za-z]{16,247}))\b`),
		classify: func(m []string) (hit, bool) {
			if Placeholder(m[3]) || !randomLooking(m[3]) || PublicValue(m[1]) {
				return hit{}, false
			}
			kind := "secret"
			if strings.HasPrefix(m[1], "rk_") {
				kind = "restricted"
			}
			if m[2] == "live" {
				return hit{rule: ruleStripeKey, severity: analyzers.Critical, secret: m[1], live: true,
					what: "a live Stripe " + kind + " key",
					harm: "Anyone who can read this repository (every clone, fork and CI log included) can create charges and refunds, move payouts and read every customer's payment details.",
					fix:  rotateFix("the Stripe dashboard (Developers → API keys → Roll key)", "STRIPE_SECRET_KEY")}, true
			}
			return hit{rule: ruleStripeKey, severity: analyzers.Medium, secret: m[1],
				what: "a Stripe test-mode " + kind + " key",
				harm: "Test mode moves no money, but the key reads and writes all of your test-mode customers, webhooks and settings, and often sits next to live-mode code paths.",
				fix:  rotateFix("the Stripe dashboard (test mode → Developers → API keys)", "STRIPE_SECRET_KEY")}, true
		},
	},
	{ // Stripe webhook signing secrets.
		needles: []string{"whsec_"},
		re:      regexp.MustCompile(`\b(whsec_([0-9A-Za-z+/=]{24,}))`),
		classify: func(m []string) (hit, bool) {
			if Placeholder(m[2]) || !randomLooking(m[2]) {
				return hit{}, false
			}
			return hit{rule: ruleStripeWebhookSecret, severity: analyzers.High, secret: m[1],
				what: "a Stripe webhook signing secret",
				harm: "With it anyone can forge webhook events your endpoint accepts as genuine — marking invoices paid or upgrading accounts without paying.",
				fix:  rotateFix("the Stripe dashboard (Developers → Webhooks → Roll secret)", "STRIPE_WEBHOOK_SECRET")}, true
		},
	},
	{ // Supabase secret API keys (new format).
		needles: []string{"sb_secret_"},
		re:      regexp.MustCompile(`\b(sb_secret_([0-9A-Za-z_-]{20,}))`),
		classify: func(m []string) (hit, bool) {
			if Placeholder(m[2]) || !randomLooking(m[2]) {
				return hit{}, false
			}
			return hit{rule: ruleSupabaseKey, severity: analyzers.Critical, secret: m[1],
				what: "a Supabase secret API key",
				harm: "It bypasses row-level security: whoever has it can read and change every row of every user in your database.",
				fix:  rotateFix("the Supabase dashboard (Project Settings → API keys)", "SUPABASE_SECRET_KEY")}, true
		},
	},
	{ // JWTs: Supabase legacy service_role keys are signed JWTs with role=service_role.
		needles: []string{"eyJ"},
		re:      regexp.MustCompile(`\b(eyJ[0-9A-Za-z_-]{10,}\.eyJ[0-9A-Za-z_-]{10,}\.[0-9A-Za-z_-]{10,})`),
		classify: func(m []string) (hit, bool) {
			claims, ok := jwtClaims(m[1])
			if !ok {
				return hit{}, false
			}
			role, _ := claims["role"].(string)
			iss, _ := claims["iss"].(string)
			if role != "service_role" || iss == "supabase-demo" { // the local `supabase start` key is public
				return hit{}, false
			}
			ref, _ := claims["ref"].(string)
			return hit{rule: ruleSupabaseKey, severity: analyzers.Critical, secret: m[1], live: projectRefRE.MatchString(ref),
				what: "a Supabase service_role JWT",
				harm: "It bypasses row-level security: whoever has it can read and change every row of every user in your database.",
				fix:  rotateFix("the Supabase dashboard (Project Settings → API → roll the JWT secret, or move to the new API keys)", "SUPABASE_SERVICE_ROLE_KEY")}, true
		},
	},
	{ // Anthropic.
		needles: []string{"sk-ant-"},
		re:      regexp.MustCompile(`\b(sk-ant-(?:api|admin)\d{2}-([0-9A-Za-z_-]{40,}))`),
		classify: provider("an Anthropic API key", "the Anthropic console (Settings → API keys)", "ANTHROPIC_API_KEY",
			"Anyone who has it can run models on your account and bill you for it, and read what your workspace stores."),
	},
	{ // OpenAI: sk-proj-…, sk-svcacct-…, sk-admin-…, legacy sk-<48>.
		needles: []string{"sk-"},
		re:      regexp.MustCompile(`\b(sk-(?:proj-|svcacct-|admin-|None-)?([0-9A-Za-z_-]{32,}))`),
		classify: func(m []string) (hit, bool) {
			// Real OpenAI keys mix upper case, lower case and digits; class
			// names and slugs such as "sk-skeleton-row-…" do not.
			if strings.HasPrefix(m[1], "sk-ant-") || !mixedCase(m[2]) {
				return hit{}, false
			}
			return provider("an OpenAI API key", "the OpenAI dashboard (API keys)", "OPENAI_API_KEY",
				"Anyone who has it can run models on your account, run up your bill and read your stored files, assistants and conversations.")(m)
		},
	},
	{ // AWS access key ids.
		needles: []string{"AKIA", "ASIA", "ABIA", "ACCA"},
		re:      regexp.MustCompile(`\b((?:AKIA|ASIA|ABIA|ACCA)([0-9A-Z]{16}))\b`),
		classify: provider("an AWS access key id", "the AWS IAM console (deactivate and delete the access key)", "AWS_ACCESS_KEY_ID",
			"Paired with its secret (usually committed alongside it) it gives whatever IAM permissions the key has — often S3 buckets full of customer files."),
	},
	{ // GitHub tokens.
		needles: []string{"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"},
		re:      regexp.MustCompile(`\b((?:ghp|gho|ghu|ghs|ghr)_([0-9A-Za-z]{36})|github_pat_([0-9A-Za-z_]{60,}))\b`),
		classify: func(m []string) (hit, bool) {
			body := m[2] + m[3]
			return provider("a GitHub token", "GitHub (Settings → Developer settings → tokens)", "GITHUB_TOKEN",
				"Anyone who has it acts as its owner on GitHub: reads private repositories, pushes code, reads secrets of workflows it can edit.")([]string{m[0], m[1], body})
		},
	},
	{ // SendGrid.
		needles:  []string{"SG."},
		re:       regexp.MustCompile(`\b(SG\.([0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43}))\b`),
		classify: provider("a SendGrid API key", "SendGrid (Settings → API Keys → delete)", "SENDGRID_API_KEY", sendsMail),
	},
	{ // Resend.
		needles:  []string{"re_"},
		re:       regexp.MustCompile(`\b(re_([0-9A-Za-z]{8}_[0-9A-Za-z]{24}))\b`),
		classify: provider("a Resend API key", "Resend (API Keys → revoke)", "RESEND_API_KEY", sendsMail),
	},
	{ // npm, Hugging Face, Groq and Replicate tokens.
		needles: []string{"npm_", "hf_", "gsk_", "r8_"},
		re:      regexp.MustCompile(`\b((?:npm_|hf_|gsk_|r8_)([0-9A-Za-z]{34,52}))\b`),
		classify: func(m []string) (hit, bool) {
			what, where, env, harm := "an npm access token", "npmjs.com (Access Tokens → delete)", "NPM_TOKEN", "Anyone who has it can publish packages as you — a malicious release of your package reaches everyone who installs it."
			switch {
			case strings.HasPrefix(m[1], "hf_"):
				what, where, env, harm = "a Hugging Face token", "Hugging Face (Settings → Access Tokens)", "HF_TOKEN", runsModels
			case strings.HasPrefix(m[1], "gsk_"):
				what, where, env, harm = "a Groq API key", "the Groq console (API Keys)", "GROQ_API_KEY", runsModels
			case strings.HasPrefix(m[1], "r8_"):
				what, where, env, harm = "a Replicate API token", "Replicate (Account → API tokens)", "REPLICATE_API_TOKEN", runsModels
			}
			return provider(what, where, env, harm)(m)
		},
	},
	{ // Slack tokens and incoming webhooks.
		needles: []string{"xox", "xapp-", "hooks.slack.com"},
		re:      regexp.MustCompile(`\b((?:xox[baprs]|xapp)-([0-9A-Za-z-]{20,})|https://hooks\.slack\.com/services/(T[0-9A-Z]{6,}/B[0-9A-Z]{6,}/[0-9A-Za-z]{20,}))`),
		classify: func(m []string) (hit, bool) {
			body := m[2] + m[3]
			return provider("a Slack token or webhook URL", "Slack (app settings → OAuth / Incoming Webhooks → revoke)", "SLACK_TOKEN",
				"Anyone who has it can post as your app into your workspace — convincing phishing from a trusted bot — and, for bot tokens, read channels.")([]string{m[0], m[1], body})
		},
	},
}

// projectRefRE matches the id of a hosted Supabase project, as in
// https://<ref>.supabase.co.
var projectRefRE = regexp.MustCompile(`^[a-z0-9]{20}$`)

const (
	sendsMail  = "Anyone who has it can send email as your domain — convincing phishing to your own users — and read your sending logs."
	runsModels = "Anyone who has it can run models on your account and bill you for it."
)

// provider builds a classifier for a provider token whose random part is m[2].
func provider(what, where, env, harm string) func(m []string) (hit, bool) {
	return func(m []string) (hit, bool) {
		if Placeholder(m[2]) || !randomLooking(m[2]) {
			return hit{}, false
		}
		return hit{rule: ruleAPIToken, severity: analyzers.High, secret: m[1], what: what, harm: harm, fix: rotateFix(where, env)}, true
	}
}

// pemRE matches a private key block: BEGIN line, optional armor headers
// (Proc-Type/DEK-Info of encrypted PEM, Version/Comment of OpenPGP), at least
// 64 characters of base64, END. Line breaks may be real or escaped (\n in JSON).
var pemRE = regexp.MustCompile(`-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----((?:\\n|\\r|[\r\n]|\s)+)(?:[A-Z][A-Za-z-]+: [^\r\n\\]*(?:\\n|\\r|[\r\n]|\s)+)*([A-Za-z0-9+/=\s]|\\n|\\r){64,}?-----END`)

// scanText runs every detector, the PEM and database URL checks over a file.
func scanText(text string) []hit {
	var hits []hit
	for _, d := range detectors {
		if !containsAny(text, d.needles) {
			continue
		}
		for _, idx := range d.re.FindAllStringSubmatchIndex(text, -1) {
			m := make([]string, len(idx)/2)
			for i := range m {
				if idx[2*i] >= 0 {
					m[i] = text[idx[2*i]:idx[2*i+1]]
				}
			}
			h, ok := d.classify(m)
			if !ok {
				continue
			}
			h.start, h.end = idx[2], idx[3]
			if h.rule == ruleStripeKey && clerkContext(text, h.start) {
				h = clerkKey(h)
			}
			hits = append(hits, h)
		}
	}
	hits = append(hits, scanPEM(text)...)
	hits = append(hits, scanDatabaseURLs(text)...)
	return hits
}

// mixedCase reports whether s holds an upper-case letter, a lower-case
// letter and a digit, as generated keys do.
func mixedCase(s string) bool {
	return strings.ContainsAny(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") && strings.ContainsAny(s, "abcdefghijklmnopqrstuvwxyz") && strings.ContainsAny(s, "0123456789")
}

// clerkContext reports an sk_… key on a line that names Clerk
// (CLERK_SECRET_KEY=sk_live_…, clerkClient({ secretKey: 'sk_…' })): Clerk's
// secret keys share Stripe's prefixes.
func clerkContext(text string, at int) bool {
	start := strings.LastIndexByte(text[:at], '\n') + 1
	end := strings.IndexByte(text[at:], '\n')
	if end < 0 {
		end = len(text) - at
	}
	return strings.Contains(strings.ToLower(text[start:at+end]), "clerk")
}

// clerkKey describes a Clerk secret key found by the Stripe pattern.
func clerkKey(h hit) hit {
	h.rule = ruleAPIToken
	mode := "development" // sk_test_: a development instance, medium like Stripe's test keys
	if h.live {
		mode = "production"
	}
	h.what = "a Clerk " + mode + " secret key"
	h.harm = "With it anyone can call Clerk's backend API as your app: read every user's profile and email, create sessions and sign in as any user."
	h.fix = rotateFix("the Clerk dashboard (API keys → roll the secret key)", "CLERK_SECRET_KEY")
	return h
}

func containsAny(s string, needles []string) bool {
	for _, n := range needles {
		if strings.Contains(s, n) {
			return true
		}
	}
	return false
}

func scanPEM(text string) []hit {
	if !strings.Contains(text, "PRIVATE KEY") {
		return nil
	}
	var hits []hit
	for _, idx := range pemRE.FindAllStringSubmatchIndex(text, -1) {
		block := text[idx[0]:idx[1]]
		body := pemBody(text[idx[3]+5 : idx[1]-len("-----END")])
		if Placeholder(body) {
			continue
		}
		hits = append(hits, hit{rule: rulePrivateKey, severity: analyzers.Critical, secret: block,
			start: idx[0], end: idx[1],
			what: pemKind(text[idx[2]:idx[3]]),
			harm: "Whoever holds a private key can impersonate the service it belongs to: sign tokens your servers trust, decrypt its traffic or log in where the key is authorised.",
			fix:  "Revoke the key where it is used and issue a new one. Keep the new key in your host's secret store and load it at runtime (e.g. from an environment variable or a mounted file outside the repository)."})
	}
	return hits
}

// pemKind names a PEM block type for a sentence: "an RSA private key".
func pemKind(typ string) string {
	kind := strings.Replace(strings.TrimSuffix(typ, " BLOCK"), "PRIVATE KEY", "private key", 1)
	kind = strings.Replace(kind, "OPENSSH", "OpenSSH", 1)
	kind = strings.Replace(kind, "ENCRYPTED", "encrypted", 1)
	if strings.ContainsAny(kind[:1], "AEIOUaeiou") || strings.HasPrefix(kind, "RSA") {
		return "an " + kind
	}
	return "a " + kind
}

// pemBody is the base64 of a PEM block without its armor headers and line
// breaks.
func pemBody(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.ReplaceAll(s, `\n`, "\n"), "\n") {
		if !strings.Contains(line, ": ") {
			b.WriteString(line)
		}
	}
	return strings.NewReplacer(`\r`, "", "\r", "", " ", "", "\t", "").Replace(b.String())
}

func scanDatabaseURLs(text string) []hit {
	if !strings.Contains(text, "://") {
		return nil
	}
	var hits []hit
	for _, idx := range dbURLRE.FindAllStringSubmatchIndex(text, -1) {
		password, host := text[idx[6]:idx[7]], text[idx[8]:idx[9]]
		if localHost(host) || Placeholder(password) || strings.HasPrefix(password, "$") || len(password) < 6 {
			continue
		}
		hits = append(hits, hit{rule: ruleDatabaseURL, severity: analyzers.High, secret: password,
			start: idx[6], end: idx[7],
			what: "a database connection string with its password (host " + host + ")",
			harm: "Anyone who can read the repository can connect to that database directly, outside every access rule of your app, and read or change all tenants' data.",
			fix:  "Change the database password now, then load the connection string from an environment variable (`process.env.DATABASE_URL`) set in your host's secret settings."})
	}
	return hits
}
