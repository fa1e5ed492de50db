package runtime

// StrIteratorType is the type of iter(str).
var StrIteratorType *Type
