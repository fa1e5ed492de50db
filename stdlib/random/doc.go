// Package random is pyish's random module: CPython's Mersenne Twister and
// the methods of Lib/random.py, transcribed so that seeded programs draw
// exactly the numbers CPython draws.
//
// Module builds the module for one interpreter: its functions are bound to
// a fresh Random instance, as CPython's are bound to random._inst.
// SystemRandom draws from crypto/rand. Subclassing Random in pyish code
// is left out.
package random
