package envname

import "testing"

func TestPublicSecretName(t *testing.T) {
	for name, want := range map[string]bool{
		"NEXT_PUBLIC_STRIPE_SECRET_KEY":      true,
		"NEXT_PUBLIC_OPENAI_API_KEY":         true,
		"VITE_ANTHROPIC_API_KEY":             true,
		"EXPO_PUBLIC_DATABASE_URL":           true,
		"REACT_APP_JWT_SECRET":               true,
		"PUBLIC_PINECONE_API_KEY":            true,
		"NEXT_PUBLIC_SUPABASE_ANON_KEY":      false,
		"NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY": false,
		"NEXT_PUBLIC_FIREBASE_API_KEY":       false,
		"NEXT_PUBLIC_GOOGLE_MAPS_API_KEY":    false,
		"NEXT_PUBLIC_POSTHOG_KEY":            false,
		"NEXT_PUBLIC_RECAPTCHA_SITE_KEY":     false,
		"STRIPE_SECRET_KEY":                  false, // not public
		"NEXT_PUBLIC_SUPABASE_URL":           false,
	} {
		if got := PublicSecretName(name); got != want {
			t.Errorf("PublicSecretName(%s) = %v, want %v", name, got, want)
		}
	}
}

func TestServiceRoleAndSecretNames(t *testing.T) {
	for name, want := range map[string]bool{
		"SUPABASE_SERVICE_ROLE_KEY": true, "SUPABASE_SECRET_KEY": true, "FIREBASE_ADMIN_PRIVATE_KEY": true,
		"SUPABASE_ANON_KEY": false, "STRIPE_SECRET_KEY": false, "OPENAI_API_KEY": false,
	} {
		if got := ServiceRole(name); got != want {
			t.Errorf("ServiceRole(%s) = %v, want %v", name, got, want)
		}
	}
	for name, want := range map[string]bool{
		"STRIPE_SECRET_KEY": true, "OPENAI_API_KEY": true, "DATABASE_URL": true, "GITHUB_TOKEN": true, "SESSION_PASSWORD": true,
		"NODE_ENV": false, "NEXT_PUBLIC_SUPABASE_ANON_KEY": false, "STRIPE_PUBLISHABLE_KEY": false, "PORT": false, "CSRF_TOKEN_HEADER": false,
	} {
		if got := SecretName(name); got != want {
			t.Errorf("SecretName(%s) = %v, want %v", name, got, want)
		}
	}
}

func TestParseDotenv(t *testing.T) {
	es := ParseDotenv([]byte("# comment\nexport A=1\nB=\"two words\" # c\nC='x#y'\nD=plain # trailing\n  E = spaced\n"))
	got := map[string]string{}
	for _, e := range es {
		got[e.Name] = e.Value
	}
	want := map[string]string{"A": "1", "B": "two words", "C": "x#y", "D": "plain", "E": "spaced"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
}

func TestNamesAboutASecret(t *testing.T) {
	for name, want := range map[string]bool{
		"PRIVATE_KEY_ID": false, "TOKEN_ID": false, "SECRET_NAME": false, "TOKEN_ENDPOINT": false, "TOKEN_URL": false,
		"REFRESH_TOKEN_COOKIE": false, "API_KEY_HEADER": false,
		"DATABASE_URL": true, "REDIS_URL_SECRET": true, "POSTGRES_CONNECTION_URL": true, "PRIVATE_KEY": true, "ACCESS_TOKEN": true,
	} {
		if got := SecretName(name); got != want {
			t.Errorf("SecretName(%s) = %v, want %v", name, got, want)
		}
	}
}

func TestConnectionStrings(t *testing.T) {
	for name, want := range map[string]bool{
		"POSTGRES_URL": true, "POSTGRES_PRISMA_URL": true, "KV_URL": true, "REDIS_URL": true, "MONGODB_URI": true, "DIRECT_URL": true,
		"SUPABASE_URL": false, "NEXT_PUBLIC_SITE_URL": false, "UPSTASH_REDIS_REST_URL": false, "STRIPE_CHECKOUT_URL": false,
	} {
		if got := SecretName(name); got != want {
			t.Errorf("SecretName(%s) = %v, want %v", name, got, want)
		}
	}
	if !PublicSecretName("NEXT_PUBLIC_POSTGRES_URL") || PublicSecretName("NEXT_PUBLIC_SUPABASE_URL") {
		t.Errorf("PublicSecretName: POSTGRES_URL is a connection string, SUPABASE_URL is not")
	}
}

func TestSettingsAreNotSecrets(t *testing.T) {
	for _, name := range []string{"NEXT_PUBLIC_DISABLE_EMAIL_PASSWORD_SIGNUP", "NEXT_PUBLIC_ENABLE_PRIVATE_BETA", "PASSWORD_MIN_LENGTH", "OPENAI_TOKEN_LIMIT", "NEXT_PUBLIC_SHOW_API_KEY_PAGE"} {
		if SecretName(name) || PublicSecretName(name) {
			t.Errorf("%s is a setting, not a secret", name)
		}
	}
	if !SecretName("ADMIN_LOGIN_PASSWORD") {
		t.Error("ADMIN_LOGIN_PASSWORD is a password")
	}
}
