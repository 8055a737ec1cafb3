package emulator

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"
)

// shutdownGrace is how long Close waits for requests in flight before it
// closes their connections.
const shutdownGrace = 5 * time.Second

// Server serves an Emulator on a TCP listener.
type Server struct {
	http     *http.Server
	listener net.Listener
	done     chan struct{}
	err      error // set before done closes

	connsMu sync.Mutex
	conns   map[net.Conn]http.ConnState // open connections, for Close

	closeOnce sync.Once
	closeErr  error
}

// Start listens on addr ("127.0.0.1:0" picks a free port) and serves e in the
// background until Close. Start itself accepts any address; refusing
// non-loopback addresses is the command's policy.
func Start(e *Emulator, addr string) (*Server, error) {
	listener, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listening on %s: %w", addr, err)
	}
	s := &Server{
		http: &http.Server{
			Handler: e,
			// Bounds how long a slow client can hold a connection before
			// sending its headers.
			ReadHeaderTimeout: 10 * time.Second,
			// Connection-level errors go to the emulator's logger, not stderr.
			ErrorLog: slog.NewLogLogger(e.log.Handler(), slog.LevelWarn),
		},
		listener: listener,
		done:     make(chan struct{}),
		conns:    map[net.Conn]http.ConnState{},
	}
	s.http.ConnState = s.trackConn
	go func() {
		defer close(s.done)
		if err := s.http.Serve(listener); !errors.Is(err, http.ErrServerClosed) {
			s.err = err
		}
	}()
	return s, nil
}

// URL returns the base URL clients use, e.g. "http://127.0.0.1:4590".
func (s *Server) URL() string {
	return "http://" + s.listener.Addr().String()
}

// Addr returns the address the server listens on.
func (s *Server) Addr() net.Addr { return s.listener.Addr() }

// Done is closed when the server has stopped serving, after Close or on a
// listener failure; Err then says which.
func (s *Server) Done() <-chan struct{} { return s.done }

// Err returns why the server stopped serving, nil after Close.
func (s *Server) Err() error {
	select {
	case <-s.done:
		return s.err
	default:
		return nil
	}
}

// Close stops accepting connections, lets requests in flight finish for up
// to shutdownGrace, then closes what remains. Calling it again returns the
// first result.
func (s *Server) Close() error {
	s.closeOnce.Do(func() { s.closeErr = s.shutdown() })
	return s.closeErr
}

func (s *Server) shutdown() error {
	ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	shutdown := make(chan error, 1)
	go func() { shutdown <- s.http.Shutdown(ctx) }()

	// http.Server.Shutdown waits up to 5 s for a connection that was opened
	// but has not sent a request (clients open spare ones under load). Such
	// a connection has nothing in flight, so close it now instead.
	sweep := time.NewTicker(10 * time.Millisecond)
	defer sweep.Stop()
	var err error
	for stopped := false; !stopped; {
		s.closeConnsWithoutRequest()
		select {
		case err = <-shutdown:
			stopped = true
		case <-sweep.C:
		}
	}
	if errors.Is(err, context.DeadlineExceeded) {
		err = s.http.Close()
	}
	<-s.done
	return err
}

func (s *Server) trackConn(conn net.Conn, state http.ConnState) {
	s.connsMu.Lock()
	defer s.connsMu.Unlock()
	switch state {
	case http.StateClosed, http.StateHijacked:
		delete(s.conns, conn)
	default:
		s.conns[conn] = state
	}
}

func (s *Server) closeConnsWithoutRequest() {
	s.connsMu.Lock()
	defer s.connsMu.Unlock()
	for conn, state := range s.conns {
		if state == http.StateNew {
			_ = conn.Close()
		}
	}
}
