// Command pulumi-language-dotnet (sdkgen-dotnet) answers `pulumi package gen-sdk --language
// dotnet` for this project: a code-generation-only language plugin, like engine/sdkgen.
//
// Why a module of its own, at pkg/v3 v3.228.0 and not the engine's v3.248.0: the .NET generator
// moved out of pkg/v3 (deprecated in v3.220.0, deleted before v3.229.0) into the pulumi-dotnet
// repository's module github.com/pulumi/pulumi-dotnet/pulumi-language-dotnet/v3, which the module
// mirror these machines reach refuses at every version. v3.228.0 is the last pkg/v3 with it, and
// is served. Its generator is frozen, so the code it writes is what pulumi-dotnet's wrote then;
// the CLI (v3.248.0) and this plugin talk over the language-host gRPC protocol, which both speak.
package main

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"

	"github.com/pulumi/pulumi/pkg/v3/codegen/dotnet"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
)

// version is set at build time to the engine's version (-X main.version=v3.248.0).
var version = "v0.0.0-dev"

// logo is the NuGet package icon. The generator downloads the schema's logoUrl, or Pulumi's logo
// from GitHub when it has none, with http.Get: generation must work offline (CI reaches no such
// host) and give the same files every time, so every download it makes gets this file instead.
//
//go:embed logo.png
var logo []byte

type localLogo struct{}

func (localLogo) RoundTrip(req *http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode: http.StatusOK, Status: "200 OK", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{"Content-Type": []string{"image/png"}}, Body: io.NopCloser(bytes.NewReader(logo)),
		ContentLength: int64(len(logo)), Request: req,
	}, nil
}

func main() {
	http.DefaultTransport = localLogo{}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, &generator{})
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-dotnet (sdkgen): could not start the gRPC server: %v\n", err)
		os.Exit(1)
	}
	// The engine reads the port from our first line of output.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-dotnet (sdkgen): gRPC server stopped: %v\n", err)
		os.Exit(1)
	}
}

type generator struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
}

func (g *generator) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

// GeneratePackage binds the schema with the engine's loader and writes the C# files under
// req.Directory.
func (g *generator) GeneratePackage(
	_ context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	loader, err := schema.NewLoaderClient(req.LoaderTarget)
	if err != nil {
		return nil, err
	}
	defer loader.Close()

	var spec schema.PackageSpec
	if err := json.Unmarshal([]byte(req.Schema), &spec); err != nil {
		return nil, err
	}
	pkg, diags, err := schema.BindSpec(spec, schema.NewCachedLoader(loader), schema.ValidationOptions{
		AllowDanglingReferences: true,
	})
	if err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return &pulumirpc.GeneratePackageResponse{Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(diags)}, nil
	}
	files, err := dotnet.GeneratePackage("pulumi-language-dotnet", pkg, req.ExtraFiles, req.LocalDependencies)
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
