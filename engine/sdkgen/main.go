// Command sdkgen answers `pulumi package gen-sdk` for this project: a code-generation-only
// language plugin, installed under the names pulumi-language-nodejs, pulumi-language-python
// and pulumi-language-go (it picks the language from the name it was started as).
//
// Why it exists: from v3.x the CLI no longer generates SDKs itself; `pulumi package gen-sdk`
// binds the schema and sends it to the language's plugin (GeneratePackage). The upstream
// Python, Go and Node.js language hosts are modules the module mirror these machines reach
// refuses (see engine/README.md), and our own Node.js host (langhost/) only runs programs. The
// generators themselves are in pkg/v3/codegen at the engine's version, which is served; this
// calls them exactly as the upstream hosts' GeneratePackage do, and nothing else (every other
// call answers Unimplemented). scripts/gen-sdks puts it on PATH for the gen-sdk run only, so
// programs still run with the real hosts.
//
// .NET is not here: its generator left pkg/v3 before v3.248.0 (for the pulumi-dotnet
// repository, whose module the mirror refuses); see engine/sdkgen-dotnet.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
)

// version is set at build time to the engine's version (-X main.version=v3.248.0).
var version = "v0.0.0-dev"

func main() {
	name := filepath.Base(os.Args[0])
	language := strings.TrimPrefix(name, "pulumi-language-")
	switch language {
	case "nodejs", "python", "go":
	default:
		fmt.Fprintf(os.Stderr, "sdkgen: started as %q; install it as pulumi-language-{nodejs,python,go}\n", name)
		os.Exit(2)
	}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, &generator{language: language})
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s (sdkgen): could not start the gRPC server: %v\n", name, err)
		os.Exit(1)
	}
	// The engine reads the port from our first line of output.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "%s (sdkgen): gRPC server stopped: %v\n", name, err)
		os.Exit(1)
	}
}

type generator struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	language string
}

func (g *generator) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

// GeneratePackage binds the schema with the engine's loader (for any package it refers to)
// and writes the language's generated files under req.Directory.
func (g *generator) GeneratePackage(
	_ context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	loader, err := schema.NewLoaderClient(req.LoaderTarget)
	if err != nil {
		return nil, err
	}
	defer loader.Close()
	cached := schema.NewCachedLoader(loader)

	var spec schema.PackageSpec
	if err := json.Unmarshal([]byte(req.Schema), &spec); err != nil {
		return nil, err
	}
	pkg, diags, err := schema.BindSpec(spec, cached, schema.ValidationOptions{AllowDanglingReferences: true})
	if err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return &pulumirpc.GeneratePackageResponse{Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(diags)}, nil
	}

	tool := "pulumi-language-" + g.language
	var files map[string][]byte
	switch g.language {
	case "nodejs":
		files, err = nodejs.GeneratePackage(tool, pkg, req.ExtraFiles, req.LocalDependencies, req.Local, cached)
	case "python":
		files, err = python.GeneratePackage(tool, pkg, req.ExtraFiles, cached)
	case "go":
		if len(req.ExtraFiles) > 0 {
			return nil, fmt.Errorf("overlays are not supported for Go")
		}
		files, err = gogen.GeneratePackage(tool, pkg, req.LocalDependencies)
	}
	if err != nil {
		return nil, err
	}
	for filename, data := range files {
		out := filepath.Join(req.Directory, filename)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(out, data, 0o644); err != nil {
			return nil, err
		}
	}
	return &pulumirpc.GeneratePackageResponse{Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(diags)}, nil
}
