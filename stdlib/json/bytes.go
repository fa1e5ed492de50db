package json

import (
	"unicode/utf16"
	"unicode/utf8"

	"github.com/pyish/pyish/runtime"
)

// This file decodes bytes documents as json.detect_encoding does.

// decodeBytes detects UTF-8 (with or without BOM), UTF-16 or UTF-32 from
// the first bytes and decodes b.
func decodeBytes(b []byte) (string, error) {
	switch enc := detectEncoding(b); enc {
	case "utf-8-sig":
		return utf8Text(b[3:])
	case "utf-8":
		return utf8Text(b)
	case "utf-16", "utf-16-le", "utf-16-be":
		return utf16Text(b, enc)
	default:
		return utf32Text(b, enc)
	}
}

// detectEncoding is json.detect_encoding.
func detectEncoding(b []byte) string {
	switch {
	case len(b) >= 4 && (string(b[:4]) == "\xff\xfe\x00\x00" || string(b[:4]) == "\x00\x00\xfe\xff"):
		return "utf-32"
	case len(b) >= 2 && (string(b[:2]) == "\xff\xfe" || string(b[:2]) == "\xfe\xff"):
		return "utf-16"
	case len(b) >= 3 && string(b[:3]) == "\xef\xbb\xbf":
		return "utf-8-sig"
	case len(b) >= 4:
		switch {
		case b[0] == 0 && b[1] == 0:
			return "utf-32-be"
		case b[0] == 0:
			return "utf-16-be"
		case b[1] == 0 && b[2] == 0 && b[3] == 0:
			return "utf-32-le"
		case b[1] == 0:
			return "utf-16-le"
		}
	case len(b) == 2:
		switch {
		case b[0] == 0:
			return "utf-16-be"
		case b[1] == 0:
			return "utf-16-le"
		}
	}
	return "utf-8"
}

func utf8Text(b []byte) (string, error) {
	if !utf8.Valid(b) {
		return "", runtime.Errorf(runtime.UnicodeDecodeError, "'utf-8' codec can't decode bytes: invalid utf-8")
	}
	return string(b), nil
}

func utf16Text(b []byte, enc string) (string, error) {
	little := enc == "utf-16-le"
	if enc == "utf-16" {
		little = b[0] == 0xff
		b = b[2:]
	}
	if len(b)%2 != 0 {
		return "", runtime.Errorf(runtime.UnicodeDecodeError, "'utf-16' codec can't decode: truncated data")
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		if little {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		} else {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		}
	}
	return string(utf16.Decode(u)), nil
}

func utf32Text(b []byte, enc string) (string, error) {
	little := enc == "utf-32-le"
	if enc == "utf-32" {
		little = b[0] == 0xff
		b = b[4:]
	}
	if len(b)%4 != 0 {
		return "", runtime.Errorf(runtime.UnicodeDecodeError, "'utf-32' codec can't decode: truncated data")
	}
	rs := make([]rune, len(b)/4)
	for i := range rs {
		w := b[4*i : 4*i+4]
		if little {
			rs[i] = rune(w[0]) | rune(w[1])<<8 | rune(w[2])<<16 | rune(w[3])<<24
		} else {
			rs[i] = rune(w[3]) | rune(w[2])<<8 | rune(w[1])<<16 | rune(w[0])<<24
		}
	}
	return string(rs), nil
}
