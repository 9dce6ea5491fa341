package analyzers

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"runtime"
	"sync"

	pg_query "github.com/pganalyze/pg_query_go/v6"
	pgparser "github.com/pganalyze/pg_query_go/v6/parser"
	"google.golang.org/protobuf/proto"

	"github.com/leakguard/leakguard/analyzers/factstore"
	"github.com/leakguard/leakguard/analyzers/jsindex"
	"github.com/leakguard/leakguard/analyzers/source"
	"github.com/leakguard/leakguard/analyzers/syntax"
)

// factsCache computes module facts once per blob for both sides of a
// review, and keeps them across reviews in a persistent store when the
// engine has one. Misses are computed in parallel (at most GOMAXPROCS at a
// time): the cheap scanner first, a transient parse where it declines.
type factsCache struct {
	store *factstore.Store // nil: this review only
	syn   *syntax.Cache

	mu  sync.Mutex
	mem map[string]*jsindex.Facts // by key; nil for a file that is not a module
	sql map[string][]byte         // encoded migration parses by key
}

func newFactsCache(store *factstore.Store, syn *syntax.Cache) *factsCache {
	return &factsCache{store: store, syn: syn, mem: map[string]*jsindex.Facts{}, sql: map[string][]byte{}}
}

// key names a module's facts: the blob, the grammar, the facts version and
// the parse limits that decide whether it is a module at all.
func (c *factsCache) key(p, sha string) string {
	lang, _ := syntax.LangOf(p)
	l := c.syn.Limits()
	return fmt.Sprintf("jsfacts/%d/%s/%d/%d/%d", jsindex.FactsVersion, sha, lang, l.MaxBytes, l.MaxLineLen)
}

// facts returns the facts of files of tree, in order.
func (c *factsCache) facts(ctx context.Context, tree source.Tree, files []source.Entry) []*jsindex.Facts {
	out := make([]*jsindex.Facts, len(files))
	var todo []int
	c.mu.Lock()
	for i, e := range files {
		// Path-based skips (generated, vendored) come first: facts are
		// shared by content, which may sit at another path elsewhere.
		if _, ok := syntax.LangOf(e.Path); !ok || c.syn.Skip(e.Path, nil) != "" {
			continue
		}
		if e.SHA != "" {
			if f, ok := c.mem[c.key(e.Path, e.SHA)]; ok {
				out[i] = f
				continue
			}
		}
		todo = append(todo, i)
	}
	c.mu.Unlock()
	if len(todo) == 0 {
		return out
	}
	workers := min(runtime.GOMAXPROCS(0), len(todo))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = c.compute(ctx, tree, files[i])
			}
		}()
	}
	for _, i := range todo {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// compute finds one file's facts: from the store, else from its content.
func (c *factsCache) compute(ctx context.Context, tree source.Tree, e source.Entry) *jsindex.Facts {
	if e.SHA != "" && c.store != nil {
		if data, ok := c.store.Get(c.key(e.Path, e.SHA)); ok {
			var f jsindex.Facts
			if json.Unmarshal(data, &f) == nil {
				c.remember(c.key(e.Path, e.SHA), &f)
				return &f
			}
		}
	}
	b, err := tree.Read(ctx, e.Path)
	if err != nil {
		return nil
	}
	key := c.key(e.Path, b.SHA)
	if c.syn.Skip(e.Path, b.Data) != "" {
		c.remember(key, nil)
		return nil
	}
	f, ok := jsindex.ScanFacts(e.Path, b.Data)
	if !ok {
		err := c.syn.Transient(ctx, e.Path, b.Data, func(sf *syntax.File) { f = jsindex.FactsOf(sf) })
		if err != nil {
			return nil // a parse timeout: not remembered, the next review tries again
		}
	}
	c.remember(key, &f)
	if c.store != nil {
		if data, err := json.Marshal(&f); err == nil {
			c.store.Put(key, data)
		}
	}
	return &f
}

func (c *factsCache) remember(key string, f *jsindex.Facts) {
	c.mu.Lock()
	c.mem[key] = f
	c.mu.Unlock()
}

// pgParseVersion names the parser whose trees the store keeps.
const pgParseVersion = "pg_query_go-v6.2.5"

// parseSQL parses a migration as pg_query.Parse does, once per review for
// both sides, and keeps the tree (pg_query's own protobuf encoding) in the
// store across reviews: unchanged migrations are not parsed again.
func (c *factsCache) parseSQL(sql string) (*pg_query.ParseResult, error) {
	sum := sha256.Sum256([]byte(sql))
	key := "pgparse/" + pgParseVersion + "/" + hex.EncodeToString(sum[:])
	c.mu.Lock()
	enc, ok := c.sql[key]
	c.mu.Unlock()
	if !ok && c.store != nil {
		enc, ok = c.store.Get(key)
	}
	if !ok {
		var err error
		if enc, err = pgparser.ParseToProtobuf(sql); err != nil {
			return nil, err
		}
		if c.store != nil {
			c.store.Put(key, enc)
		}
	}
	c.mu.Lock()
	c.sql[key] = enc
	c.mu.Unlock()
	res := &pg_query.ParseResult{}
	if err := proto.Unmarshal(enc, res); err != nil {
		return pg_query.Parse(sql) // a damaged entry: parse afresh
	}
	return res, nil
}
