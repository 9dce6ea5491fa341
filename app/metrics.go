package app

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are the Prometheus series served on /metrics, on a registry of
// their own (no global state).
type Metrics struct {
	Registry       *prometheus.Registry
	Webhooks       *prometheus.CounterVec   // event, outcome
	Jobs           *prometheus.CounterVec   // kind, outcome
	ReviewSeconds  prometheus.Histogram     // analysis and posting, per review
	Findings       *prometheus.CounterVec   // status
	APICalls       *prometheus.CounterVec   // method, code
	APIRetries     prometheus.Counter       // rate-limit waits and GET retries
	WebhookSeconds *prometheus.HistogramVec // event
	WorkerFailures *prometheus.CounterVec   // kind: memory, timeout, crash
}

// NewMetrics registers leakguard's series and the Go runtime's.
func NewMetrics() *Metrics {
	r := prometheus.NewRegistry()
	m := &Metrics{
		Registry: r,
		Webhooks: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "leakguard_webhooks_total", Help: "Webhook deliveries by event and outcome."}, []string{"event", "outcome"}),
		Jobs:     prometheus.NewCounterVec(prometheus.CounterOpts{Name: "leakguard_jobs_total", Help: "Jobs worked by kind and outcome."}, []string{"kind", "outcome"}),
		ReviewSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "leakguard_review_duration_seconds", Help: "Time to review a pull request, from job start to completed check run.",
			Buckets: prometheus.ExponentialBuckets(0.25, 2, 10)}),
		Findings:       prometheus.NewCounterVec(prometheus.CounterOpts{Name: "leakguard_findings_total", Help: "Findings reported by status."}, []string{"status"}),
		APICalls:       prometheus.NewCounterVec(prometheus.CounterOpts{Name: "leakguard_github_requests_total", Help: "GitHub API requests by method and status code."}, []string{"method", "code"}),
		APIRetries:     prometheus.NewCounter(prometheus.CounterOpts{Name: "leakguard_github_retries_total", Help: "GitHub API requests sent again after a rate limit or a failed GET."}),
		WebhookSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "leakguard_webhook_duration_seconds", Help: "Time from receiving a webhook to answering it.", Buckets: prometheus.ExponentialBuckets(0.0005, 2, 14)}, []string{"event"}),
		WorkerFailures: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "leakguard_review_worker_failures_total", Help: "Reviews ended by their worker running out of memory or time, or crashing."}, []string{"kind"}),
	}
	r.MustRegister(m.WorkerFailures, m.Webhooks, m.Jobs, m.ReviewSeconds, m.Findings, m.APICalls, m.APIRetries, m.WebhookSeconds,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// MetricsHandler serves GET /metrics. `leakguard serve` listens for it on
// LEAKGUARD_METRICS_ADDR (loopback by default), never on the webhook port.
func (s *Service) MetricsHandler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.metrics.Registry, promhttp.HandlerOpts{}))
	return mux
}
