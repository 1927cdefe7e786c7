// Command sts-oracle answers JSON lines on stdin with JSON lines on stdout: one request
// per line ({"op":"validate","object":"<yaml>",...}), one response per line, in order.
// See the oracle package for what a response holds.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"k8s.io/klog/v2"

	"statefulset-studio/kube-oracle/oracle"
)

func main() {
	klog.SetOutput(io.Discard)
	klog.LogToStderr(false)
	version := flag.Bool("version", false, "print the Kubernetes release and exit")
	flag.Parse()
	if *version {
		fmt.Println(oracle.KubernetesVersion)
		return
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	out := bufio.NewWriter(os.Stdout)
	encoder := json.NewEncoder(out)
	encoder.SetEscapeHTML(false)
	for in.Scan() {
		line := in.Bytes()
		if len(line) == 0 {
			continue
		}
		var req oracle.Request
		var resp oracle.Response
		if err := json.Unmarshal(line, &req); err != nil {
			resp = oracle.Response{Errors: []oracle.FieldError{}, Failure: "bad request: " + err.Error()}
		} else {
			resp = oracle.Answer(req)
		}
		if err := encoder.Encode(resp); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if err := out.Flush(); err != nil {
			os.Exit(1)
		}
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
