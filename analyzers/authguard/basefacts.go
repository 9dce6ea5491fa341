package authguard

import (
	"runtime"
	"sync"
	"weak"

	"github.com/leakguard/leakguard/analyzers/source"
)

// The engine runs an analyzer over the base side and then the head side of a
// review, handing both passes the same *source.File values. Regression rules
// (a check that existed at base is gone at head) need what the base pass saw,
// so the base pass leaves its facts here, keyed weakly by the changed file,
// and the head pass takes them. A file whose head pass never runs is dropped
// when the review's files are collected.
//
// TODO(engine): replace with a Pass accessor for the other side when the
// engine offers one.
var baseFacts sync.Map // weak.Pointer[source.File] -> *fileFacts

func storeBase(f *source.File, ff *fileFacts) {
	k := weak.Make(f)
	if _, loaded := baseFacts.Swap(k, ff); !loaded {
		runtime.AddCleanup(f, func(k weak.Pointer[source.File]) { baseFacts.Delete(k) }, k)
	}
}

func takeBase(f *source.File) *fileFacts {
	v, ok := baseFacts.LoadAndDelete(weak.Make(f))
	if !ok {
		return nil
	}
	return v.(*fileFacts)
}
