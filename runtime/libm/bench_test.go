package libm

import "testing"

func BenchmarkSin(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Sin(float64(i%1000) * 0.01)
	}
}

func BenchmarkExp(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Exp(float64(i%1000) * 0.01)
	}
}

func BenchmarkLog(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Log(float64(i%1000)*0.01 + 0.5)
	}
}
