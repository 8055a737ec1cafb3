package emulator_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/connectcases"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// syncBuffer is a bytes.Buffer the server's goroutines may write to.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// The request log has one record per request at Info, and none when the
// logger's level is above Info (logRequest then builds nothing).
func TestRequestLogFollowsLevel(t *testing.T) {
	for _, tc := range []struct {
		level slog.Level
		want  bool
	}{{slog.LevelInfo, true}, {slog.LevelWarn, false}} {
		t.Run(tc.level.String(), func(t *testing.T) {
			var out syncBuffer
			logger := slog.New(slog.NewTextHandler(&out, &slog.HandlerOptions{Level: tc.level}))
			_, server := startEmulator(t, emulator.Options{Logger: logger})
			client := defaultClient(server)
			created := createDomain(t, client, "logged")
			if _, err := client.GetDomain(context.Background(), &connectcases.GetDomainInput{DomainId: created.DomainId}); err != nil {
				t.Fatal(err)
			}
			logged := out.String()
			got := strings.Contains(logged, "msg=request") && strings.Contains(logged, "operation=GetDomain") && strings.Contains(logged, "status=200")
			if got != tc.want {
				t.Errorf("GetDomain request record logged = %v, want %v; log:\n%s", got, tc.want, logged)
			}
			if strings.Contains(logged, "Authorization") || strings.Contains(logged, testSecret) {
				t.Errorf("the log holds credentials:\n%s", logged)
			}
		})
	}
}

// BenchmarkServeGetDomain measures the emulator's own work for one signed
// GetDomain (routing, SigV4 header parsing, store, JSON, request log),
// without the network or the client.
func BenchmarkServeGetDomain(b *testing.B) {
	for _, bc := range []struct {
		name   string
		logger *slog.Logger
	}{
		{"logger=nil", nil},
		// What a nil Logger used to be: every record formatted, then dropped.
		{"logger=text-info-discard", slog.New(slog.NewTextHandler(io.Discard, nil))},
	} {
		b.Run(bc.name, func(b *testing.B) {
			e, server := startEmulator(b, emulator.Options{Logger: bc.logger})
			created := createDomain(b, defaultClient(server), "benchmarked")
			req, err := http.NewRequest(http.MethodPost, server.URL()+"/domains/"+*created.DomainId, nil)
			if err != nil {
				b.Fatal(err)
			}
			signAt(b, req, sha256Hex(nil), "AKIDEXAMPLE", testSecret, time.Now())
			for b.Loop() {
				r := req.Clone(context.Background())
				r.Body = http.NoBody
				rec := httptest.NewRecorder()
				e.ServeHTTP(rec, r)
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d: %s", rec.Code, rec.Body)
				}
			}
		})
	}
}
