package pyish

import "testing"

func TestGCPercentFor(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live, floor uint64
		want        int
	}{
		{0, 64 * mb, maxGCPercent},      // empty heap: the cap
		{1 * mb, 64 * mb, maxGCPercent}, // 6400% wanted, capped
		{8 * mb, 64 * mb, 800},          // next cycle at 8 + 64 MB
		{32 * mb, 64 * mb, 200},         // at 32 + 64 MB
		{64 * mb, 64 * mb, 100},         // the floor equals the live heap
		{500 * mb, 64 * mb, 100},        // a big heap: Go's default
		{3 * mb, 4 * mb, 133},           // rounds down
	} {
		if got := gcPercentFor(c.live, c.floor); got != c.want {
			t.Errorf("gcPercentFor(%d MB, %d MB) = %d, want %d", c.live/mb, c.floor/mb, got, c.want)
		}
	}
}

// TestTuneGCLeavesGOGC checks that an explicit GOGC in the environment wins.
func TestTuneGCLeavesGOGC(t *testing.T) {
	t.Setenv("GOGC", "100")
	TuneGC(0)
	if gcTune.floor != 0 {
		t.Fatalf("TuneGC changed the GC with GOGC set (floor %d)", gcTune.floor)
	}
}
