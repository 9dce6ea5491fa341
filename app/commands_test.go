package app

import "testing"

func TestParseCommand(t *testing.T) {
	for _, tc := range []struct {
		body, verb, rest string
		ok               bool
	}{
		{"/leakguard rescan", "rescan", "", true},
		{"  /leakguard   RESCAN  \nthanks!", "rescan", "", true},
		{"/leakguard", "help", "", true},
		{"/leakguard ignore LG-0123456789 fixture data, not a key", "ignore", "LG-0123456789 fixture data, not a key", true},
		{"/leakguard ignore LG-0123456789 first line\nsecond line", "ignore", "LG-0123456789 first line", true},
		{"/leakguardrescan", "", "", false},
		{"please /leakguard rescan", "", "", false},
		{"> /leakguard rescan", "", "", false}, // a quote of someone's command
		{"", "", "", false},
	} {
		verb, rest, ok := parseCommand(tc.body)
		if verb != tc.verb || rest != tc.rest || ok != tc.ok {
			t.Errorf("parseCommand(%q) = %q, %q, %v; want %q, %q, %v", tc.body, verb, rest, ok, tc.verb, tc.rest, tc.ok)
		}
	}
}
