package app

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestAPITransportRetries(t *testing.T) {
	var calls atomic.Int32
	var mode atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := calls.Add(1)
		switch mode.Load().(string) {
		case "secondary":
			if n == 1 {
				w.Header().Set("Retry-After", "2")
				w.WriteHeader(http.StatusForbidden)
				return
			}
		case "5xx":
			w.WriteHeader(http.StatusBadGateway)
			return
		case "forbidden":
			w.WriteHeader(http.StatusForbidden)
			return
		}
		w.WriteHeader(http.StatusOK)
	}))
	defer srv.Close()
	var slept []time.Duration
	tr := &apiTransport{next: http.DefaultTransport, metrics: NewMetrics(), sleep: func(_ context.Context, d time.Duration) error {
		slept = append(slept, d)
		return nil
	}}
	do := func(method string) int {
		req, _ := http.NewRequest(method, srv.URL, strings.NewReader(`{"a":1}`))
		resp, err := tr.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for _, tc := range []struct {
		mode, method string
		status       int
		calls        int32
		slept        []time.Duration
	}{
		// A rate-limited request was not performed: send it again after Retry-After.
		{"secondary", "POST", 200, 2, []time.Duration{2 * time.Second}},
		// A POST that got a 5xx may have succeeded: never repeated.
		{"5xx", "POST", 502, 1, nil},
		{"5xx", "GET", 502, maxAttempts, []time.Duration{time.Second, 2 * time.Second}},
		// A plain 403 (no rate limit headers) is an answer, not a limit.
		{"forbidden", "GET", 403, 1, nil},
	} {
		calls.Store(0)
		slept = nil
		mode.Store(tc.mode)
		if got := do(tc.method); got != tc.status || calls.Load() != tc.calls || len(slept) != len(tc.slept) {
			t.Errorf("%s %s: status %d after %d calls, slept %v; want %d after %d, slept %v", tc.mode, tc.method, got, calls.Load(), slept, tc.status, tc.calls, tc.slept)
		}
		for i := range slept {
			if i < len(tc.slept) && slept[i] != tc.slept[i] {
				t.Errorf("%s %s: slept %v, want %v", tc.mode, tc.method, slept, tc.slept)
			}
		}
	}
}
