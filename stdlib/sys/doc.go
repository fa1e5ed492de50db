// Package sys is pyish's sys module: argv, exit, the standard streams
// (writing to and reading from the Thread's Stdout, Stderr and Stdin),
// the recursion limit, version information and platform facts.
//
// sys.modules is a fresh dict of the imported modules on every access
// (changes to it are not seen by import); sys.path is an empty list, as
// pyish imports only its built-in modules. set_int_max_str_digits is left
// out: the runtime's limit is fixed at CPython's default, 4300.
package sys
