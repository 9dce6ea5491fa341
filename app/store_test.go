package app

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

func TestStoreCleanup(t *testing.T) {
	ctx := context.Background()
	s, err := OpenStore(ctx, filepath.Join(t.TempDir(), "db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tx, _ := s.DB.BeginTx(ctx, nil)
	if fresh, err := s.recordDelivery(ctx, tx, "old", "ping"); !fresh || err != nil {
		t.Fatal(fresh, err)
	}
	if fresh, _ := s.recordDelivery(ctx, tx, "old", "ping"); fresh {
		t.Fatal("a delivery id is recorded once")
	}
	tx.Commit()
	s.DB.ExecContext(ctx, `UPDATE leakguard_delivery SET received_at = ?`, time.Now().Add(-30*24*time.Hour).Unix())
	tx, _ = s.DB.BeginTx(ctx, nil)
	s.recordDelivery(ctx, tx, "new", "ping")
	tx.Commit()
	if n, err := s.cleanup(ctx, time.Now().Add(-retention)); err != nil || n != 1 {
		t.Fatalf("cleanup removed %d rows (%v), want 1", n, err)
	}
	var left int
	s.DB.QueryRowContext(ctx, `SELECT count(*) FROM leakguard_delivery`).Scan(&left)
	if left != 1 {
		t.Errorf("%d deliveries left, want the recent one", left)
	}
}
