package isolation

import (
	"reflect"
	"testing"

	"github.com/leakguard/leakguard/analyzers"
	"github.com/leakguard/leakguard/analyzers/source"
)

// fill sets every exported field reachable from v to a non-zero value, so a
// field added to Result, Finding or File later is covered by the round trip.
func fill(t *testing.T, v reflect.Value, n *int, path string) {
	*n++
	switch v.Kind() {
	case reflect.Pointer:
		if v.Type() == reflect.TypeOf((*analyzers.Rule)(nil)) {
			v.Set(reflect.ValueOf(testRule)) // travels by id
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(t, v.Elem(), n, path)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(t, v.Field(i), n, path+"."+v.Type().Field(i).Name)
			}
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := 0; i < 2; i++ {
			fill(t, v.Index(i), n, path+"[]")
		}
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(t, k, n, path+"{key}")
		fill(t, e, n, path+"{}")
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.String:
		v.SetString("s" + string(rune('a'+*n%26)))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(*n%7 + 1))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(*n%7 + 1))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(*n) + 0.5)
	default:
		t.Fatalf("%s: a %s cannot travel from the review worker as JSON", path, v.Kind())
	}
}

var testRule = &analyzers.Rule{ID: "secrets/test-rule", Category: analyzers.CategorySecrets, Severity: analyzers.High}

// TestWireRoundTrip: every field of the result and the files survives the
// worker's JSON, rules come back as this server's own values.
func TestWireRoundTrip(t *testing.T) {
	var res analyzers.Result
	var files []*source.File
	n := 0
	fill(t, reflect.ValueOf(&res).Elem(), &n, "Result")
	fill(t, reflect.ValueOf(&files).Elem(), &n, "Files")
	b, err := encodeOutput(&res, files, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, gotFiles, analysisErr, err := decodeOutput(b, func(id string) *analyzers.Rule {
		if id == testRule.ID {
			return testRule
		}
		return nil
	})
	if err != nil || analysisErr != "" {
		t.Fatal(err, analysisErr)
	}
	if !reflect.DeepEqual(&res, got) {
		t.Errorf("result changed on the wire:\nsent %+v\n got %+v", res, *got)
	}
	if !reflect.DeepEqual(files, gotFiles) {
		t.Errorf("files changed on the wire")
	}
	if _, _, _, err := decodeOutput([]byte(`{"version":2}`), nil); err == nil {
		t.Error("another wire version must be refused")
	}
}
